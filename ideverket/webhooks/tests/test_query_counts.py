"""Query budgets: the webhook list and the delivery log cost the same with more data.

Every page pays for "the request": session; user; role assignments (3); the unread badge asks
nothing when nothing is unread (a stored count on the person's row).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.webhooks.actions import do_create_endpoint, log_attempt
from ideverket.webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def count(client, url):
    client.get(url)  # warm-up: content types and other process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def endpoint_with_log(cast, n, department=None):
    endpoint = do_create_endpoint(
        cast.admin,
        name=f"Mottagare {n}",
        url="https://diarium.testkommun.se/hook",
        events=["idea.decided"],
        department=department,
    )
    for i in range(n):
        delivery = Delivery.objects.create(
            endpoint=endpoint, event="idea.decided", payload={"data": {"i": i}}
        )
        log_attempt(
            delivery,
            started_at=timezone.now() - datetime.timedelta(minutes=i),
            http_status=500 if i % 2 else 204,
            error="HTTP 500 Internal Server Error" if i % 2 else "",
            duration_ms=40 + i,
        )
    return endpoint


# The list: the request (3); the endpoints with their department and delivery counts (1): 4.
def test_list(cast, login):
    endpoint_with_log(cast, 1)
    client = login(cast.fresh("admin"))
    small = count(client, reverse("webhooks:list"))
    endpoint_with_log(cast, 5, department=cast.education)
    endpoint_with_log(cast, 3, department=cast.social)
    large = count(client, reverse("webhooks:list"))
    assert small[0] == large[0] == 4, large[1]


# The log: the request (3); the endpoint with its department (1); the attempts' count for the
# pager and one page of attempts with their deliveries (2); the waiting deliveries (1): 7.
def test_log(cast, login):
    few = endpoint_with_log(cast, 2, department=cast.education)
    many = endpoint_with_log(cast, 12, department=cast.education)
    client = login(cast.fresh("coordinator"))
    small = count(client, reverse("webhooks:log", args=[few.pk]))
    large = count(client, reverse("webhooks:log", args=[many.pk]))
    assert small[0] == large[0] == 7, large[1]
