"""Who may manage goals, import them and link items to them. Views enforce; templates only hide.

Every logged-in user may read the goal tree: goals are the municipality's public steering
documents. What contributes to a goal is filtered by each item's own visibility.

- periods, imports: the coordinator
- goals, indicators and their values: the coordinator anywhere; managers and innovation leads
  (RoleAssignment.DECIDERS) for goals owned by a unit within their role units
- linking an item to a goal: whoever may edit the item (see LINK_RULES in links.py)
"""

import rules

from ideverket.org.models import RoleAssignment


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def is_unit_decider(user, unit=None):
    """A manager or innovation lead over `unit` (over any unit when None)."""
    if not user.is_authenticated:
        return False
    if unit is None:
        return bool(user.role_units(*RoleAssignment.DECIDERS))
    return user.has_role_over(unit, *RoleAssignment.DECIDERS)


@rules.predicate
def is_goal_owner_decider(user, goal):
    return (
        user.is_authenticated
        and goal.owner_unit_id is not None
        and user.has_role_over(goal.owner_unit, *RoleAssignment.DECIDERS)
    )


can_manage_periods = is_coordinator
can_import_goals = is_coordinator
# Creating a goal at all; the unit it may be owned by is checked by may_own_goal.
can_create_goal = is_coordinator | is_unit_decider
can_manage_goal = is_coordinator | is_goal_owner_decider


def may_own_goal(user, unit):
    """May `user` create or keep a goal owned by `unit` (None: the whole municipality)?"""
    if not user.is_authenticated:
        return False
    if user.is_coordinator:
        return True
    return unit is not None and user.has_role_over(unit, *RoleAssignment.DECIDERS)


rules.add_perm("goals.manage_periods", can_manage_periods)
rules.add_perm("goals.import_goals", can_import_goals)
rules.add_perm("goals.add_goal", can_create_goal)
rules.add_perm("goals.change_goal", can_manage_goal)
