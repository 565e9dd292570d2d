"""Project.objects.visible_to(user): who sees an open and a restricted project, and why.

The restricted project is led by Utbildningsförvaltningen. Inviting a unit lets its subtree
see the project (partners included: "support functions see what they are asked into");
declining takes that away again.
"""

import pytest

from ideverket.activity.actions import record_event
from ideverket.activity.describe import attach_subjects
from ideverket.activity.models import Event, Notification
from ideverket.projects import actions
from ideverket.projects.models import Project, ProjectUnit

pytestmark = pytest.mark.django_db

EVERYONE = [
    "employee",
    "colleague",
    "inspirer",
    "manager",
    "lead",
    "director",
    "social_lead",
    "outsider",
    "hr_person",
    "coordinator",
    "admin",
]
# Education's subtree, its deciders, and the coordinator.
EDUCATION_SIDE = ["employee", "colleague", "inspirer", "manager", "lead", "director", "coordinator"]


def visible(cast, key, project):
    return Project.objects.visible_to(cast.fresh(key)).filter(pk=project.pk).exists()


def seers(cast, project):
    return {key for key in EVERYONE if visible(cast, key, project)}


def test_open_project_is_seen_by_everyone(cast, make_project):
    project = make_project()
    assert seers(cast, project) == set(EVERYONE)


def test_restricted_project_is_seen_by_the_lead_units_subtree_deciders_and_coordinator(
    cast, make_project
):
    project = make_project(visibility=Project.Visibility.RESTRICTED)
    assert seers(cast, project) == set(EDUCATION_SIDE)


def test_an_invited_unit_sees_it_a_declining_one_stops_seeing_it(cast, make_project):
    project = make_project(visibility=Project.Visibility.RESTRICTED)
    invitation = actions.do_invite_unit(cast.fresh("lead"), project, cast.social)
    # Socialförvaltningen's lead, and Hemtjänst Öst below it, now see what they are asked into.
    assert seers(cast, project) == {*EDUCATION_SIDE, "social_lead", "outsider"}
    actions.do_respond_to_invitation(cast.fresh("social_lead"), invitation, accept=False)
    assert seers(cast, project) == set(EDUCATION_SIDE)


def test_a_support_function_invited_as_partner_sees_it(cast, make_project):
    project = make_project(visibility=Project.Visibility.RESTRICTED)
    actions.do_invite_unit(cast.fresh("lead"), project, cast.hr, as_partner=True)
    # HR's people; not the rest of Kommunledningsförvaltningen (the admin works there).
    assert seers(cast, project) == {*EDUCATION_SIDE, "hr_person"}
    ProjectUnit.objects.filter(project=project, unit=cast.hr).update(
        status=ProjectUnit.Status.ACCEPTED
    )
    assert visible(cast, "hr_person", project)


def test_team_members_from_elsewhere_see_it(cast, make_project):
    project = make_project(visibility=Project.Visibility.RESTRICTED)
    actions.do_add_member(cast.fresh("lead"), project, cast.outsider)
    assert visible(cast, "outsider", project)
    member = project.memberships.get(user=cast.outsider)
    actions.do_remove_member(cast.fresh("lead"), project, member)
    assert not visible(cast, "outsider", project)


def test_a_decider_above_an_invited_unit_sees_it(cast, make_project):
    from ideverket.org.actions import do_grant_role
    from ideverket.org.models import RoleAssignment

    project = make_project(visibility=Project.Visibility.RESTRICTED)
    actions.do_invite_unit(cast.fresh("lead"), project, cast.homecare)
    do_grant_role(None, cast.hr_person, cast.social, RoleAssignment.Role.MANAGER)
    assert visible(cast, "hr_person", project)


def test_anonymous_and_inactive_see_nothing(cast, make_project):
    from django.contrib.auth.models import AnonymousUser

    make_project()
    assert not Project.objects.visible_to(AnonymousUser()).exists()
    employee = cast.fresh("employee")
    employee.is_active = False
    assert not Project.objects.visible_to(employee).exists()


def test_notifications_about_a_hidden_project_are_dropped(cast, make_project):
    """The inbox re-checks visibility: after HR declines, its people lose the notification."""
    project = make_project(visibility=Project.Visibility.RESTRICTED)
    invitation = actions.do_invite_unit(cast.fresh("lead"), project, cast.hr, as_partner=True)
    record_event(cast.lead, Event.Verb.EDITED, project, notify=[cast.hr_person.pk])
    hr_person = cast.fresh("hr_person")
    inbox = list(Notification.objects.for_user(hr_person).select_related("event__subject_type"))
    assert [n.subject for n in attach_subjects(hr_person, inbox)] == [project]
    actions.do_respond_to_invitation(cast.fresh("coordinator"), invitation, accept=False)
    assert attach_subjects(cast.fresh("hr_person"), inbox) == []
