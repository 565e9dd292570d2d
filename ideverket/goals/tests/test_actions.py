"""Goal, indicator, link and period actions: rows, paths, events and permissions."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideverket.activity.describe import describe
from ideverket.activity.models import Event
from ideverket.goals import actions
from ideverket.goals.models import Goal, GoalLink
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage

from .builders import goal_tree, period_of

pytestmark = pytest.mark.django_db


def test_tree_paths_and_move(cast):
    council, committee, department = goal_tree(cast)
    assert department.path == f"/{council.pk}/{committee.pk}/{department.pk}/"
    assert department.depth == 2
    other = actions.do_create_goal(
        cast.coordinator, period=council.period, level="council", reference="K2", title="Heltid"
    )
    actions.do_edit_goal(cast.coordinator, committee, parent=other)
    department.refresh_from_db()
    assert department.path == f"/{other.pk}/{committee.pk}/{department.pk}/"
    assert Event.objects.filter(subject_id=committee.pk, verb=Event.Verb.EDITED).exists()


def test_goal_cannot_move_below_itself(cast):
    council, committee, department = goal_tree(cast)
    with pytest.raises(ValidationError):
        actions.do_edit_goal(cast.coordinator, council, parent=department)
    council.refresh_from_db()
    assert council.parent_id is None


def test_duplicate_reference_is_a_validation_error(cast):
    council, _c, _d = goal_tree(cast)
    with pytest.raises(ValidationError) as info:
        actions.do_create_goal(
            cast.coordinator, period=council.period, level="council", reference="K1", title="X"
        )
    assert "reference" in info.value.message_dict
    assert Goal.objects.count() == 3


def test_department_lead_manages_own_department_only(cast):
    _council, committee, department = goal_tree(cast)
    lead = cast.fresh("lead")
    actions.do_edit_goal(lead, department, title="Mindre pappersarbete")
    with pytest.raises(PermissionDenied):
        actions.do_create_goal(
            lead,
            period=department.period,
            level="department",
            reference="S1",
            title="Socialt",
            owner_unit=cast.social,
        )
    with pytest.raises(PermissionDenied):
        actions.do_edit_goal(cast.fresh("social_lead"), committee, title="Nej")
    with pytest.raises(PermissionDenied):
        actions.do_create_goal(
            cast.fresh("employee"),
            period=department.period,
            level="department",
            reference="E1",
            title="Mitt mål",
            owner_unit=cast.school,
        )


def test_deactivate_and_indicator_values(cast):
    _council, _committee, department = goal_tree(cast)
    manager = cast.fresh("manager")
    indicator = actions.do_save_indicator(
        manager,
        department,
        reference="I1",
        name="Andel digitala närvarolistor",
        unit_of_measure="procent",
        baseline=Decimal("10"),
        target=Decimal("90"),
    )
    actions.do_record_indicator_value(
        manager, indicator, measured_on=datetime.date(2026, 4, 30), value=Decimal("35")
    )
    actions.do_record_indicator_value(
        manager, indicator, measured_on=datetime.date(2026, 4, 30), value=Decimal("40")
    )
    assert list(indicator.values.values_list("value", flat=True)) == [Decimal("40")]
    actions.do_set_goal_active(manager, department, False)
    department.refresh_from_db()
    assert not department.is_active
    sentences = [str(describe(e)) for e in Event.objects.filter(subject_id=department.pk)]
    assert any("avslutade målet" in s for s in sentences)
    assert any("registrerade 40" in s for s in sentences)


def test_link_and_unlink_write_events_on_the_item(cast):
    _council, _committee, department = goal_tree(cast)
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    lead = cast.fresh("lead")
    link = actions.do_link_goal(lead, idea, department)
    assert GoalLink.objects.for_subject(idea).get() == link
    assert actions.do_link_goal(lead, idea, department) == link  # twice: still one link
    actions.do_unlink_goal(lead, link, idea)
    assert not GoalLink.objects.exists()
    events = Event.objects.for_subject(idea).filter(data__change__startswith="goal_")
    sentences = [str(describe(e)) for e in events]
    assert len(sentences) == 2
    assert "kopplade till målet ”Mindre administration för lärare”" in sentences[0] + sentences[1]


def test_link_needs_the_items_edit_rule(cast):
    _council, _committee, department = goal_tree(cast)
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    for key in ("employee", "outsider", "social_lead"):
        with pytest.raises(PermissionDenied):
            actions.do_link_goal(cast.fresh(key), idea, department)


def test_inactive_goal_cannot_be_linked(cast):
    _council, _committee, department = goal_tree(cast)
    actions.do_set_goal_active(cast.coordinator, department, False)
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    with pytest.raises(ValidationError):
        actions.do_link_goal(cast.fresh("lead"), idea, department)


def test_periods_are_for_the_coordinator(cast):
    with pytest.raises(PermissionDenied):
        actions.do_create_period(
            cast.fresh("lead"),
            name="2030",
            starts_on=datetime.date(2030, 1, 1),
            ends_on=datetime.date(2030, 12, 31),
        )
    period = period_of(cast)
    assert Event.objects.filter(subject_id=period.pk, verb=Event.Verb.CREATED).exists()
