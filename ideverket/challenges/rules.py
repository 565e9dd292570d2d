"""Who may create and edit challenges and manage themes. Views enforce; templates only hide.

Challenges themselves are visible to every logged-in user, so there is no "view" rule.
"""

import rules

from ideverket.org.models import RoleAssignment


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def is_org_admin(user):
    return user.is_authenticated and user.is_org_admin


@rules.predicate
def may_create_for(user, unit=None):
    """Managers and innovation leads for units within their role units (any such unit if None)."""
    if not user.is_authenticated:
        return False
    if unit is None:
        return bool(user.role_units(*RoleAssignment.DECIDERS))
    return user.has_role_over(unit, *RoleAssignment.DECIDERS)


@rules.predicate
def is_decider_for_challenge(user, challenge):
    return user.is_authenticated and user.has_role_over(
        challenge.owner_unit, *RoleAssignment.DECIDERS
    )


@rules.predicate
def is_responsible(user, challenge):
    # Iterating .all() uses the prefetch cache when the view prefetched "responsible".
    return user.is_authenticated and any(u.pk == user.pk for u in challenge.responsible.all())


can_create_challenge = is_coordinator | may_create_for
can_edit_challenge = is_coordinator | is_decider_for_challenge | is_responsible
can_manage_themes = is_coordinator | is_org_admin

rules.add_perm("challenges.add_challenge", can_create_challenge)
rules.add_perm("challenges.change_challenge", can_edit_challenge)
rules.add_perm("challenges.manage_themes", can_manage_themes)
