"""Query budgets: the e-mail settings page and the unsubscribe page cost the same with more
people, more choices and more notifications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.activity.email import unsubscribe_token

from .helpers import Frequency, an_idea, choose, notify

pytestmark = pytest.mark.django_db


def count(client, url):
    client.get(url)  # warm-up: content types and other process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def more_data(cast, n):
    idea = an_idea(cast, title=f"Idé {n}")
    for person in (cast.colleague, cast.inspirer, cast.manager):
        choose(person, [Frequency.IMMEDIATE, Frequency.NONE, Frequency.DAILY][n % 3])
    for _ in range(n):
        notify(cast.lead, idea, cast.employee, cast.colleague)


# Session; user with their unit (and whether they hold a role: the employee holds none, so no
# query for their roles); the person's choice; the unread badge: its notifications and one query
# per kind of subject (ideas here): 5, with 1 or 10 unread.
def test_email_settings_page(cast, login):
    client = login(cast.fresh("employee"))
    url = reverse("activity:email_settings")
    more_data(cast, 1)
    small = count(client, url)
    more_data(cast, 10)
    choose(cast.employee, Frequency.IMMEDIATE)
    large = count(client, url)
    assert small[0] == large[0] == 5, large[1]


# Anonymous: the person named by the token (1) and their choice (1); no session or badge.
def test_unsubscribe_page(cast, client):
    url = reverse("activity:unsubscribe", args=[unsubscribe_token(cast.employee)])
    more_data(cast, 1)
    small = count(client, url)
    more_data(cast, 10)
    large = count(client, url)
    assert small[0] == large[0] == 2, large[1]
