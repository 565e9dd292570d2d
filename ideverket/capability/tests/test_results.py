"""Aggregates against a direct computation, the anonymity threshold, and who sees which group."""

from collections import defaultdict

import pytest

from ideverket.capability.models import Answer, Dimension
from ideverket.capability.results import MUNICIPALITY, OTHERS, build_results
from ideverket.capability.rules import results_scope

from .builders import answer, close, open_round, people


@pytest.fixture
def two_rounds(cast):
    """Education (the school: 4 new people + employee), social (3 in homecare + outsider),
    central (2 people: below the threshold) over two rounds; values vary by person and item."""
    groups = {
        "education": [cast.employee, *people(cast.school, 4)],
        "social": [cast.outsider, *people(cast.homecare, 3)],
        "central": people(cast.hr, 2),
    }
    rounds = []
    for year, shift in ((2024, 0), (2025, 1)):
        round = open_round(cast, year)
        for members in groups.values():
            for i, person in enumerate(members):
                answer(
                    person,
                    round,
                    lambda rq, i=i, shift=shift: (
                        None if (i + rq.order) % 7 == 0 else min(5, 1 + (i + rq.order + shift) % 5)
                    ),
                )
        close(cast, round)
        rounds.append(round)
    return rounds


def direct(round, departments):
    """{dimension id: (average, respondents)} straight from the answer rows, in Python."""
    values, who = defaultdict(list), defaultdict(set)
    for a in Answer.objects.filter(
        response__round=round, response__department__in=departments, value__isnull=False
    ).select_related("round_question", "response"):
        values[a.round_question.dimension_id].append(a.value)
        who[a.round_question.dimension_id].add(a.response.respondent_id)
    return {d: (sum(v) / len(v), len(who[d])) for d, v in values.items()}


def test_department_and_municipality_averages_match_direct_computation(cast, two_rounds):
    results = build_results(results_scope(cast.fresh("coordinator")))
    for round in two_rounds:
        for department in (cast.education, cast.social):
            expected = direct(round, [department])
            group = results.group(str(department.pk))
            for dimension in Dimension.objects.all():
                cell = group.cell(round.pk, dimension.pk)
                assert cell.average == pytest.approx(expected[dimension.pk][0])
                assert cell.respondents == expected[dimension.pk][1]
        # The municipality counts the departments shown, not central (2 people).
        expected = direct(round, [cast.education, cast.social])
        municipality = results.group(MUNICIPALITY)
        assert municipality.responses[round.pk] == 9
        for dimension in Dimension.objects.all():
            assert municipality.cell(round.pk, dimension.pk).average == pytest.approx(
                expected[dimension.pk][0]
            )


def test_small_departments_are_hidden(cast, two_rounds):
    results = build_results(results_scope(cast.fresh("coordinator")))
    central = results.group(str(cast.central.pk))
    round = two_rounds[0]
    assert not central.shown(round.pk)
    assert all(central.cell(round.pk, d.pk).average is None for d in Dimension.objects.all())


def test_a_dimension_with_fewer_than_three_numeric_answers_is_hidden(cast):
    round = open_round(cast)
    culture = Dimension.objects.get(key="kultur")
    crowd = [cast.employee, *people(cast.school, 3)]
    for i, person in enumerate(crowd):
        # Only two people give culture a number; the rest say "vet inte".
        answer(
            person, round, lambda rq, i=i: None if rq.dimension_id == culture.pk and i > 1 else 4
        )
    close(cast, round)
    group = build_results(results_scope(cast.fresh("coordinator"))).group(str(cast.education.pk))
    assert group.shown(round.pk)
    assert group.cell(round.pk, culture.pk).average is None
    assert group.cell(round.pk, Dimension.objects.get(key="ledarskap").pk).average == 4


@pytest.mark.parametrize(
    ("viewer", "named", "others"),
    [
        ("coordinator", {"education", "social", "central"}, False),
        ("employee", {"education"}, False),
        ("inspirer", {"education"}, False),
        ("manager", {"education"}, True),
        ("lead", {"education"}, True),
        ("social_lead", {"social"}, True),
        ("outsider", {"social"}, False),
        ("hr_person", {"central"}, False),
        ("admin", {"central"}, False),
    ],
)
def test_who_sees_which_groups(cast, two_rounds, viewer, named, others):
    results = build_results(results_scope(cast.fresh(viewer)))
    ids = {str(getattr(cast, key).pk) for key in named}
    keys = {g.key for g in results.groups}
    assert keys - {MUNICIPALITY, OTHERS} == ids
    assert MUNICIPALITY in keys
    assert (OTHERS in keys) == others


def test_others_is_the_shown_departments_outside_ones_own(cast, two_rounds):
    results = build_results(results_scope(cast.fresh("lead")))
    round = two_rounds[1]
    expected = direct(round, [cast.social])
    others = results.group(OTHERS)
    assert others.responses[round.pk] == 4
    for dimension in Dimension.objects.all():
        assert others.cell(round.pk, dimension.pk).average == pytest.approx(
            expected[dimension.pk][0]
        )
