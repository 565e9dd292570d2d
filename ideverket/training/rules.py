"""Who may manage courses and sessions, and who sees coverage. Views enforce these.

The coordinator creates and edits courses and sessions; a session's organiser manages that
session too (edit, cancel, participants, attendance). Everyone logged in signs up for published
courses. Coverage: the coordinator every department; managers and innovation leads the
departments they hold that role in. The table is in docs/roles.md.
"""

import rules

from ideverket.org.models import RoleAssignment


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def can_manage_session(user, session):
    return user.is_authenticated and (user.is_coordinator or session.organiser_id == user.pk)


def coverage_department_ids(user):
    """None for every department (the coordinator), else the set of department ids whose
    coverage the user sees (empty: no coverage page)."""
    if not user.is_authenticated:
        return set()
    if user.is_coordinator:
        return None
    return {
        unit.department_id
        for unit in user.role_units(*RoleAssignment.DECIDERS)
        if unit.department_id is not None
    }


@rules.predicate
def can_view_coverage(user):
    scope = coverage_department_ids(user)
    return scope is None or bool(scope)


rules.add_perm("training.manage_courses", is_coordinator)
rules.add_perm("training.manage_session", can_manage_session)
rules.add_perm("training.view_coverage", can_view_coverage)
