"""Project actions: what each changes, what it refuses, the events and notifications it writes,
and that a refused action leaves nothing half-saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideverket.activity.describe import describe
from ideverket.activity.models import Event, Notification
from ideverket.ideas.actions import do_create_idea
from ideverket.ideas.models import Idea
from ideverket.projects import actions
from ideverket.projects.models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMember,
    ProjectMilestone,
    ProjectUnit,
    StatusReport,
)

from .conftest import commitment, go_gate

pytestmark = pytest.mark.django_db


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def events(project):
    return list(Event.objects.for_subject(project).order_by("pk"))


def reload(project):
    return Project.objects.select_related("lead_unit").get(pk=project.pk)


# --- create and edit ---------------------------------------------------------------------------


def test_create_makes_the_leader_and_one_event(cast, make_project, challenge):
    project = make_project(
        leader=cast.director,
        challenges=[challenge],
        looking_for_partners=True,
        partner_note="  En förvaltning med schemavana  ",
    )
    assert project.created_by == cast.lead
    assert project.member_roles == {cast.director.pk: ProjectMember.Role.LEADER}
    assert list(project.challenges.all()) == [challenge]
    assert project.partner_note == "En förvaltning med schemavana"
    assert "schemavana" in project.search_text
    [created] = events(project)
    assert created.verb == Event.Verb.CREATED
    assert Notification.objects.filter(recipient=cast.director, event=created).exists()
    assert str(describe(created)) == "Lena Ledare startade projektet"


@pytest.fixture
def challenge(cast):
    from ideverket.challenges.actions import do_create_challenge

    return do_create_challenge(
        cast.fresh("lead"),
        title="Heltid",
        question="Hur kan vi få fler att arbeta heltid?",
        owner_unit=cast.education,
    )


@pytest.mark.parametrize("persona", ["employee", "hr_person", "outsider", "admin"])
def test_create_is_refused_without_a_deciding_role(cast, persona):
    with pytest.raises(PermissionDenied):
        actions.do_create_project(
            cast.fresh(persona), title="X", purpose="Y", lead_unit=cast.education
        )
    assert not Project.objects.exists()


def test_create_for_a_unit_outside_ones_role_is_refused(cast):
    with pytest.raises(PermissionDenied):
        actions.do_create_project(cast.fresh("lead"), title="X", purpose="Y", lead_unit=cast.social)
    # The coordinator may lead from anywhere.
    actions.do_create_project(
        cast.fresh("coordinator"), title="X", purpose="Y", lead_unit=cast.social
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            # Callables: the dates are read when the test runs.
            {"starts_on": today, "ends_on": lambda: today() - datetime.timedelta(days=1)},
            "ends_on",
            "Slutdatumet kan inte ligga före startdatumet.",
        ),
        ({"budget_kronor": -5}, "budget_kronor", "Budgeten kan inte vara negativ."),
        ({"budget_hours": 10**12}, "budget_hours", "Talet är för stort."),
        ({"title": " \u202e\u200b "}, "title", "Skriv ett namn på projektet."),
        ({"step": "nope"}, "step", "Välj ett av stegen i Innovationsguiden."),
    ],
)
def test_create_refuses_bad_input_and_saves_nothing(cast, fields, field, message):
    fields = {key: value() if callable(value) else value for key, value in fields.items()}
    kwargs = {"title": "Heltid", "purpose": "Syfte", "lead_unit": cast.education, **fields}
    with pytest.raises(ValidationError) as exc:
        actions.do_create_project(cast.fresh("lead"), **kwargs)
    assert exc.value.message_dict[field] == [message]
    assert not Project.objects.exists()
    assert not ProjectMember.objects.exists()


def test_edit_changes_fields_and_notifies_the_team(cast, make_project):
    project = make_project()
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague)
    actions.do_edit_project(
        cast.fresh("director"),
        reload(project),
        title="Heltid för alla",
        step=Project._meta.get_field("step").choices[2][0],
        budget_kronor=200_000,
    )
    project = reload(project)
    assert project.title == "Heltid för alla"
    assert project.budget_kronor == 200_000
    assert "heltid för alla" in project.search_text
    edited = events(project)[-1]
    assert edited.data["fields"] == ["budget_kronor", "step", "title"]
    assert Notification.objects.filter(recipient=cast.colleague, event=edited).exists()


def test_edit_refuses_dates_in_the_wrong_order_against_the_stored_start(cast, make_project):
    day = today()
    project = make_project(starts_on=day)
    with pytest.raises(ValidationError) as exc:
        actions.do_edit_project(
            cast.fresh("lead"), project, ends_on=day - datetime.timedelta(days=3)
        )
    assert "ends_on" in exc.value.message_dict
    assert reload(project).ends_on is None


def test_a_stale_edit_is_refused(cast, make_project):
    project = make_project()
    seen = project.updated_at
    actions.do_edit_project(cast.fresh("director"), reload(project), title="Först")
    with pytest.raises(actions.StaleChange):
        actions.do_edit_project(
            cast.fresh("lead"), reload(project), seen_updated_at=seen, title="Sen"
        )
    assert reload(project).title == "Först"


def test_moving_the_lead_unit_needs_a_role_there(cast, make_project):
    project = make_project()
    with pytest.raises(ValidationError) as exc:
        actions.do_edit_project(cast.fresh("lead"), project, lead_unit=cast.social)
    assert "lead_unit" in exc.value.message_dict
    actions.do_edit_project(cast.fresh("lead"), reload(project), lead_unit=cast.school)
    assert reload(project).lead_unit == cast.school


def test_edit_refuses_unknown_fields(cast, make_project):
    with pytest.raises(TypeError):
        actions.do_edit_project(cast.fresh("lead"), make_project(), status="completed")


# --- units ---------------------------------------------------------------------------------------


def test_invite_notifies_the_units_deciders(cast, make_project):
    project = make_project()
    link = actions.do_invite_unit(cast.fresh("lead"), project, cast.social, message="Hej!")
    assert link.status == ProjectUnit.Status.INVITED and not link.is_partner
    event = events(project)[-1]
    assert str(describe(event)) == "Lena Ledare bjöd in Socialförvaltningen att delta"
    assert Notification.objects.filter(recipient=cast.social_lead, event=event).exists()
    assert not Notification.objects.filter(recipient=cast.outsider, event=event).exists()


def test_partners_are_support_functions(cast, make_project):
    project = make_project()
    with pytest.raises(ValidationError) as exc:
        actions.do_invite_unit(cast.fresh("lead"), project, cast.social, as_partner=True)
    assert "as_partner" in exc.value.message_dict
    link = actions.do_invite_unit(cast.fresh("lead"), project, cast.hr, as_partner=True)
    assert link.is_partner
    assert str(describe(events(project)[-1])) == "Lena Ledare bjöd in HR som partner"


def test_invite_refuses_the_lead_unit_and_a_second_invitation(cast, make_project):
    project = make_project(invite=True)
    with pytest.raises(ValidationError) as exc:
        actions.do_invite_unit(cast.fresh("lead"), project, cast.education)
    assert exc.value.message_dict["unit"] == ["Enheten leder redan projektet."]
    with pytest.raises(ValidationError) as exc:
        actions.do_invite_unit(cast.fresh("lead"), project, cast.social)
    assert exc.value.message_dict["unit"] == ["Enheten är redan inbjuden till projektet."]
    assert ProjectUnit.objects.filter(project=project).count() == 2


def test_a_unit_that_declined_can_be_asked_again(cast, make_project):
    project = make_project()
    link = actions.do_invite_unit(cast.fresh("lead"), project, cast.social)
    actions.do_respond_to_invitation(cast.fresh("social_lead"), link, accept=False)
    again = actions.do_invite_unit(cast.fresh("director"), project, cast.social, message="Nu?")
    assert again.pk == link.pk
    assert again.status == ProjectUnit.Status.INVITED
    assert again.responded_by is None and again.invited_by == cast.director


def test_respond_accepts_once_and_tells_the_leaders(cast, make_project):
    project = make_project(invite=True)
    link = ProjectUnit.objects.select_related("unit", "project").get(unit=cast.social)
    actions.do_respond_to_invitation(cast.fresh("social_lead"), link, accept=True)
    link.refresh_from_db()
    assert link.status == ProjectUnit.Status.ACCEPTED
    assert link.responded_by == cast.social_lead and link.responded_at
    event = events(project)[-1]
    assert str(describe(event)) == "Sara Social tackade ja för Socialförvaltningen"
    assert Notification.objects.filter(recipient=cast.lead, event=event).exists()
    # A second answer (say, a double click) changes nothing.
    stale = ProjectUnit.objects.select_related("unit", "project").get(pk=link.pk)
    stale.status = ProjectUnit.Status.INVITED
    with pytest.raises(actions.StaleChange):
        actions.do_respond_to_invitation(cast.fresh("coordinator"), stale, accept=False)
    link.refresh_from_db()
    assert link.status == ProjectUnit.Status.ACCEPTED


def test_only_the_units_deciders_answer(cast, make_project):
    make_project(invite=True)
    link = ProjectUnit.objects.select_related("unit", "project").get(unit=cast.social)
    for persona in ("lead", "director", "outsider", "hr_person"):
        with pytest.raises(PermissionDenied):
            actions.do_respond_to_invitation(cast.fresh(persona), link, accept=True)
    link.refresh_from_db()
    assert link.status == ProjectUnit.Status.INVITED


# --- team -----------------------------------------------------------------------------------------


def test_ask_to_join_accepted_adds_a_member(cast, make_project):
    project = make_project()
    request = actions.do_ask_to_join(cast.fresh("outsider"), project, "Jag kan scheman.")
    asked = events(project)[-1]
    assert str(describe(asked)) == "Olle Utanför frågade om att få vara med i projektet"
    assert Notification.objects.filter(recipient=cast.lead, event=asked).exists()
    with pytest.raises(ValidationError):
        actions.do_ask_to_join(cast.fresh("outsider"), project)
    assert JoinRequest.objects.filter(project=project).count() == 1

    actions.do_decide_join_request(cast.fresh("lead"), request, accept=True)
    assert reload(project).member_roles[cast.outsider.pk] == ProjectMember.Role.MEMBER
    answered = events(project)[-1]
    assert str(describe(answered)) == "Lena Ledare godkände att Olle Utanför går med i teamet"
    assert Notification.objects.filter(recipient=cast.outsider, event=answered).exists()
    with pytest.raises(actions.StaleChange):
        actions.do_decide_join_request(cast.fresh("director"), request, accept=False)
    # A member does not ask again.
    with pytest.raises(PermissionDenied):
        actions.do_ask_to_join(cast.fresh("outsider"), reload(project))


def test_a_declined_request_adds_nobody_and_may_be_asked_again(cast, make_project):
    project = make_project()
    request = actions.do_ask_to_join(cast.fresh("employee"), project)
    actions.do_decide_join_request(cast.fresh("lead"), request, accept=False)
    assert cast.employee.pk not in reload(project).member_roles
    actions.do_ask_to_join(cast.fresh("employee"), reload(project), "En gång till")


def test_only_managers_answer_join_requests(cast, make_project):
    project = make_project()
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague)
    request = actions.do_ask_to_join(cast.fresh("employee"), reload(project))
    request.project = reload(project)
    for persona in ("colleague", "employee", "social_lead"):
        with pytest.raises(PermissionDenied):
            actions.do_decide_join_request(cast.fresh(persona), request, accept=True)
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.PENDING


def test_adding_someone_who_asked_answers_the_request(cast, make_project):
    project = make_project()
    request = actions.do_ask_to_join(cast.fresh("employee"), project)
    actions.do_add_member(cast.fresh("lead"), project, cast.employee)
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.ACCEPTED
    with pytest.raises(ValidationError) as exc:
        actions.do_add_member(cast.fresh("lead"), reload(project), cast.employee)
    assert exc.value.message_dict["person"] == ["Erik Elev är redan med i teamet."]


def test_the_last_leader_stays(cast, make_project):
    project = make_project()
    leader = project.memberships.get()
    with pytest.raises(ValidationError):
        actions.do_remove_member(cast.fresh("lead"), project, leader)
    actions.do_add_member(cast.fresh("lead"), project, cast.director, ProjectMember.Role.LEADER)
    actions.do_remove_member(cast.fresh("lead"), reload(project), leader)
    assert reload(project).member_roles == {cast.director.pk: ProjectMember.Role.LEADER}
    assert str(describe(events(project)[-1])) == "Lena Ledare tog bort Lena Ledare ur teamet"


# --- status reports and milestones ------------------------------------------------------------------


def test_status_report_sets_the_projects_health(cast, make_project):
    project = make_project()
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague)
    report = actions.do_report_status(
        cast.fresh("colleague"), reload(project), health="yellow", text=" Försenat. "
    )
    assert report.text == "Försenat."
    project = reload(project)
    assert project.health == Project.Health.YELLOW
    assert project.get_health_display() == "Gul"
    event = events(project)[-1]
    assert str(describe(event)) == "Cecilia Kollega lämnade en statusrapport: Gul"
    assert Notification.objects.filter(recipient=cast.lead, event=event).exists()


@pytest.mark.parametrize(
    ("health", "text", "field"),
    [("purple", "Text", "health"), ("green", "  \x00 ", "text")],
)
def test_status_report_refuses_bad_input(cast, make_project, health, text, field):
    project = make_project()
    with pytest.raises(ValidationError) as exc:
        actions.do_report_status(cast.fresh("lead"), project, health=health, text=text)
    assert field in exc.value.message_dict
    assert not StatusReport.objects.exists()
    assert reload(project).health == ""


def test_milestones_progress_and_done(cast, make_project):
    project = make_project()
    day = today()
    milestone = actions.do_add_milestone(
        cast.fresh("lead"), project, title="Kartläggning", due_on=day, progress=30
    )
    milestone.project = reload(project)
    actions.do_update_milestone(
        cast.fresh("lead"), milestone, title="Kartläggning klar", due_on=day, progress=100
    )
    milestone.refresh_from_db()
    assert milestone.done_on == day
    assert str(describe(events(project)[-1])) == (
        "Lena Ledare uppdaterade milstolpen ”Kartläggning klar” till 100 %"
    )


@pytest.mark.parametrize(
    ("progress", "done_in_days", "field"),
    [
        (150, None, "progress"),
        (-1, None, "progress"),
        (50, 0, "done_on"),
        (100, 2, "done_on"),
    ],
)
def test_milestone_refuses_bad_progress(cast, make_project, progress, done_in_days, field):
    done_on = None if done_in_days is None else today() + datetime.timedelta(days=done_in_days)
    project = make_project()
    milestone = actions.do_add_milestone(cast.fresh("lead"), project, title="M", progress=10)
    milestone.project = reload(project)
    with pytest.raises(ValidationError) as exc:
        actions.do_update_milestone(
            cast.fresh("lead"),
            milestone,
            title="M",
            due_on=None,
            progress=progress,
            done_on=done_on,
        )
    assert field in exc.value.message_dict
    assert ProjectMilestone.objects.get().progress == 10


def test_the_database_refuses_progress_over_100(cast, make_project):
    from django.db import IntegrityError, transaction

    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectMilestone.objects.create(project=project, title="X", progress=150)


# --- gates ------------------------------------------------------------------------------------------


def test_go_without_a_commitment_is_refused_with_the_field_messages(cast, make_project):
    project = make_project()
    with pytest.raises(ValidationError) as exc:
        actions.do_decide_gate(
            cast.fresh("lead"),
            project,
            gate=GateDecision.Gate.START,
            outcome=GateDecision.Outcome.GO,
            reason="Vi kör.",
            commitment={},
        )
    errors = exc.value.message_dict
    assert errors["receiving_unit"] == ["Ange den mottagande enhet som tar över resultatet."]
    assert errors["owner"] == ["Ange en namngiven ansvarig hos mottagaren."]
    assert "hours" in errors and "until" in errors and "success_criteria" in errors
    assert not GateDecision.objects.exists()
    assert reload(project).status == Project.Status.ACTIVE


def test_go_with_an_owner_outside_the_receiving_unit_is_refused(cast, make_project):
    project = make_project()
    with pytest.raises(ValidationError) as exc:
        actions.do_decide_gate(
            cast.fresh("lead"),
            project,
            gate=GateDecision.Gate.START,
            outcome=GateDecision.Outcome.GO,
            reason="Vi kör.",
            commitment=commitment(cast, owner=cast.outsider),
        )
    assert exc.value.message_dict["owner"] == [
        "Den ansvariga måste höra till den mottagande enheten."
    ]


def test_go_with_a_commitment_is_recorded_and_told(cast, make_project):
    project = make_project()
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague)
    decision = go_gate(cast, reload(project))
    assert decision.receiving_unit == cast.school and decision.owner == cast.manager
    assert decision.hours == 120 and decision.kronor == 50000
    assert decision.from_status == decision.to_status == Project.Status.ACTIVE
    event = events(project)[-1]
    assert str(describe(event)) == "Lena Ledare beslutade vid grinden Start: Gå vidare"
    for person in (cast.colleague, cast.manager):
        assert Notification.objects.filter(recipient=person, event=event).exists()


def test_hold_pauses_stop_stops_and_closing_go_completes(cast, make_project):
    project = make_project()
    lead = cast.fresh("lead")
    hold = actions.do_decide_gate(
        lead,
        project,
        gate=GateDecision.Gate.CONTINUE,
        outcome=GateDecision.Outcome.HOLD,
        reason="Vänta på budget.",
    )
    assert reload(project).status == Project.Status.PAUSED
    assert hold.receiving_unit is None  # hold and stop carry no commitment
    decision = go_gate(cast, reload(project), gate=GateDecision.Gate.CLOSE)
    assert decision.to_status == Project.Status.COMPLETED
    assert reload(project).status == Project.Status.COMPLETED
    with pytest.raises(PermissionDenied):
        go_gate(cast, reload(project))


def test_a_stop_needs_a_reason(cast, make_project):
    project = make_project()
    with pytest.raises(ValidationError) as exc:
        actions.do_decide_gate(
            cast.fresh("lead"),
            project,
            gate=GateDecision.Gate.CONTINUE,
            outcome=GateDecision.Outcome.STOP,
            reason="   ",
        )
    assert exc.value.message_dict == {"reason": ["Skriv en motivering."]}


def test_two_deciders_at_once_leave_one_decision(cast, make_project):
    project = make_project()
    first = go_gate(cast, project)
    with pytest.raises(actions.StaleChange) as exc:
        actions.do_decide_gate(
            cast.fresh("director"),
            reload(project),
            gate=GateDecision.Gate.START,
            outcome=GateDecision.Outcome.HOLD,
            reason="Vänta",
            seen_gate_id=0,  # the page was loaded before the first decision
        )
    assert "Lena Ledare har redan beslutat ”Start: Gå vidare”" in exc.value.messages[0]
    assert list(GateDecision.objects.all()) == [first]


@pytest.mark.parametrize("persona", ["colleague", "employee", "social_lead", "manager"])
def test_gate_refused_for_non_deciders(cast, make_project, persona):
    project = make_project()
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague, ProjectMember.Role.LEADER)
    with pytest.raises(PermissionDenied):
        go_gate(cast, reload(project), by=cast.fresh(persona))
    assert not GateDecision.objects.exists()


# --- links and partners --------------------------------------------------------------------------------


def test_only_ideas_the_user_may_see_are_linked(cast, make_project):
    project = make_project()
    hidden = do_create_idea(
        cast.outsider,
        title="Hemlig idé",
        problem="P",
        proposal="F",
        owner_unit=cast.homecare,
        visibility=Idea.Visibility.RESTRICTED,
    )
    draft = do_create_idea(
        cast.lead, title="Utkast", problem="P", proposal="F", owner_unit=cast.school, submit=False
    )
    for idea in (hidden, draft):
        with pytest.raises(ValidationError):
            actions.do_link_idea(cast.fresh("lead"), project, idea)
    assert not project.ideas.exists()
    # The coordinator sees the restricted idea and may link it; the event names no title.
    actions.do_link_idea(cast.fresh("coordinator"), project, hidden)
    event = events(project)[-1]
    assert event.data == {"change": "idea_linked", "idea_id": hidden.pk}
    with pytest.raises(ValidationError):
        actions.do_link_idea(cast.fresh("coordinator"), project, hidden)
    actions.do_unlink_idea(cast.fresh("lead"), project, hidden)
    assert not project.ideas.exists()


def test_link_and_unlink_a_challenge(cast, make_project, challenge):
    project = make_project()
    actions.do_link_challenge(cast.fresh("lead"), project, challenge)
    with pytest.raises(ValidationError):
        actions.do_link_challenge(cast.fresh("lead"), project, challenge)
    assert str(describe(events(project)[-1])) == (
        "Lena Ledare kopplade utmaningen ”Heltid” till projektet"
    )
    actions.do_unlink_challenge(cast.fresh("lead"), project, challenge)
    assert not project.challenges.exists()


def test_looking_for_partners(cast, make_project):
    project = make_project()
    actions.do_set_looking_for_partners(
        cast.fresh("lead"), project, looking=True, note="IT-kompetens"
    )
    assert list(Project.objects.looking_for_partners()) == [project]
    assert str(describe(events(project)[-1])) == (
        "Lena Ledare markerade att projektet söker samarbetspartner"
    )
    actions.do_set_looking_for_partners(cast.fresh("lead"), project, looking=False, note="x")
    project = reload(project)
    assert not project.looking_for_partners and project.partner_note == ""
    with pytest.raises(PermissionDenied):
        actions.do_set_looking_for_partners(cast.fresh("employee"), project, looking=True)


def test_every_event_reads_as_a_sentence(cast, make_project, challenge):
    """No event falls back to the bare verb ("ändrade") or shows a code value."""
    project = make_project(invite=True)
    lead = cast.fresh("lead")
    actions.do_edit_project(lead, project, title="Nytt namn")
    request = actions.do_ask_to_join(cast.fresh("employee"), reload(project))
    actions.do_decide_join_request(lead, request, accept=False)
    actions.do_add_member(lead, reload(project), cast.colleague, ProjectMember.Role.PARTNER_CONTACT)
    actions.do_report_status(lead, reload(project), health="red", text="Stopp")
    actions.do_add_milestone(lead, reload(project), title="M1")
    actions.do_link_challenge(lead, reload(project), challenge)
    actions.do_set_looking_for_partners(lead, reload(project), looking=False)
    go_gate(cast, reload(project))
    sentences = [str(describe(e)) for e in events(project)]
    assert "Erik Elev frågade om att få vara med i projektet" in sentences
    assert "Lena Ledare avböjde förfrågan från Erik Elev att gå med" in sentences
    assert "Lena Ledare lade till Cecilia Kollega i teamet som kontaktperson för partner" in (
        sentences
    )
    assert "Lena Ledare lämnade en statusrapport: Röd" in sentences
    assert "Lena Ledare lade till milstolpen ”M1”" in sentences
    assert "Lena Ledare ändrade projektet" in sentences
    for sentence in sentences:
        assert "red" not in sentence.split() and "go" not in sentence.split()
