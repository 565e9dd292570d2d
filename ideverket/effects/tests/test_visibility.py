"""A restricted idea's effects are invisible, by every route, to those who cannot see the idea."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.effects.models import Effect
from ideverket.ideas.actions import do_decide
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import future, idea_in_stage, new_idea
from ideverket.lib import subjects

from .builders import hours_effect, measure


@pytest.fixture
def restricted(cast):
    idea = idea_in_stage(cast, Stage.TRIAL, visibility=Idea.Visibility.RESTRICTED)
    effect = hours_effect(cast, idea, target=Decimal("1777"))
    measure(cast, effect, "1333")
    return idea, effect


def test_the_outsider_gets_404_by_every_route(cast, login, restricted):
    idea, effect = restricted
    client = login(cast.fresh("outsider"))
    for path in (
        reverse("effects:create", args=["ideas.idea", idea.pk]),
        reverse("effects:measure", args=[effect.pk]),
    ):
        assert client.get(path).status_code == 404
        assert client.post(path, {"value": "1", "measured_on": "2024-01-01"}).status_code == 404
    assert client.get(idea.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("key", "sees"),
    [
        ("outsider", False),
        ("hr_person", False),
        ("social_lead", False),
        ("admin", False),
        ("employee", True),  # in the owner unit
        ("lead", True),
        ("coordinator", True),
    ],
)
def test_sums_count_only_what_the_viewer_may_see(cast, login, restricted, key, sees):
    open_idea = new_idea(cast, title="Öppen idé")
    hours_effect(cast, open_idea, target=Decimal("1100"))
    response = login(cast.fresh(key)).get(reverse("effects:sums"))
    (hours,) = response.context["tables"]
    expected = Decimal("100") + (Decimal("777") if sees else 0)
    assert hours.total.expected == expected
    assert hours.total.effect_count == (2 if sees else 1)
    assert ("+877" in response.content.decode()) == sees


def test_visible_to_is_one_statement(cast, restricted):
    outsider = cast.fresh("outsider")
    list(Effect.objects.visible_to(outsider))  # warm the user's unit and roles
    with CaptureQueriesContext(connection) as queries:
        assert list(Effect.objects.visible_to(outsider)) == []
        assert list(Effect.objects.visible_to(outsider).sums_by("kind")) == []
    assert len(queries) == 2


def test_visible_ids_without_any_kind_shows_nothing(cast, restricted, monkeypatch):
    monkeypatch.setattr(subjects, "_kinds", {})
    assert not Effect.objects.visible_to(cast.fresh("coordinator")).exists()


def test_anonymous_sees_no_effects(cast, restricted):
    from django.contrib.auth.models import AnonymousUser

    assert not Effect.objects.visible_to(AnonymousUser()).exists()


def test_a_commitment_owner_elsewhere_sees_and_edits_a_restricted_idea(cast, login):
    """The receiving unit's named owner in another department sees the restricted idea they
    committed to carry on, and may record its effects (docs/roles.md)."""
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT, visibility=Idea.Visibility.RESTRICTED)
    do_decide(
        cast.fresh("lead"),
        idea,
        Outcome.TEST,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Testa i hemtjänsten",
        commitment={
            "receiving_unit": cast.homecare,
            "owner": cast.outsider,
            "hours": 10,
            "until": future(),
            "success_criteria": "Mindre papper",
        },
    )
    assert subjects.get("ideas.idea").can_edit(cast.fresh("outsider"), idea)
    url = reverse("effects:create", args=["ideas.idea", idea.pk])
    assert login(cast.fresh("outsider")).get(url).status_code == 200
