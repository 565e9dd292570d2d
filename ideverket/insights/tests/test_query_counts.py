"""Query budget of the insights page (issue 7): at most 12 queries when the figures come from the
cache, and the same number for one round of the data set as for three, cached or not.

The coordinator's page, nothing chosen, figures cached (4): the request (session, user with
their unit, role assignments: 3; the unread badge asks nothing when nothing is unread, a stored
count on the person's row); the cached figures (1). The period, department and theme choices,
and the current period among them, are kept per process (lib.forms.kept_choices): no query,
and none for a chosen department or theme either. The lead's is the same.
Computing the figures (at most once per cache.FRESH_FOR and viewer) adds 11: the funnel (2:
submitted, decisions grouped by stage); the implementation rate (1); lead times (1); waiting (2:
the departments' own time limits, the grouped ideas); effects per department (1); the themes
and their sums (2); the top goals (1; their sums +1 when the period has goals, none here);
participation (1); then the cache write (5 here: count, savepoint, look-up, insert, release;
in production a transaction instead of the savepoint): 20, for the lead too (the unit their
visibility needs came with the user).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.insights import cache

from .dataset import build

URL = reverse("insights:overview")
BUDGET = 12
CACHED = {"coordinator": 4, "lead": 4}
COMPUTED = {"coordinator": 20, "lead": 20}


def count(client, params=None, *, cached=True):
    Notification.objects.update(read_at=timezone.now())
    client.get(URL, params)  # warm-up: content types and other process caches
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:160] for q in queries.captured_queries)


@pytest.mark.parametrize("role", ["coordinator", "lead"])
def test_page_queries_do_not_grow_with_data(cast, login, role):
    build(cast)
    client = login(cast.fresh(role))
    small = count(client), count(client, cached=False)
    build(cast, rounds=2)
    large = count(client), count(client, cached=False)
    assert small[0][0] == large[0][0] == CACHED[role], large[0][1]
    assert small[1][0] == large[1][0] == COMPUTED[role], large[1][1]
    assert large[0][0] <= BUDGET


def test_filtered_page_and_export_queries(cast, login):
    theme = build(cast)
    client = login(cast.fresh("coordinator"))
    params = {"department": cast.education.pk, "theme": theme.pk}
    small = count(client, params), count(client, params, cached=False)
    build(cast, rounds=2)
    large = count(client, params), count(client, params, cached=False)
    assert [n for n, _sql in small] == [n for n, _sql in large]
    # The chosen department and theme are found in the kept choices: no query.
    assert large[0][0] == CACHED["coordinator"] <= BUDGET, large[0][1]
    export = {**params, "format": "csv", "table": "participation"}
    # The download reads the same cached figures.
    assert count(client, export)[0] == large[0][0]
