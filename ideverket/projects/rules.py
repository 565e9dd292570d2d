"""Who may do what with a project. Views enforce these; templates only use them to hide buttons.

Seeing a project at all is decided by `Project.objects.visible_to(user)`; these predicates
assume the project has already been loaded through that queryset (with its lead unit).

- create: managers and innovation leads for units within their role; the coordinator anywhere
- manage (edit, invite units, the team, join requests, "looking for partners"): the project's
  leaders, deciders on the lead unit or above, the coordinator
- contribute (status reports, milestones, linking ideas and challenges): managers and the team
- gates: deciders on the lead unit or above, and the coordinator — not a leader as such
- invitations: deciders on the invited unit or above it, and the coordinator
"""

import rules

from ideverket.org.models import RoleAssignment

from .models import JoinRequest, ProjectMember, ProjectUnit


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def may_create_for(user, unit=None):
    """Managers and innovation leads for units within their role units (any such unit if None)."""
    if not user.is_authenticated:
        return False
    if unit is None:
        return bool(user.role_units(*RoleAssignment.DECIDERS))
    return user.has_role_over(unit, *RoleAssignment.DECIDERS)


@rules.predicate
def is_leader(user, project):
    return project.member_roles.get(user.pk) == ProjectMember.Role.LEADER


@rules.predicate
def is_member(user, project):
    return user.pk in project.member_roles


@rules.predicate
def is_lead_decider(user, project):
    """Managers and innovation leads of the lead unit or a unit above it."""
    return user.is_authenticated and user.has_role_over(project.lead_unit, *RoleAssignment.DECIDERS)


@rules.predicate
def is_running(user, project):
    return project.is_running


@rules.predicate
def is_unit_decider(user, invitation):
    """Deciders of the invited unit (or above it) answer for it; so does the coordinator."""
    return user.is_authenticated and (
        user.is_coordinator or user.has_role_over(invitation.unit, *RoleAssignment.DECIDERS)
    )


@rules.predicate
def is_awaiting_answer(user, invitation):
    return invitation.status == ProjectUnit.Status.INVITED and invitation.project.is_running


@rules.predicate
def is_pending(user, join_request):
    return join_request.status == JoinRequest.Status.PENDING


can_manage = is_leader | is_lead_decider | is_coordinator
can_contribute = can_manage | is_member
can_decide_gate = is_lead_decider | is_coordinator

rules.add_perm("projects.add_project", is_coordinator | may_create_for)
rules.add_perm("projects.change_project", can_manage)
rules.add_perm("projects.invite_unit", can_manage & is_running)
rules.add_perm("projects.manage_team", can_manage & is_running)
rules.add_perm("projects.set_partners", can_manage & is_running)
rules.add_perm("projects.report_status", can_contribute & is_running)
rules.add_perm("projects.manage_milestones", can_contribute & is_running)
rules.add_perm("projects.link_items", can_contribute & is_running)
rules.add_perm("projects.decide_gate", can_decide_gate & is_running)
rules.add_perm("projects.ask_to_join", rules.is_authenticated & ~is_member & is_running)
rules.add_perm("projects.respond_invitation", is_unit_decider & is_awaiting_answer)
