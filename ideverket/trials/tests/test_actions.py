"""Trial actions: started only by test decisions, evaluated into the idea's next stage,
bad input refused with nothing half-saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideverket.activity.models import Event, Notification
from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Decision, Follow, Idea
from ideverket.ideas.process import FOLLOW_UPS, Outcome, Stage
from ideverket.ideas.tests.builders import decision_kwargs, idea_in_stage, new_idea
from ideverket.lessons.models import Lesson
from ideverket.org.actions import do_update_user
from ideverket.trials import actions
from ideverket.trials.models import Criterion, Trial, TrialUpdate

from .builders import all_met, commitment, evaluated_trial, load, trial_for


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def evaluate(cast, trial, *, by="manager", results=None, summary="Bra.", lessons="Lärdom."):
    return actions.do_evaluate_trial(
        cast.fresh(by), trial, all_met(trial) if results is None else results, summary, lessons
    )


# -- started only by decisions ---------------------------------------------------------------


def test_the_process_table_names_the_follow_ups():
    start = "ideverket.trials.actions.start_trial_from_decision"
    assert FOLLOW_UPS[Outcome.TEST] == (start,)
    assert FOLLOW_UPS[Outcome.TEST_AGAIN] == (start,)


def test_a_test_decision_starts_a_trial_from_the_commitment(cast):
    trial = trial_for(cast)
    decision = trial.decision
    assert decision.outcome == Outcome.TEST
    assert trial.idea.stage == Stage.TRIAL
    assert trial.status == Trial.Status.RUNNING
    assert trial.owner == cast.manager
    assert trial.starts_on == today()
    assert trial.ends_on == decision.commitment.until
    # One criterion per non-empty line, list markers dropped, in order.
    assert list(trial.criteria.values_list("position", "text", "result")) == [
        (1, "Närvaron tas på under en minut per grupp", ""),
        (2, "Inga papperslistor kvar", ""),
    ]
    event = Event.objects.for_subject(trial).get()
    assert event.verb == Event.Verb.CREATED and event.actor == cast.lead
    # The owner follows the idea, and the idea's followers hear about the trial.
    assert Follow.objects.filter(idea=trial.idea, user=cast.manager).exists()
    assert Notification.objects.filter(recipient=cast.employee, event=event).exists()


def test_test_again_starts_a_second_trial(cast):
    trial = evaluated_trial(cast)
    idea = Idea.objects.get(pk=trial.idea_id)
    idea_actions.do_decide(
        cast.fresh("lead"),
        idea,
        Outcome.TEST_AGAIN,
        seen_stage=Stage.EVALUATED,
        reason="Med fler klasser.",
        commitment=commitment(cast, owner=cast.colleague),
    )
    trials = list(Trial.objects.filter(idea=idea).order_by("pk"))
    assert len(trials) == 2
    assert trials[0].status == Trial.Status.EVALUATED
    assert trials[1].status == Trial.Status.RUNNING and trials[1].owner == cast.colleague


@pytest.mark.parametrize("outcome", [o for o in Outcome if o not in (Outcome.TEST,)])
def test_no_other_decision_starts_a_trial(cast, outcome):
    """Every other outcome, decided from wherever the process allows it, leaves no trial
    behind except test-again (which is a test)."""
    for stage in (Stage.SUBMITTED, Stage.IN_ASSESSMENT, Stage.PARKED):
        idea = idea_in_stage(cast, stage)
        kwargs = decision_kwargs(cast, idea, outcome)
        try:
            idea_actions.do_decide(cast.fresh("lead"), idea, outcome, seen_stage=stage, **kwargs)
        except ValidationError:
            continue  # not a move from this stage
        assert not Trial.objects.filter(idea=idea).exists()


def test_a_trial_cannot_start_without_a_commitment(cast):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    with pytest.raises(ValidationError):
        idea_actions.do_decide(
            cast.fresh("lead"), idea, Outcome.TEST, seen_stage=Stage.IN_ASSESSMENT, reason="Ja"
        )
    assert not Trial.objects.exists()
    idea.refresh_from_db()
    assert idea.stage == Stage.IN_ASSESSMENT
    decision = Decision(idea=idea, outcome=Outcome.TEST, reason="Ja")
    with pytest.raises(ValidationError):
        actions.start_trial_from_decision(cast.lead, decision)


def test_criteria_from_text():
    text = "  \n- ett\n•  två\n3) tre\n10. tio\n\n* fem   \nvanlig rad\n" + "x" * 1200
    assert actions.criteria_from_text(text) == [
        "ett",
        "två",
        "tre",
        "tio",
        "fem",
        "vanlig rad",
        "x" * 1000,
    ]
    assert actions.criteria_from_text("\n".join(f"k{n}" for n in range(50))) == [
        f"k{n}" for n in range(actions.MAX_CRITERIA)
    ]


# -- evaluation ------------------------------------------------------------------------------


def test_evaluation_stores_results_and_moves_the_idea_to_evaluated(cast):
    trial = trial_for(cast)
    first, second = trial.criteria.all()
    results = {
        first.pk: (Criterion.Result.MET, "  Snabbare än väntat "),
        second.pk: (Criterion.Result.PARTLY, ""),
    }
    actions.do_evaluate_trial(
        cast.fresh("manager"), trial, results, "Det gick bra.", "Introducera i små grupper."
    )
    trial = load(trial)
    assert trial.status == Trial.Status.EVALUATED
    assert trial.summary == "Det gick bra." and trial.lessons == "Introducera i små grupper."
    assert trial.evaluated_by == cast.manager and trial.evaluated_at is not None
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.result, first.result_note) == (Criterion.Result.MET, "Snabbare än väntat")
    assert second.result == Criterion.Result.PARTLY
    idea = Idea.objects.get(pk=trial.idea_id)
    assert idea.stage == Stage.EVALUATED
    decision = idea.decisions.first()
    assert decision.outcome == Outcome.EVALUATE and decision.reason == "Det gick bra."
    assert decision.decided_by == cast.manager
    # The lesson is kept where everyone can find it, linked to the trial.
    lesson = Lesson.objects.get()
    assert lesson.text == "Introducera i små grupper."
    assert lesson.subject_id == trial.pk and lesson.outcome == Lesson.Outcome.PARTLY
    changes = [e.data.get("change") for e in Event.objects.for_subject(trial)]
    assert "evaluated" in changes and "lesson_recorded" in changes
    assert Notification.objects.filter(
        recipient=cast.employee, event__data__change="evaluated"
    ).exists()


def test_all_criteria_met_is_a_lesson_that_worked(cast):
    trial = trial_for(cast)
    evaluate(cast, trial)
    assert Lesson.objects.get().outcome == Lesson.Outcome.WORKED


@pytest.mark.parametrize(
    "case",
    ["no_lessons", "blank_lessons", "no_summary", "missing_result", "bad_result", "long_note"],
)
def test_bad_evaluation_saves_nothing(cast, case):
    trial = trial_for(cast)
    first, second = trial.criteria.all()
    results = all_met(trial)
    summary, lessons = "Bra.", "Lärdom."
    if case == "no_lessons":
        lessons = ""
    elif case == "blank_lessons":
        lessons = " \u200b\n "
    elif case == "no_summary":
        summary = ""
    elif case == "missing_result":
        del results[second.pk]
    elif case == "bad_result":
        results[first.pk] = ("excellent", "")
    elif case == "long_note":
        results[first.pk] = (Criterion.Result.MET, "x" * 2001)
    with pytest.raises(ValidationError) as caught:
        actions.do_evaluate_trial(cast.fresh("manager"), trial, results, summary, lessons)
    expected = {
        "no_lessons": "lessons",
        "blank_lessons": "lessons",
        "no_summary": "summary",
        "missing_result": second.result_key,
        "bad_result": first.result_key,
        "long_note": first.note_key,
    }[case]
    assert expected in caught.value.message_dict
    trial = load(trial)
    assert trial.status == Trial.Status.RUNNING and trial.lessons == ""
    assert not trial.criteria.exclude(result="").exists()
    assert Idea.objects.get(pk=trial.idea_id).stage == Stage.TRIAL
    assert not Lesson.objects.exists()
    assert not Event.objects.for_subject(trial).filter(data__change="evaluated").exists()


def test_empty_lessons_message_is_swedish(cast):
    trial = trial_for(cast)
    with pytest.raises(ValidationError) as caught:
        evaluate(cast, trial, lessons="")
    assert "Skriv vad ni lärde er" in caught.value.message_dict["lessons"][0]


def test_evaluating_twice_says_who_was_first(cast):
    trial = trial_for(cast)
    evaluate(cast, trial, by="manager")
    with pytest.raises(ValidationError) as caught:
        evaluate(cast, trial, by="lead")
    assert cast.manager.name in caught.value.messages[0]
    assert Decision.objects.filter(idea_id=trial.idea_id, outcome=Outcome.EVALUATE).count() == 1


def test_a_failing_decision_rolls_the_evaluation_back(cast):
    """The idea moved on while the evaluator had the form open: the decision fails, and with
    it every result, the lesson and the trial's status."""
    trial = trial_for(cast)
    stale = load(trial)
    Idea.objects.filter(pk=trial.idea_id).update(stage=Stage.EVALUATED)
    with pytest.raises(ValidationError):
        evaluate(cast, stale)
    assert load(trial).status == Trial.Status.RUNNING
    assert not Criterion.objects.exclude(result="").exists()
    assert not Lesson.objects.exists()


