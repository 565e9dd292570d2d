"""Implementation actions: started only by do-now / implement decisions, milestones, the
handover to the line as the idea's "complete" decision, bad input refused, nothing half-saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from ideverket.activity.models import Event, Notification
from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Decision, Follow, Idea
from ideverket.ideas.process import FOLLOW_UPS, Outcome, Stage
from ideverket.ideas.tests.builders import idea_in_stage
from ideverket.implementation import actions
from ideverket.implementation.models import (
    FollowUp,
    Handover,
    Implementation,
    Milestone,
    overall_progress,
)
from ideverket.org.actions import do_update_user
from ideverket.trials.tests.builders import implementing_idea

DAY = datetime.timedelta(days=1)


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def load(implementation):
    return Implementation.objects.select_related("idea__owner_unit", "owner", "receiving_unit").get(
        pk=implementation.pk
    )


def handover_kwargs(cast, **changes):
    day = today()
    kwargs = {
        "line_owner": cast.manager,
        "line_unit": cast.school,
        "runs_from": day,
        "follow_up_dates": [day + 90 * DAY, day + 365 * DAY],
        "note": "Skolan driver närvaron i ordinarie drift.",
    }
    kwargs.update(changes)
    return kwargs


# -- started only by decisions ---------------------------------------------------------------


def test_the_process_table_names_the_follow_ups():
    start = "ideverket.implementation.actions.start_implementation_from_decision"
    assert FOLLOW_UPS[Outcome.DO_NOW] == (start,)
    assert FOLLOW_UPS[Outcome.IMPLEMENT] == (start,)


def test_implement_after_a_trial(cast):
    implementation = load(implementing_idea(cast))
    decision = implementation.decision
    assert decision.outcome == Outcome.IMPLEMENT
    assert implementation.idea.stage == Stage.IMPLEMENTING
    assert implementation.owner == cast.manager
    assert implementation.receiving_unit == cast.school
    assert implementation.plan == "Inför i alla klasser under våren."
    assert (implementation.hours, implementation.kronor) == (80, 20000)
    assert implementation.ends_on == decision.commitment.until
    assert implementation.starts_on == today()
    assert implementation.status == Implementation.Status.ACTIVE
    assert Event.objects.for_subject(implementation).get().verb == Event.Verb.CREATED
    assert Notification.objects.filter(
        recipient=cast.employee, event__data__change="started", event__verb=Event.Verb.CREATED
    ).exists()


def test_do_now_starts_an_implementation_with_owner_and_plan(cast):
    idea = idea_in_stage(cast, Stage.IMPLEMENTING)
    implementation = Implementation.objects.get(idea=idea)
    assert implementation.owner == cast.manager and implementation.plan == "Motiverat beslut."
    assert Follow.objects.filter(idea=idea, user=cast.manager).exists()


@pytest.mark.parametrize("missing", ["owner", "plan", "both"])
def test_no_implementation_without_owner_and_plan(cast, missing):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    commitment = {"receiving_unit": cast.school, "owner": cast.manager}
    reason = "En plan."
    if missing in ("owner", "both"):
        commitment["owner"] = None
    if missing in ("plan", "both"):
        reason = "   "
    with pytest.raises(ValidationError) as caught:
        idea_actions.do_decide(
            cast.fresh("lead"),
            idea,
            Outcome.DO_NOW,
            seen_stage=Stage.IN_ASSESSMENT,
            reason=reason,
            commitment=commitment,
        )
    errors = caught.value.message_dict
    assert ("owner" in errors) == (missing in ("owner", "both"))
    assert ("reason" in errors) == (missing in ("plan", "both"))
    assert not Implementation.objects.exists()
    idea.refresh_from_db()
    assert idea.stage == Stage.IN_ASSESSMENT


def test_the_follow_up_itself_refuses_a_decision_without_owner_or_plan(cast):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    decision = Decision(idea=idea, outcome=Outcome.DO_NOW, reason="")
    with pytest.raises(ValidationError) as caught:
        actions.start_implementation_from_decision(cast.lead, decision)
    assert {"owner", "reason"} <= set(caught.value.message_dict)


def test_the_database_refuses_an_implementation_without_a_plan(cast):
    implementation = implementing_idea(cast)
    with pytest.raises(IntegrityError):
        Implementation.objects.filter(pk=implementation.pk).update(plan="")


@pytest.mark.parametrize(
    "outcome", [o for o in Outcome if o not in (Outcome.DO_NOW, Outcome.IMPLEMENT)]
)
def test_no_other_decision_starts_an_implementation(cast, outcome):
    from ideverket.ideas.tests.builders import decision_kwargs

    for stage in (Stage.SUBMITTED, Stage.IN_ASSESSMENT, Stage.PARKED):
        idea = idea_in_stage(cast, stage)
        try:
            idea_actions.do_decide(
                cast.fresh("lead"),
                idea,
                outcome,
                seen_stage=stage,
                **decision_kwargs(cast, idea, outcome),
            )
        except ValidationError:
            continue
        assert not Implementation.objects.filter(idea=idea).exists()


# -- milestones ------------------------------------------------------------------------------


def test_milestones_and_progress(cast):
    day = today()
    implementation = load(implementing_idea(cast))
    manager = cast.fresh("manager")
    first = actions.do_add_milestone(manager, implementation, title=" Utbilda lärarna ")
    second = actions.do_add_milestone(
        manager, implementation, title="Alla klasser", due_on=day + 30 * DAY, progress=25
    )
    assert (first.position, second.position) == (1, 2)
    assert first.title == "Utbilda lärarna" and first.progress == 0
    actions.do_update_milestone(manager, first, title="Utbilda lärarna", due_on=None, progress=60)
    assert overall_progress(Milestone.objects.filter(implementation=implementation)) == 43
    annotated = Implementation.objects.with_progress().get(pk=implementation.pk)
    assert (annotated.progress, annotated.milestone_count) == (43, 2)
    actions.do_complete_milestone(manager, second)
    second.refresh_from_db()
    assert second.progress == 100 and second.done_on == day
    actions.do_update_milestone(manager, second, title="Alla klasser", due_on=None, progress=90)
    second.refresh_from_db()
    assert second.done_on is None
    changes = [e.data.get("change") for e in Event.objects.for_subject(implementation)]
    assert changes.count("milestone_added") == 2
    assert "milestone_done" in changes and "milestone_updated" in changes


def test_progress_rounds_halves_up_in_python_and_sql(cast):
    implementation = load(implementing_idea(cast))
    manager = cast.fresh("manager")
    actions.do_add_milestone(manager, implementation, title="A", progress=0)
    actions.do_add_milestone(manager, implementation, title="B", progress=5)
    milestones = Milestone.objects.filter(implementation=implementation)
    annotated = Implementation.objects.with_progress().get(pk=implementation.pk)
    assert overall_progress(milestones) == annotated.progress == 3
    assert Implementation.objects.with_progress().get(pk=implementation.pk).milestone_count == 2


def test_no_milestones_is_zero_percent(cast):
    implementation = implementing_idea(cast)
    assert overall_progress([]) == 0
    assert Implementation.objects.with_progress().get(pk=implementation.pk).progress == 0


@pytest.mark.parametrize("progress", [150, -5, 101, None, True])
def test_progress_out_of_range_is_refused(cast, progress):
    implementation = load(implementing_idea(cast))
    with pytest.raises(ValidationError) as caught:
        actions.do_add_milestone(
            cast.fresh("manager"), implementation, title="Steg", progress=progress
        )
    assert "0 till 100" in caught.value.message_dict["progress"][0]
    assert not Milestone.objects.exists()


def test_the_database_refuses_progress_over_100(cast):
    implementation = load(implementing_idea(cast))
    milestone = actions.do_add_milestone(cast.fresh("manager"), implementation, title="Steg")
    with pytest.raises(IntegrityError):
        Milestone.objects.filter(pk=milestone.pk).update(progress=150)


def test_empty_milestone_title_is_refused(cast):
    implementation = load(implementing_idea(cast))
    with pytest.raises(ValidationError) as caught:
        actions.do_add_milestone(cast.fresh("manager"), implementation, title=" \u200b ")
    assert "title" in caught.value.message_dict


@pytest.mark.parametrize("persona", ["employee", "colleague", "inspirer", "outsider", "admin"])
def test_only_the_people_running_it_add_milestones(cast, persona):
    implementation = load(implementing_idea(cast))
    with pytest.raises(PermissionDenied):
        actions.do_add_milestone(cast.fresh(persona), implementation, title="Steg")


# -- handover --------------------------------------------------------------------------------


def test_handover_completes_the_idea(cast):
    day = today()
    implementation = load(implementing_idea(cast))
    handover = actions.do_handover(
        cast.fresh("manager"), implementation, **handover_kwargs(cast, line_owner=cast.colleague)
    )
    assert handover.line_owner == cast.colleague and handover.created_by == cast.manager
    assert list(handover.follow_ups.values_list("due_on", flat=True)) == [
        day + 90 * DAY,
        day + 365 * DAY,
    ]
    implementation = load(implementation)
    assert implementation.status == Implementation.Status.HANDED_OVER
    idea = Idea.objects.get(pk=implementation.idea_id)
    assert idea.stage == Stage.IMPLEMENTED
    decision = idea.decisions.first()
    assert decision.outcome == Outcome.COMPLETE
    assert decision.reason == "Skolan driver närvaron i ordinarie drift."
    assert Follow.objects.filter(idea=idea, user=cast.colleague).exists()
    assert Notification.objects.filter(
        recipient=cast.employee, event__data__change="handed_over"
    ).exists()


@pytest.mark.parametrize(
    "case",
    [
        "follow_up_before_start",
        "follow_up_same_day",
        "follow_up_in_the_past",
        "no_follow_up",
        "no_line_owner",
        "owner_outside_unit",
        "no_line_unit",
        "no_runs_from",
        "no_note",
        "too_many_follow_ups",
    ],
)
def test_bad_handover_saves_nothing(cast, case):
    day = today()
    implementation = load(implementing_idea(cast))
    changes, field = {
        "follow_up_before_start": ({"follow_up_dates": [day - DAY]}, "follow_up_dates"),
        "follow_up_same_day": ({"follow_up_dates": [day]}, "follow_up_dates"),
        "follow_up_in_the_past": (
            {"runs_from": day - 10 * DAY, "follow_up_dates": [day - DAY]},
            "follow_up_dates",
        ),
        "no_follow_up": ({"follow_up_dates": []}, "follow_up_dates"),
        "no_line_owner": ({"line_owner": None}, "line_owner"),
        "owner_outside_unit": ({"line_owner": cast.outsider}, "line_owner"),
        "no_line_unit": ({"line_unit": None}, "line_unit"),
        "no_runs_from": ({"runs_from": None}, "runs_from"),
        "no_note": ({"note": "  "}, "note"),
        "too_many_follow_ups": (
            {"follow_up_dates": [day + n * DAY for n in range(1, 14)]},
            "follow_up_dates",
        ),
    }[case]
    with pytest.raises(ValidationError) as caught:
        actions.do_handover(
            cast.fresh("manager"), implementation, **handover_kwargs(cast, **changes)
        )
    assert field in caught.value.message_dict
    assert not Handover.objects.exists() and not FollowUp.objects.exists()
    assert load(implementation).status == Implementation.Status.ACTIVE
    assert Idea.objects.get(pk=implementation.idea_id).stage == Stage.IMPLEMENTING


def test_handover_twice_is_refused(cast):
    implementation = load(implementing_idea(cast))
    actions.do_handover(cast.fresh("manager"), implementation, **handover_kwargs(cast))
    with pytest.raises(ValidationError):
        actions.do_handover(cast.fresh("lead"), implementation, **handover_kwargs(cast))
    assert Handover.objects.count() == 1
    assert Decision.objects.filter(outcome=Outcome.COMPLETE).count() == 1


def test_a_failing_decision_rolls_the_handover_back(cast):
    implementation = load(implementing_idea(cast))
    Idea.objects.filter(pk=implementation.idea_id).update(stage=Stage.IMPLEMENTED)
    with pytest.raises(ValidationError):
        actions.do_handover(cast.fresh("manager"), implementation, **handover_kwargs(cast))
    assert not Handover.objects.exists() and not FollowUp.objects.exists()
    assert load(implementation).status == Implementation.Status.ACTIVE


@pytest.mark.parametrize("persona", ["employee", "colleague", "inspirer", "outsider", "admin"])
def test_only_deciders_hand_over(cast, persona):
    implementation = load(implementing_idea(cast))
    with pytest.raises(PermissionDenied):
        actions.do_handover(cast.fresh(persona), implementation, **handover_kwargs(cast))


def test_an_owner_without_a_decision_role_cannot_hand_over(cast):
    implementation = load(implementing_idea(cast, owner=cast.colleague))
    actions.do_add_milestone(cast.fresh("colleague"), implementation, title="Steg")
    with pytest.raises(PermissionDenied):
        actions.do_handover(cast.fresh("colleague"), implementation, **handover_kwargs(cast))


def test_complete_on_the_idea_page_still_leaves_a_handover(cast):
    implementation = load(implementing_idea(cast))
    idea = Idea.objects.get(pk=implementation.idea_id)
    idea_actions.do_decide(
        cast.fresh("lead"), idea, Outcome.COMPLETE, seen_stage=Stage.IMPLEMENTING, reason="Klart."
    )
    handover = Handover.objects.get(implementation=implementation)
    assert handover.line_owner == cast.manager and handover.line_unit == cast.school
    assert handover.note == "Klart." and handover.runs_from == today()
    assert load(implementation).status == Implementation.Status.HANDED_OVER


def test_follow_up_recorded_once(cast):
    implementation = load(implementing_idea(cast))
    handover = actions.do_handover(
        cast.fresh("manager"), implementation, **handover_kwargs(cast, line_owner=cast.colleague)
    )
    implementation = Implementation.objects.select_related("idea__owner_unit", "handover").get(
        pk=implementation.pk
    )
    follow_up = handover.follow_ups.first()
    follow_up.handover.implementation = implementation
    with pytest.raises(PermissionDenied):
        actions.do_record_follow_up(cast.fresh("employee"), follow_up, note="Hej")
    actions.do_record_follow_up(cast.fresh("colleague"), follow_up, note=" Fungerar ")
    follow_up.refresh_from_db()
    assert (follow_up.done_on, follow_up.note, follow_up.done_by) == (
        today(),
        "Fungerar",
        cast.colleague,
    )
    with pytest.raises(ValidationError):
        actions.do_record_follow_up(cast.fresh("colleague"), follow_up, note="Igen")


# -- plan and owner --------------------------------------------------------------------------


def test_edit_plan_and_dates(cast):
    day = today()
    implementation = load(implementing_idea(cast))
    actions.do_edit_implementation(
        cast.fresh("manager"),
        implementation,
        plan="Ny plan",
        starts_on=day,
        ends_on=day + 10 * DAY,
        seen_updated_at=implementation.updated_at,
    )
    assert load(implementation).plan == "Ny plan"
    for kwargs in (
        {"plan": "", "starts_on": day, "ends_on": None},
        {"plan": "P", "starts_on": day, "ends_on": day - DAY},
        {"plan": "P", "starts_on": None, "ends_on": None},
    ):
        with pytest.raises(ValidationError):
            actions.do_edit_implementation(cast.fresh("manager"), implementation, **kwargs)
    with pytest.raises(ValidationError):
        actions.do_edit_implementation(
            cast.fresh("manager"),
            implementation,
            plan="Gammal",
            starts_on=day,
            ends_on=None,
            seen_updated_at=implementation.updated_at - DAY,
        )
    assert load(implementation).plan == "Ny plan"


def test_reassign_owner(cast):
    implementation = load(implementing_idea(cast))
    with pytest.raises(ValidationError):
        actions.do_set_implementation_owner(cast.fresh("lead"), implementation, cast.outsider)
    with pytest.raises(PermissionDenied):
        actions.do_set_implementation_owner(cast.fresh("colleague"), implementation, cast.colleague)
    actions.do_set_implementation_owner(cast.fresh("lead"), implementation, cast.colleague)
    assert load(implementation).owner == cast.colleague


# -- nothing forgotten -----------------------------------------------------------------------


def test_flagged_when_the_owner_left_or_the_time_ran_out(cast):
    day = today()
    fine = implementing_idea(cast)
    left = implementing_idea(cast, owner=cast.colleague)
    overdue = implementing_idea(cast)
    handed_over_late = load(implementing_idea(cast))
    actions.do_handover(cast.fresh("manager"), handed_over_late, **handover_kwargs(cast))
    Implementation.objects.filter(pk__in=[overdue.pk, handed_over_late.pk]).update(
        starts_on=day - 30 * DAY, ends_on=day - DAY
    )
    do_update_user(
        cast.fresh("admin"),
        cast.colleague,
        name=cast.colleague.name,
        email=cast.colleague.email,
        unit=cast.colleague.unit,
        title="",
        is_active=False,
    )
    assert set(Implementation.objects.flagged()) == {left, overdue}
    flags = dict(Implementation.objects.with_flag().values_list("pk", "is_flagged"))
    assert flags == {
        fine.pk: False,
        left.pk: True,
        overdue.pk: True,
        handed_over_late.pk: False,
    }
