"""Who may manage the organisation. Administrators manage everything; nobody else edits it."""

import rules

from .models import RoleAssignment


@rules.predicate
def is_org_admin(user):
    return user.is_authenticated and user.is_org_admin


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def is_decider_anywhere(user):
    return user.is_authenticated and bool(user.role_units(*RoleAssignment.DECIDERS))


rules.add_perm("org.manage", is_org_admin)
rules.add_perm("org.view_people", rules.is_authenticated)