@pytest.mark.parametrize(
    "persona", ["employee", "colleague", "inspirer", "outsider", "hr_person", "admin"]
)
def test_only_deciders_evaluate(cast, persona):
    trial = trial_for(cast)
    with pytest.raises(PermissionDenied):
        evaluate(cast, trial, by=persona)
    assert load(trial).status == Trial.Status.RUNNING


def test_an_owner_without_a_decision_role_cannot_evaluate(cast):
    trial = trial_for(cast, owner=cast.colleague)
    with pytest.raises(PermissionDenied):
        evaluate(cast, trial, by="colleague")


def test_evaluate_on_the_idea_page_closes_the_trial_too(cast):
    trial = trial_for(cast)
    idea = Idea.objects.get(pk=trial.idea_id)
    idea_actions.do_decide(
        cast.fresh("manager"), idea, Outcome.EVALUATE, seen_stage=Stage.TRIAL, reason="Klart."
    )
    trial = load(trial)
    assert trial.status == Trial.Status.EVALUATED and trial.summary == "Klart."
    assert trial.evaluated_by == cast.manager


def test_stop_after_evaluation_needs_the_lessons(cast):
    trial = evaluated_trial(cast)
    idea = Idea.objects.get(pk=trial.idea_id)
    with pytest.raises(ValidationError):
        idea_actions.do_decide(cast.fresh("lead"), idea, Outcome.STOP, seen_stage=Stage.EVALUATED)
    idea_actions.do_decide(
        cast.fresh("lead"),
        idea,
        Outcome.STOP,
        seen_stage=Stage.EVALUATED,
        reason="Lärdom: för dyrt i liten skala.",
    )
    idea.refresh_from_db()
    assert idea.stage == Stage.STOPPED


