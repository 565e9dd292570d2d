"""The demo's goals: two periods, a tree per period, tertial values, contributions and effects."""

import pytest
from django.db.models import Count

from ideverket.demo.builder import DemoBuilder
from ideverket.goals import contributions
from ideverket.goals.models import Goal, GoalLink, IndicatorValue, Period
from ideverket.org.models import User

pytestmark = pytest.mark.django_db


def test_demo_goals():
    DemoBuilder().build()
    assert Period.objects.count() == 2
    for period in Period.objects.all():
        levels = dict(
            Goal.objects.filter(period=period).values_list("level").annotate(n=Count("pk"))
        )
        assert levels == {"council": 4, "committee": 5, "department": 5}
    assert (
        IndicatorValue.objects.filter(
            indicator__goal__period__name=Period.objects.last().name
        ).count()
        == 27
    )
    kinds = set(GoalLink.objects.values_list("subject_type__model", flat=True))
    assert kinds == {"challenge", "idea", "trial", "project"}
    coordinator = User.objects.get(name="Karin Lindqvist")
    this_year = Period.objects.first()
    with_effects = [
        goal
        for goal in Goal.objects.filter(period=this_year, level="council")
        if any(row["realised"] for row in contributions.effect_sums(coordinator, goal))
    ]
    assert with_effects
