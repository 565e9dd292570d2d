"""Time limits per department: Idea.objects.waiting_too_long() and Idea.is_waiting_too_long use
a department's own limit when it has set one, the municipality's default otherwise."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ideverket.departments import limits
from ideverket.departments.models import DepartmentSettings
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.org.models import Unit

from .builders import idea_aged, set_limits

DEFAULTS = settings.IDEVERKET["STAGE_LIMITS_DAYS"]


def direct_waiting_ids():
    """The oracle: every idea checked by hand against its department's limit or the default."""
    own = {row.department_id: row.limits() for row in DepartmentSettings.objects.all()}
    department_of = dict(Unit.objects.values_list("pk", "department_id"))
    now, today = timezone.now(), timezone.localdate()
    waiting = set()
    for idea in Idea.objects.exclude(stage=Stage.DRAFT):
        if idea.stage == Stage.PARKED:
            if idea.revisit_on and idea.revisit_on <= today:
                waiting.add(idea.pk)
            continue
        department = department_of[idea.owner_unit_id]
        days = own.get(department, {}).get(idea.stage, DEFAULTS.get(idea.stage))
        if days and idea.stage_changed_at < now - datetime.timedelta(days=days):
            waiting.add(idea.pk)
    return waiting


@pytest.fixture
def ideas(cast):
    return {
        # Education: 10 days submitted (default 14: not waiting; its own 7: waiting).
        "edu_submitted_10": idea_aged(cast, Stage.SUBMITTED, 10),
        # Education: 35 days in assessment (default 30: waiting; its own 40: not waiting).
        "edu_assessed_35": idea_aged(cast, Stage.IN_ASSESSMENT, 35),
        "edu_fresh": idea_aged(cast, Stage.SUBMITTED, 0),
        # Social keeps the defaults.
        "social_submitted_10": idea_aged(cast, Stage.SUBMITTED, 10, unit=cast.homecare),
        "social_submitted_20": idea_aged(cast, Stage.SUBMITTED, 20, unit=cast.homecare),
        # Owned by the municipality itself: no department, always the default.
        "kommun_submitted_20": idea_aged(cast, Stage.SUBMITTED, 20, unit=cast.kommun),
    }


def waiting_titles(ideas):
    names = {idea.pk: name for name, idea in ideas.items()}
    return {names[pk] for pk in Idea.objects.waiting_too_long().values_list("pk", flat=True)}


def test_defaults_apply_without_settings(cast, ideas):
    assert waiting_titles(ideas) == {
        "edu_assessed_35",
        "social_submitted_20",
        "kommun_submitted_20",
    }
    assert set(Idea.objects.waiting_too_long().values_list("pk", flat=True)) == (
        direct_waiting_ids()
    )


def test_a_departments_own_limits_replace_the_default_for_it_only(cast, ideas):
    set_limits(cast, cast.education, submitted=7, in_assessment=40)
    assert waiting_titles(ideas) == {
        "edu_submitted_10",
        "social_submitted_20",
        "kommun_submitted_20",
    }
    assert set(Idea.objects.waiting_too_long().values_list("pk", flat=True)) == (
        direct_waiting_ids()
    )
    # The property says the same for each loaded idea, with and without the owner unit.
    for name, idea in ideas.items():
        fresh = Idea.objects.get(pk=idea.pk)
        with_unit = Idea.objects.select_related("owner_unit").get(pk=idea.pk)
        expected = name in waiting_titles(ideas)
        assert fresh.is_waiting_too_long is expected, name
        assert with_unit.is_waiting_too_long is expected, name


def test_blank_again_means_the_default(cast, ideas):
    set_limits(cast, cast.education, submitted=7)
    set_limits(cast, cast.education, submitted=None)
    assert "edu_submitted_10" not in waiting_titles(ideas)
    assert not Idea.objects.get(pk=ideas["edu_submitted_10"].pk).is_waiting_too_long


def test_a_limit_for_a_stage_without_default(cast, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "STAGE_LIMITS_DAYS": {"submitted": 14}}
    idea = idea_aged(cast, Stage.IN_ASSESSMENT, 50)
    assert not Idea.objects.waiting_too_long().exists()
    set_limits(cast, cast.education, in_assessment=45)
    assert list(Idea.objects.waiting_too_long()) == [idea]
    assert Idea.objects.get(pk=idea.pk).is_waiting_too_long


def test_one_statement_for_the_ideas_whatever_the_number_of_departments(cast, ideas):
    """The departments' limits are joined into the statement: 1 query, with 1 or 2
    departments having limits of their own and more ideas."""

    def queries():
        with CaptureQueriesContext(connection) as captured:
            found = len(Idea.objects.waiting_too_long())
        return len(captured), found

    set_limits(cast, cast.education, submitted=7)
    small, found_small = queries()
    set_limits(cast, cast.social, submitted=5, in_assessment=9)
    idea_aged(cast, Stage.SUBMITTED, 6, unit=cast.homecare)
    large, found_large = queries()
    assert small == large == 1
    assert found_large == found_small + 2  # social's 10-day idea and the new 6-day one
    assert found_large == len(direct_waiting_ids())


def test_within_a_request_the_property_reads_the_limits_once_and_forgets_them_on_save(cast, ideas):
    loaded = list(Idea.objects.select_related("owner_unit").order_by("pk"))
    set_limits(cast, cast.education, submitted=30)
    limits.request_started()
    try:
        with CaptureQueriesContext(connection) as captured:
            flags = [idea.is_waiting_too_long for idea in loaded]
        assert len(captured) == 1  # the departments' limits, once for every idea
        assert flags.count(True) == 3  # edu in assessment 35 days, social and kommun 20 days
        set_limits(cast, cast.education, submitted=7)
        assert (
            Idea.objects.select_related("owner_unit")
            .get(pk=ideas["edu_submitted_10"].pk)
            .is_waiting_too_long
        )
    finally:
        limits.request_finished()


def test_fresh_ideas_need_no_lookup(cast, ideas):
    set_limits(cast, cast.education, submitted=7)
    idea = Idea.objects.select_related("owner_unit").get(pk=ideas["edu_fresh"].pk)
    with CaptureQueriesContext(connection) as captured:
        assert not idea.is_waiting_too_long
    assert len(captured) == 0


def test_parked_past_revisit_date_is_waiting(cast):
    idea = idea_aged(cast, Stage.PARKED, 1)
    Idea.objects.filter(pk=idea.pk).update(revisit_on=timezone.localdate())
    set_limits(cast, cast.education, submitted=7)
    assert list(Idea.objects.waiting_too_long()) == [Idea.objects.get(pk=idea.pk)]
    assert Idea.objects.get(pk=idea.pk).is_waiting_too_long
