"""do_add_effect and do_record_measurement: permission, validation, the subject's timeline."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideverket.activity.models import Event, Notification
from ideverket.effects import actions
from ideverket.effects.models import Effect, Measurement
from ideverket.ideas.actions import do_follow
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea

from .builders import hours_effect, measure, today


@pytest.fixture
def idea(cast):
    return idea_in_stage(cast, Stage.TRIAL)


def test_add_effect_defaults_to_the_subjects_unit_and_department(cast, idea):
    effect = hours_effect(cast, idea)
    assert effect.subject == idea
    assert effect.unit == cast.school
    assert effect.department == cast.education
    assert effect.created_by == cast.lead
    assert effect.expected_change == Decimal("400")


def test_add_effect_in_another_unit_counts_for_that_department(cast, idea):
    effect = hours_effect(cast, idea, unit=cast.homecare)
    assert effect.department == cast.social


def test_add_effect_writes_an_event_on_the_idea_and_tells_its_followers(cast, idea):
    do_follow(cast.colleague, idea)
    effect = hours_effect(cast, idea)
    event = Event.objects.for_subject(idea).latest("pk")
    assert event.verb == actions.EFFECT_VERB
    assert event.actor == cast.lead
    assert event.data["change"] == "effect_added"
    assert event.data["effect_id"] == effect.pk
    notified = set(Notification.objects.filter(event=event).values_list("recipient", flat=True))
    assert {cast.employee.pk, cast.colleague.pk} <= notified  # the submitter follows too
    assert cast.lead.pk not in notified


def test_record_measurement_is_the_realised_effect(cast, idea):
    day = today()
    effect = hours_effect(cast, idea)
    measure(cast, effect, "1200", measured_on=day - datetime.timedelta(days=30))
    measure(cast, effect, "1300", measured_on=day - datetime.timedelta(days=1))
    # Recorded later but measured earlier: not the latest.
    measure(cast, effect, "1100", measured_on=day - datetime.timedelta(days=60))
    latest = Effect.objects.with_latest().get(pk=effect.pk)
    assert latest.latest_value == Decimal("1300")
    assert latest.latest_on == day - datetime.timedelta(days=1)
    assert latest.realised_change == Decimal("300")
    assert latest.realised_share == 75
    event = Event.objects.for_subject(idea).latest("pk")
    assert event.data["change"] == "effect_measured"
    assert event.data["value"] == "1100"


@pytest.mark.parametrize("key", ["employee", "colleague", "inspirer", "outsider", "admin"])
def test_people_who_do_not_carry_the_idea_may_not_add_or_measure(cast, idea, key):
    effect = hours_effect(cast, idea)
    events = Event.objects.count()
    with pytest.raises(PermissionDenied):
        hours_effect(cast, idea, user=cast.fresh(key))
    with pytest.raises(PermissionDenied):
        measure(cast, effect, "1100", user=cast.fresh(key))
    assert Effect.objects.count() == 1
    assert not Measurement.objects.exists()
    assert Event.objects.count() == events


def test_nothing_on_a_draft(cast):
    draft = new_idea(cast, user=cast.lead, submit=False)
    with pytest.raises(PermissionDenied):
        hours_effect(cast, draft)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"baseline": Decimal("-1")}, "baseline"),
        ({"target": Decimal("-5")}, "target"),
        ({"target": None}, "target"),
        ({"target": Decimal("1" + "0" * 14)}, "target"),  # 15 digits
        ({"target": Decimal("1.234")}, "target"),  # three decimals
        ({"description": "   "}, "description"),
        ({"description": "x" * 2001}, "description"),
        ({"kind": "magic"}, "kind"),
    ],
)
def test_bad_effects_are_refused_and_nothing_is_saved(cast, idea, fields, field):
    events = Event.objects.count()
    with pytest.raises(ValidationError) as exc:
        hours_effect(cast, idea, **fields)
    assert field in exc.value.message_dict
    assert not Effect.objects.exists()
    assert Event.objects.count() == events


def test_target_without_baseline_counts_from_zero(cast, idea):
    effect = hours_effect(cast, idea, baseline=None, target=Decimal("400"))
    assert effect.expected_change == Decimal("400")


def test_quality_may_be_text_only_and_negative(cast, idea):
    effect = hours_effect(
        cast,
        idea,
        kind=Effect.Kind.QUALITY,
        description="Tryggare elever",
        baseline=None,
        target=None,
    )
    assert effect.expected_change is None
    measure(cast, effect, None, note="Eleverna säger att de känner sig tryggare.")
    indicator = hours_effect(
        cast,
        idea,
        kind=Effect.Kind.QUALITY,
        indicator="Nettorekommendation (NPS)",
        baseline=Decimal("-20"),
        target=Decimal("10"),
    )
    measure(cast, indicator, "-5")
    assert Effect.objects.with_latest().get(pk=indicator.pk).realised_change == Decimal("15")


@pytest.mark.parametrize(
    ("value", "days_from_today", "note", "field", "message"),
    [
        ("-3", -1, "", "value", "negativt"),
        (None, -1, "", "value", "uppmätta värdet"),
        ("1" + "0" * 15, -1, "", "value", "siffror"),
        ("10", 1, "", "measured_on", "framtiden"),
        ("10", -1, "x" * 2001, "note", ""),
    ],
)
def test_bad_measurements_are_refused_and_nothing_is_saved(
    cast, idea, value, days_from_today, note, field, message
):
    measured_on = today() + datetime.timedelta(days=days_from_today)
    effect = hours_effect(cast, idea)
    events = Event.objects.count()
    with pytest.raises(ValidationError) as exc:
        measure(cast, effect, value, measured_on=measured_on, note=note)
    assert field in exc.value.message_dict
    assert message in " ".join(exc.value.message_dict[field])
    assert not Measurement.objects.exists()
    assert Event.objects.count() == events


def test_a_quality_measurement_needs_a_value_or_a_text(cast, idea):
    effect = hours_effect(
        cast, idea, kind=Effect.Kind.QUALITY, description="Bättre", baseline=None, target=None
    )
    with pytest.raises(ValidationError):
        measure(cast, effect, None, note="  ")


def test_today_is_not_the_future(cast, idea):
    day = today()
    effect = hours_effect(cast, idea)
    assert measure(cast, effect, "1100", measured_on=day).measured_on == day
