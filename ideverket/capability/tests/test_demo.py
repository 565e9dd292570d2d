"""The demo's self-assessment: two closed rounds, every department shown, a visible trend."""

import pytest

from ideverket.capability.models import Dimension, Round
from ideverket.capability.results import MUNICIPALITY, build_results
from ideverket.capability.rules import ResultsScope
from ideverket.demo.builder import DemoBuilder


@pytest.mark.django_db
def test_demo_rounds_show_a_trend():
    DemoBuilder().build()
    rounds = list(Round.objects.order_by("year"))
    assert [r.status for r in rounds] == [Round.Status.CLOSED, Round.Status.CLOSED]
    results = build_results(ResultsScope(every_department=True))
    departments = [g for g in results.groups if g.department_id]
    assert len(departments) == 5
    for group in departments:
        assert all(group.shown(r.pk) for r in rounds), group.name
    municipality = results.group(MUNICIPALITY)
    last, this = rounds
    for key in ("struktur", "kompetens"):
        dimension = Dimension.objects.get(key=key)
        before = municipality.cell(last.pk, dimension.pk).average
        after = municipality.cell(this.pk, dimension.pk).average
        assert after > before + 0.2, key