# -- plan, updates, owner --------------------------------------------------------------------


def test_edit_plan(cast):
    trial = trial_for(cast, owner=cast.colleague)
    later = today() + datetime.timedelta(days=10)
    actions.do_edit_trial(
        cast.fresh("colleague"),
        trial,
        hypothesis=" Om vi … så … ",
        plan="Vecka 1: introduktion",
        participants="Klass 3A",
        starts_on=later,
        ends_on=later + datetime.timedelta(days=30),
        seen_updated_at=trial.updated_at,
    )
    trial = load(trial)
    assert trial.hypothesis == "Om vi … så …"
    assert trial.status == Trial.Status.PLANNED  # starts ahead: still being prepared
    event = Event.objects.for_subject(trial).filter(data__change="plan").get()
    assert event.data["fields"] == ["ends_on", "hypothesis", "participants", "plan", "starts_on"]


@pytest.mark.parametrize("case", ["order", "missing_start", "too_long", "stale"])
def test_bad_plan_edit_saves_nothing(cast, case):
    day = today()
    trial = trial_for(cast)
    kwargs = {
        "hypothesis": "H",
        "plan": "P",
        "participants": "D",
        "starts_on": day,
        "ends_on": day + datetime.timedelta(days=5),
        "seen_updated_at": trial.updated_at,
    }
    if case == "order":
        kwargs["ends_on"] = day - datetime.timedelta(days=1)
    elif case == "missing_start":
        kwargs["starts_on"] = None
    elif case == "too_long":
        kwargs["plan"] = "p" * 5001
    elif case == "stale":
        kwargs["seen_updated_at"] = trial.updated_at - datetime.timedelta(seconds=1)
    with pytest.raises(ValidationError):
        actions.do_edit_trial(cast.fresh("manager"), trial, **kwargs)
    assert load(trial).plan == ""


