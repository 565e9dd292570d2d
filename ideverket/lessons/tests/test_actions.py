"""do_record_lesson and record_lesson_from_decision: permission, validation, the timeline."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideverket.activity.models import Event, Notification
from ideverket.ideas import actions as idea_actions
from ideverket.ideas import process
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea
from ideverket.lessons.actions import do_record_lesson, record_lesson_from_decision
from ideverket.lessons.models import Lesson


@pytest.fixture
def idea(cast):
    return idea_in_stage(cast, Stage.EVALUATED)


def record(cast, idea, user=None, **changes):
    fields = {
        "subject": idea,
        "title": "Åsa visade att appen måste fungera utan nät",
        "text": "Testet på Skola Norr visade att wifi saknas i gympasalen.",
        "unit": None,
        "outcome": Lesson.Outcome.PARTLY,
    }
    fields.update(changes)
    return do_record_lesson(user or cast.fresh("lead"), **fields)


def test_record_lesson_with_the_keyword_signature(cast, idea):
    lesson = do_record_lesson(
        cast.fresh("manager"),
        subject=idea,
        title="  Lärdom ",
        text="Text",
        unit=cast.homecare,
        outcome=Lesson.Outcome.WORKED,
    )
    assert lesson.subject == idea
    assert lesson.unit == cast.homecare
    assert lesson.department == cast.social
    assert lesson.created_by == cast.manager
    assert lesson.title == "Lärdom"  # trimmed
    assert lesson.search_text == "lärdom text"


def test_unit_defaults_to_the_subjects_unit_and_outcome_to_partly(cast, idea):
    lesson = do_record_lesson(cast.fresh("lead"), subject=idea, title="T", text="X", unit=None)
    assert lesson.unit == cast.school
    assert lesson.department == cast.education
    assert lesson.outcome == Lesson.Outcome.PARTLY


def test_search_text_is_case_folded_and_nfc(cast, idea):
    lesson = record(cast, idea, title="A\u030aSA", text="Ö")  # Å typed as A + ring
    assert lesson.title == "ÅSA"
    assert lesson.search_text == "åsa ö"


def test_the_lesson_is_on_the_ideas_timeline_and_followers_are_told(cast, idea):
    lesson = record(cast, idea)
    event = Event.objects.for_subject(idea).latest("pk")
    assert event.data["change"] == "lesson_recorded"
    assert event.data["lesson_id"] == lesson.pk
    assert Notification.objects.filter(event=event, recipient=cast.employee).exists()


@pytest.mark.parametrize("key", ["employee", "inspirer", "outsider", "social_lead", "admin"])
def test_others_may_not_record(cast, idea, key):
    with pytest.raises(PermissionDenied):
        record(cast, idea, user=cast.fresh(key))
    assert not Lesson.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": " \u200b "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"text": ""}, "text"),
        ({"text": "x" * 10001}, "text"),
        ({"outcome": "maybe"}, "outcome"),
    ],
)
def test_bad_lessons_are_refused_and_nothing_is_saved(cast, idea, changes, field):
    events = Event.objects.count()
    with pytest.raises(ValidationError) as exc:
        record(cast, idea, **changes)
    assert field in exc.value.message_dict
    assert not Lesson.objects.exists()
    assert Event.objects.count() == events


def test_lesson_from_a_stop_decision(cast, idea):
    decision = idea_actions.do_decide(
        cast.fresh("lead"),
        idea,
        Outcome.STOP,
        seen_stage=Stage.EVALUATED,
        reason="Eleverna använde inte appen: för många steg.",
    )
    lesson = record_lesson_from_decision(cast.fresh("lead"), decision)
    assert lesson.title == "Lärdomar: Digital närvarolista"
    assert lesson.text == "Eleverna använde inte appen: för många steg."
    assert lesson.outcome == Lesson.Outcome.DID_NOT_WORK
    assert lesson.unit == cast.school


def test_lesson_title_stays_swedish_for_an_english_reader(cast, idea, settings):
    from django.utils import translation

    decision = idea_actions.do_decide(
        cast.fresh("lead"), idea, Outcome.STOP, seen_stage=Stage.EVALUATED, reason="Ingen nytta."
    )
    with translation.override("en"):
        lesson = record_lesson_from_decision(cast.fresh("lead"), decision)
    assert lesson.title.startswith("Lärdomar: ")


def test_wired_as_a_follow_up_the_stop_decision_keeps_its_lessons(cast, idea, monkeypatch):
    """How the process table will use it: in the decision's transaction, all or nothing."""
    monkeypatch.setitem(
        process.FOLLOW_UPS, Outcome.STOP, ["ideverket.lessons.actions.record_lesson_from_decision"]
    )
    idea_actions.do_decide(
        cast.fresh("manager"), idea, Outcome.STOP, seen_stage=Stage.EVALUATED, reason="Lärt oss."
    )
    assert Lesson.objects.get().text == "Lärt oss."


def test_no_lessons_on_a_draft(cast):
    draft = new_idea(cast, user=cast.lead, submit=False)
    with pytest.raises(PermissionDenied):
        record(cast, draft)
