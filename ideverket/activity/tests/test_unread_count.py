"""The stored unread count: kept by the actions, never overwritten by a save, and what lets the
menu's badge ask no query for someone with nothing unread."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.activity.actions import do_mark_notifications_read, recount_unread
from ideverket.activity.models import Notification
from ideverket.org.models import User

from .helpers import an_idea, notify

pytestmark = pytest.mark.django_db


def stored(person):
    return User.objects.values_list("unread_notification_count", flat=True).get(pk=person.pk)


def test_each_notification_adds_one_and_the_actor_gets_none(cast):
    idea = an_idea(cast)
    before = stored(cast.employee)
    notify(cast.lead, idea, cast.employee, cast.colleague, cast.lead)
    notify(cast.lead, idea, cast.employee)
    assert stored(cast.employee) == before + 2
    assert stored(cast.lead) == Notification.objects.filter(recipient=cast.lead).count()


def test_reading_some_or_all_recounts(cast):
    idea = an_idea(cast)
    do_mark_notifications_read(cast.employee)
    first = notify(cast.lead, idea, cast.employee)
    notify(cast.lead, idea, cast.employee)
    assert stored(cast.employee) == 2
    one = Notification.objects.get(recipient=cast.employee, event=first)
    assert do_mark_notifications_read(cast.employee, [one.pk]) == 1
    assert stored(cast.employee) == 1
    assert do_mark_notifications_read(cast.employee) == 1
    assert stored(cast.employee) == 0


def test_a_save_of_an_earlier_copy_keeps_the_count(cast):
    earlier = User.objects.get(pk=cast.employee.pk)
    notify(cast.lead, an_idea(cast), cast.employee)
    count = stored(cast.employee)
    earlier.title = "Handläggare"
    earlier.save()
    assert stored(cast.employee) == count
    assert User.objects.get(pk=cast.employee.pk).title == "Handläggare"


def test_recount_repairs_a_wrong_count(cast):
    notify(cast.lead, an_idea(cast), cast.employee)
    User.objects.filter(pk=cast.employee.pk).update(unread_notification_count=0)
    recount_unread()
    assert (
        stored(cast.employee)
        == Notification.objects.filter(recipient=cast.employee, read_at__isnull=True).count()
    )


def badge_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("guidance:accessibility"))
    assert response.status_code == 200
    notification_queries = [q for q in queries if "activity_notification" in q["sql"]]
    return response.content.decode(), notification_queries


def test_badge_asks_nothing_when_nothing_is_unread_and_counts_when_something_is(cast, login):
    do_mark_notifications_read(cast.employee)
    client = login(cast.fresh("employee"))
    html, queries = badge_queries(client)
    assert queries == []
    assert 'class="badge"' not in html

    notify(cast.lead, an_idea(cast), cast.employee)
    html, queries = badge_queries(client)
    assert len(queries) == 1
    assert '<span class="badge">1<span class="visually-hidden">' in html

    do_mark_notifications_read(cast.employee)
    html, queries = badge_queries(client)
    assert queries == []
    assert 'class="badge"' not in html


def test_mark_read_view_clears_the_badge(cast, login):
    notify(cast.lead, an_idea(cast), cast.employee)
    client = login(cast.fresh("employee"))
    response = client.post(reverse("activity:mark_read"), {"all": "1"}, follow=True)
    assert response.status_code == 200
    assert 'class="badge"' not in response.content.decode()
    assert stored(cast.employee) == 0