def test_status_update(cast):
    trial = trial_for(cast, owner=cast.colleague)
    update = actions.do_report_trial(
        cast.fresh("manager"), trial, text="Går bra", health=TrialUpdate.Health.GREEN
    )
    assert update.author == cast.manager
    assert Notification.objects.filter(
        recipient=cast.colleague, event__data__change="status_update"
    ).exists()
    for text, health in (("", "green"), ("Hmm", "purple")):
        with pytest.raises(ValidationError):
            actions.do_report_trial(cast.fresh("manager"), trial, text=text, health=health)
    with pytest.raises(PermissionDenied):
        actions.do_report_trial(cast.fresh("employee"), trial, text="Hej", health="green")
    assert TrialUpdate.objects.count() == 1


def test_no_changes_after_evaluation(cast):
    day = today()
    trial = evaluated_trial(cast)
    with pytest.raises(PermissionDenied):
        actions.do_report_trial(cast.fresh("manager"), trial, text="Sent", health="green")
    with pytest.raises(PermissionDenied):
        actions.do_edit_trial(
            cast.fresh("manager"),
            trial,
            hypothesis="",
            plan="",
            participants="",
            starts_on=day,
            ends_on=day,
        )


def test_reassign_owner(cast):
    trial = trial_for(cast)
    with pytest.raises(ValidationError) as caught:
        actions.do_set_trial_owner(cast.fresh("lead"), trial, cast.outsider)
    assert "mottagande enheten" in caught.value.message_dict["owner"][0]
    with pytest.raises(PermissionDenied):
        actions.do_set_trial_owner(cast.fresh("colleague"), trial, cast.colleague)
    actions.do_set_trial_owner(cast.fresh("lead"), trial, cast.colleague)
    assert load(trial).owner == cast.colleague
    assert Follow.objects.filter(idea=trial.idea, user=cast.colleague).exists()


# -- nothing forgotten -----------------------------------------------------------------------


def test_flagged_when_the_owner_left_or_the_time_ran_out(cast):
    day = today()
    fine = trial_for(cast)
    left = trial_for(cast, owner=cast.colleague)
    overdue = trial_for(cast)
    done_late = evaluated_trial(cast)
    Trial.objects.filter(pk__in=[overdue.pk, done_late.pk]).update(
        starts_on=day - datetime.timedelta(days=30),
        ends_on=day - datetime.timedelta(days=1),
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
    assert set(Trial.objects.flagged()) == {left, overdue}
    flags = dict(Trial.objects.with_flag().values_list("pk", "is_flagged"))
    assert flags == {fine.pk: False, left.pk: True, overdue.pk: True, done_late.pk: False}


def test_new_idea_has_no_trial(cast):
    assert not Trial.objects.filter(idea=new_idea(cast)).exists()
