"""Who may do what in the inspirer network. Views enforce these; templates only hide buttons.

Everyone logged in may find inspirers, read their profiles and the activities, and sign up.
An inspirer edits their own profile, the coordinator anyone's. The coordinator organises
activities for the whole municipality; an innovation lead for the departments they lead in.
The overview is the coordinator's (every department) and managers' and innovation leads' (the
departments they hold that role in). The table is in docs/roles.md.
"""

import rules

from ideverket.org.models import RoleAssignment


def is_inspirer_user(user):
    return bool(user.role_units(RoleAssignment.Role.INSPIRER))


def led_department_ids(user, *roles):
    """Ids of the departments in which `user` holds one of `roles` (on the department or a unit
    in it)."""
    return {unit.department_id for unit in user.role_units(*roles) if unit.department_id}


def organiser_department_ids(user):
    """The departments the user may organise activities for (the coordinator: all, as None)."""
    if user.is_coordinator:
        return None
    return led_department_ids(user, RoleAssignment.Role.INNOVATION_LEAD)


def overview_department_ids(user):
    """The departments whose figures the user sees (the coordinator: all, as None)."""
    if user.is_coordinator:
        return None
    return led_department_ids(user, *RoleAssignment.DECIDERS)


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def can_edit_profile(user, inspirer):
    """The inspirer themself (while they hold the role), or the coordinator."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_coordinator or (user.pk == inspirer.pk and is_inspirer_user(user))


@rules.predicate
def can_organise(user):
    return user.is_authenticated and (
        user.is_coordinator or bool(user.role_units(RoleAssignment.Role.INNOVATION_LEAD))
    )


@rules.predicate
def can_manage_activity(user, activity):
    """Change an activity and mark attendance: the coordinator, the lead of its department, or
    the organiser while they may still organise."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_coordinator:
        return True
    departments = organiser_department_ids(user)
    if activity.department_id is not None and activity.department_id in departments:
        return True
    return activity.organiser_id == user.pk and can_organise(user)


@rules.predicate
def can_view_overview(user):
    return user.is_authenticated and (
        user.is_coordinator or bool(user.role_units(*RoleAssignment.DECIDERS))
    )


rules.add_perm("network.edit_profile", can_edit_profile)
rules.add_perm("network.organise", can_organise)
rules.add_perm("network.manage_activity", can_manage_activity)
rules.add_perm("network.view_overview", can_view_overview)
