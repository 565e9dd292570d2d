"""Query budgets: the results page and the answer form cost the same with more data.

Every page pays for "the request": session; user with their unit; role assignments, read only
for someone who holds a role (the person's row says whether they hold any): 3 for someone with a
role, 2 for someone without. The unread badge asks nothing when nothing is unread (a stored
count on the person's row).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .builders import answer, close, open_round, people


def count(client, url, params=None):
    client.get(url, params)  # warm-up: content types and other process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def a_round(cast, year, n):
    round = open_round(cast, year)
    for person in [*people(cast.school, n), *people(cast.homecare, n)]:
        answer(person, round, lambda rq: 1 + rq.order % 5)
    close(cast, round)


# Results: the request (3 or 2); closed rounds; the departments (one list for the groups and the
# choices, so a chosen department costs nothing more); dimensions; grouped answers; grouped
# responses; the open round: 9 for someone with a role, 8 for someone without.
@pytest.mark.parametrize(
    ("viewer", "params", "expected"),
    [
        ("coordinator", {}, 9),
        ("coordinator", "department", 9),
        ("lead", {}, 9),
        ("employee", {}, 8),
        ("outsider", {}, 8),
    ],
)
def test_results_page(cast, login, viewer, params, expected):
    if params == "department":
        params = {"department": cast.education.pk}
    a_round(cast, 2023, 3)
    client = login(cast.fresh(viewer))
    small = count(client, reverse("capability:results"), params)
    a_round(cast, 2024, 8)
    a_round(cast, 2025, 12)
    large = count(client, reverse("capability:results"), params)
    assert small[0] == large[0] == expected, large[1]


# The answer form: the request (2, the employee holds no role); the round; its statements with
# dimensions; the person's saved answers: 5, whether they have answered or not, however many answered.
def test_answer_form(cast, login):
    round = open_round(cast)
    employee = cast.fresh("employee")
    client = login(employee)
    url = reverse("capability:answer", args=[round.pk])
    small = count(client, url)
    answer(employee, round, 3)
    for person in people(cast.school, 10):
        answer(person, round, 4)
    large = count(client, url)
    assert small[0] == large[0] == 5, large[1]
