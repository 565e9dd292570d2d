"""Role × action matrix for the project predicates (docs/roles.md, "Projects").

The project is open, led by Utbildningsförvaltningen, created by Lena (its innovation lead,
who leads the team); Cecilia is a team member; Socialförvaltningen is invited to take part.
"""

import pytest

from ideverket.projects import actions
from ideverket.projects.models import GateDecision, Project, ProjectMember, ProjectUnit

from .conftest import go_gate

pytestmark = pytest.mark.django_db

PERSONAS = [
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

MANAGERS = {"lead", "director", "coordinator"}  # leader; decider over the lead unit; coordinator
TEAM = MANAGERS | {"colleague"}
GATE_DECIDERS = {"lead", "director", "coordinator"}

# perm -> who has it on the running project
EXPECTED = {
    "projects.change_project": MANAGERS,
    "projects.invite_unit": MANAGERS,
    "projects.manage_team": MANAGERS,
    "projects.set_partners": MANAGERS,
    "projects.report_status": TEAM,
    "projects.manage_milestones": TEAM,
    "projects.link_items": TEAM,
    "projects.decide_gate": GATE_DECIDERS,
    "projects.ask_to_join": set(PERSONAS) - {"lead", "colleague"},
}


@pytest.fixture
def project(cast, make_project):
    project = make_project(invite=True)
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague)
    return Project.objects.select_related("lead_unit").get(pk=project.pk)


def holders(cast, perm, obj):
    return {key for key in PERSONAS if cast.fresh(key).has_perm(perm, obj)}


@pytest.mark.parametrize("perm", EXPECTED)
def test_running_project_matrix(cast, project, perm):
    assert holders(cast, perm, project) == EXPECTED[perm]


@pytest.mark.parametrize("status", [Project.Status.COMPLETED, Project.Status.STOPPED])
@pytest.mark.parametrize("perm", EXPECTED)
def test_a_finished_project_takes_no_more_work(cast, project, perm, status):
    """Only editing the text stays possible after a project has ended."""
    Project.objects.filter(pk=project.pk).update(status=status)
    project = Project.objects.select_related("lead_unit").get(pk=project.pk)
    expected = MANAGERS if perm == "projects.change_project" else set()
    assert holders(cast, perm, project) == expected


def test_a_paused_project_still_runs(cast, project):
    Project.objects.filter(pk=project.pk).update(status=Project.Status.PAUSED)
    project = Project.objects.select_related("lead_unit").get(pk=project.pk)
    assert holders(cast, "projects.decide_gate", project) == GATE_DECIDERS
    assert holders(cast, "projects.report_status", project) == TEAM


def test_a_leader_without_a_deciding_role_manages_but_does_not_decide_gates(cast, project):
    actions.do_add_member(cast.fresh("lead"), project, cast.employee, ProjectMember.Role.LEADER)
    project = Project.objects.select_related("lead_unit").get(pk=project.pk)
    employee = cast.fresh("employee")
    assert employee.has_perm("projects.change_project", project)
    assert employee.has_perm("projects.invite_unit", project)
    assert not employee.has_perm("projects.decide_gate", project)


def test_a_partner_contact_is_on_the_team(cast, project):
    actions.do_add_member(
        cast.fresh("lead"), project, cast.hr_person, ProjectMember.Role.PARTNER_CONTACT
    )
    project = Project.objects.select_related("lead_unit").get(pk=project.pk)
    hr_person = cast.fresh("hr_person")
    assert hr_person.has_perm("projects.report_status", project)
    assert not hr_person.has_perm("projects.manage_team", project)


def test_who_answers_an_invitation(cast, project):
    social = ProjectUnit.objects.select_related("project__lead_unit", "unit").get(
        project=project, unit=cast.social
    )
    hr = ProjectUnit.objects.select_related("project__lead_unit", "unit").get(
        project=project, unit=cast.hr
    )
    assert holders(cast, "projects.respond_invitation", social) == {"social_lead", "coordinator"}
    # Nobody in the cast holds a deciding role over HR: the coordinator answers for it.
    assert holders(cast, "projects.respond_invitation", hr) == {"coordinator"}
    actions.do_respond_to_invitation(cast.fresh("social_lead"), social, accept=True)
    assert holders(cast, "projects.respond_invitation", social) == set()


def test_who_may_create(cast):
    creators = {key for key in PERSONAS if cast.fresh(key).has_perm("projects.add_project")}
    assert creators == {"manager", "lead", "director", "social_lead", "coordinator"}
    # For a given unit: only within one's own role units, the coordinator anywhere.
    for_social = {
        key for key in PERSONAS if cast.fresh(key).has_perm("projects.add_project", cast.social)
    }
    assert for_social == {"social_lead", "coordinator"}
    for_school = {
        key for key in PERSONAS if cast.fresh(key).has_perm("projects.add_project", cast.school)
    }
    assert for_school == {"manager", "lead", "director", "coordinator"}


def test_gate_decisions_stop_after_a_stop(cast, project):
    go_gate(cast, project)
    actions.do_decide_gate(
        cast.fresh("director"),
        project,
        gate=GateDecision.Gate.CONTINUE,
        outcome=GateDecision.Outcome.STOP,
        reason="Ingen effekt.",
        seen_gate_id=project.gate_decisions.first().pk,
    )
    project = Project.objects.select_related("lead_unit").get(pk=project.pk)
    assert holders(cast, "projects.decide_gate", project) == set()
