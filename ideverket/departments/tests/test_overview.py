"""The overview's own SQL (departments.overview) agrees with the apps' rules: who sees a trial,
an implementation or an effect (counted in parts: shared, cached and per viewer), and which
ideas wait too long (the department's limits as constants)."""

import pytest
from django.urls import reverse

from ideverket.departments import overview
from ideverket.effects.models import Effect
from ideverket.effects.tests.builders import hours_effect, measure
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.implementation.models import Implementation
from ideverket.trials.models import Trial
from ideverket.trials.tests.builders import implementing_idea, trial_for

from .builders import idea_aged, set_limits

VIEWERS = ("employee", "manager", "lead", "outsider", "social_lead", "coordinator")


@pytest.fixture
def work(cast):
    """Open and restricted trials, implementations and effects in Utbildningsförvaltningen,
    one trial owned by an outsider (who sees it through ownership only)."""
    open_trial = trial_for(cast, title="Öppet test")
    secret_trial = trial_for(cast, title="Hemligt test", visibility=Idea.Visibility.RESTRICTED)
    owned = trial_for(
        cast,
        title="Olles test",
        visibility=Idea.Visibility.RESTRICTED,
        owner=cast.outsider,
        receiving_unit=cast.homecare,
    )
    implementation = implementing_idea(cast, title="Införs")
    secret_implementation = implementing_idea(
        cast, title="Hemligt införande", visibility=Idea.Visibility.RESTRICTED
    )
    for trial in (open_trial, secret_trial, owned):
        measure(cast, hours_effect(cast, trial), "1100")
    for idea in Idea.objects.filter(title__in=["Införs", "Hemligt införande"]):
        hours_effect(cast, idea)
    return open_trial, secret_trial, owned, implementation, secret_implementation


@pytest.mark.parametrize("viewer", VIEWERS)
def test_work_in_progress_is_what_the_apps_show(cast, work, viewer):
    user = cast.fresh(viewer)
    trials, implementations = overview.work_in_progress(user, cast.education)
    expected_trials = set(
        Trial.objects.visible_to(user)
        .open()
        .filter(idea__owner_unit__department=cast.education)
        .values_list("pk", flat=True)
    )
    expected_implementations = set(
        Implementation.objects.visible_to(user)
        .active()
        .filter(idea__owner_unit__department=cast.education)
        .values_list("pk", flat=True)
    )
    assert {item.pk for item in trials} == expected_trials
    assert {item.pk for item in implementations} == expected_implementations
    assert expected_trials and expected_implementations


@pytest.mark.parametrize("viewer", VIEWERS)
def test_effect_sums_are_what_the_effects_app_sums(cast, work, viewer):
    """Shared sums (effects on ideas everyone sees) plus the viewer's own part add up to the
    effects app's own sums over what the viewer may see."""
    user = cast.fresh(viewer)
    overview.shared_effects()  # computed before the viewer's part, as on a warm page
    sums, _computed_at = overview.effect_sums(user, cast.education)
    expected = {
        row["kind"]: (row["effect_count"], row["measured_count"], row["expected"], row["realised"])
        for row in Effect.objects.visible_to(user).filter(department=cast.education).sums_by("kind")
    }
    mine = {
        row.kind: (row.effect_count, row.measured_count, row.expected, row.realised) for row in sums
    }
    assert mine == expected and expected


def test_the_outsider_sees_only_the_trial_they_own(cast, work):
    _open, secret, owned, *_ = work
    trials, _implementations = overview.work_in_progress(cast.fresh("outsider"), cast.education)
    titles = {item.title for item in trials}
    assert "Olles test" in titles and "Hemligt test" not in titles


def test_lists_are_cut_to_the_limit_and_ending_first(cast):
    for i in range(4):
        trial_for(cast, title=f"Test {i}")
    trials, _ = overview.work_in_progress(cast.fresh("lead"), cast.education, limit=3)
    assert len(trials) == 3
    ends = [item.ends_on for item in trials]
    assert ends == sorted(ends, key=lambda day: (day is None, day))


@pytest.mark.parametrize("limit", [None, 7])
def test_waiting_is_the_same_rule_as_waiting_too_long(cast, limit):
    for days in (3, 8, 20, 40):
        idea_aged(cast, Stage.SUBMITTED, days, title=f"{days} dagar")
    idea_aged(cast, Stage.IN_ASSESSMENT, 40, title="Bedöms länge")
    if limit:
        set_limits(cast, cast.education, submitted=limit)
    user = cast.fresh("lead")
    department = overview.load_department(cast.education.pk)
    mine = {idea.pk for idea in overview.waiting_ideas(user, department)}
    expected = set(
        Idea.objects.visible_to(user)
        .waiting_too_long()
        .filter(owner_unit__department=cast.education)
        .values_list("pk", flat=True)
    )
    assert mine == expected and expected
    stages, _computed_at = overview.stage_counts(user, department)
    counted = sum(row.waiting for row in stages)
    assert counted == len(expected)
    longest = overview.longest_waiting(user, department, limit=2)
    assert [idea.title for idea in longest] == ["40 dagar", "Bedöms länge"]


def test_the_department_row_carries_its_lists(cast, login):
    set_limits(cast, cast.education, submitted=9)
    set_limits(cast, cast.social, in_assessment=12)
    department = overview.load_department(cast.education.pk)
    assert department.own_settings.submitted_days == 9
    assert overview.load_department(cast.school.pk) is None
    page = login(cast.fresh("lead")).get(reverse("departments:detail", args=[cast.education.pk]))
    assert page.status_code == 200
    assert "9 dagar" in page.text


def test_shared_counts_say_when_they_were_made_and_wait_for_fresh_for(cast, login):
    client = login(cast.fresh("employee"))
    page = client.get(reverse("departments:detail", args=[cast.education.pk]))
    before = page.context["ideas_total"]
    assert "Siffrorna beräknades kl." in page.text
    assert "Siffrorna beräknades kl." in client.get(reverse("departments:list")).text
    idea_aged(cast, Stage.SUBMITTED, 1, title="Ny öppen idé")
    page = client.get(reverse("departments:detail", args=[cast.education.pk]))
    assert page.context["ideas_total"] == before  # an open idea shows within FRESH_FOR
    overview.forget_shared()
    page = client.get(reverse("departments:detail", args=[cast.education.pk]))
    assert page.context["ideas_total"] == before + 1
