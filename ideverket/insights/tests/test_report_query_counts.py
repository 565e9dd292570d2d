"""Query budget of the follow-up report (issue 7): at most 12 queries for the page when the
report comes from the cache, and the same number with three times the data, cached or not.

The page for a department, report cached (8 for someone with a role, 7 without; the whole
municipality skips the department lookup: −1): the request: session, user with their unit, role
assignments, read only for someone who holds a role (3, or 2 without; the unread badge asks
nothing when nothing is unread); the filters: the period and department lookups (2); the
cached report (1); rendering the form: the period and department choices (2, each read once:
the select's `required` check reuses the rows).
Building the report (at most once per cache.FRESH_FOR and viewer, and for every download) adds:
goals: the department's goal paths, the goals with their visible link counts, their indicators
with the latest value (3); what was done, each list's rows carrying their count: ideas (1),
decisions + per outcome (2), trials started (1), evaluated + per result (2), implementations
(1), projects (1); effects: one grouped query (1); lessons + per outcome (2): 14; and on the
page the cache write (5 here: count, savepoint, look-up, insert, release; in production a
transaction instead of the savepoint).
The XLSX and CSV downloads run the same report queries without the cache or the form.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.goals.models import Goal, Indicator, IndicatorValue
from ideverket.insights import cache

from .test_report import URL, build_world, current_tertial, goal

BUDGET = 12
CACHED_PAGE = {"coordinator": 8, "lead": 8, "outsider": 7}
BUILT_PAGE = {"coordinator": 27, "lead": 27, "outsider": 26}


def count(client, params, *, cached=True):
    Notification.objects.update(read_at=timezone.now())
    client.get(URL, params)  # warm-up: content types and other process caches
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:160] for q in queries.captured_queries)


@pytest.mark.parametrize("viewer", ["coordinator", "lead", "outsider"])
def test_page_costs_the_same_with_three_times_the_data(cast, login, viewer):
    period, goals = build_world(cast, copies=1)
    client = login(cast.fresh(viewer))
    variants = [
        {"period": period.pk, "department": cast.education.pk},
        {"period": period.pk, "tertial": current_tertial()},
        {"period": period.pk, "department": cast.education.pk, "format": "xlsx"},
        {"period": period.pk, "department": cast.social.pk, "format": "csv", "section": "ideas"},
    ]
    pages = variants[:2]

    def counts():
        built = [count(client, params, cached=False) for params in pages]
        return built + [count(client, params) for params in variants]

    small = counts()
    build_world(cast, copies=2, goals=goals)  # three copies now
    large = counts()
    for (small_count, _), (large_count, sql) in zip(small, large, strict=True):
        assert small_count == large_count, sql
    assert small[0][0] == BUILT_PAGE[viewer], small[0][1]
    assert small[2][0] == CACHED_PAGE[viewer] <= BUDGET, small[2][1]
    assert small[3][0] == CACHED_PAGE[viewer] - 1, small[3][1]  # no department to look up


def test_goals_query_count_does_not_grow_with_goals(cast, login):
    period, goals = build_world(cast, copies=1)
    client = login(cast.fresh("lead"))
    params = {"period": period.pk, "department": cast.education.pk}
    before = count(client, params, cached=False)
    for i in range(6):
        extra = goal(
            period, f"SN{i + 2}", f"Mål {i}", Goal.Level.DEPARTMENT, cast.school, goals["committee"]
        )
        indicator = Indicator.objects.create(goal=extra, reference="I1", name=f"Indikator {i}")
        IndicatorValue.objects.create(indicator=indicator, measured_on=period.starts_on, value=i)
    after = count(client, params, cached=False)
    assert len(client.get(URL, params).context["report"].goals) == 3 + 6
    assert before[0] == after[0], after[1]
