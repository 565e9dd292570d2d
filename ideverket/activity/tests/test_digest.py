"""The daily digest: one e-mail per person with what is new, never the same notification
twice, nothing to those who chose otherwise or were deactivated, batched queries."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ideverket.activity import email
from ideverket.activity.email import send_digests
from ideverket.activity.models import EmailPreference, Notification
from ideverket.activity.tasks import send_digests as send_digests_task
from ideverket.org.actions import do_update_user
from ideverket.org.models import User

from .helpers import Frequency, a_restricted_idea, an_idea, choose, notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(cast):
    return an_idea(cast)


def test_one_digest_per_person_with_their_notifications(cast, idea, mailoutbox):
    other = an_idea(cast, title="Gemensam kalender")
    notify(cast.lead, idea, cast.colleague, cast.inspirer)
    notify(cast.manager, other, cast.colleague)
    assert send_digests() == 2
    by_person = {m.to[0]: m for m in mailoutbox}
    assert set(by_person) == {cast.colleague.email, cast.inspirer.email}
    colleague = by_person[cast.colleague.email]
    assert colleague.subject == "Idéverket: 2 nya notiser"
    assert "Lena Ledare ändrade idén: Digital närvarolista" in colleague.body
    assert "Maja Chef ändrade idén: Gemensam kalender" in colleague.body
    assert "Gemensam kalender</a>" in colleague.alternatives[0][0]
    assert "/notiser/avregistrera/" in colleague.extra_headers["List-Unsubscribe"]
    assert by_person[cast.inspirer.email].subject == "Idéverket: 1 ny notis"
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_running_twice_sends_nothing_new(cast, idea, mailoutbox):
    notify(cast.lead, idea, cast.colleague)
    assert send_digests() == 1
    assert send_digests() == 0
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert out.getvalue() == "Skickade 0 sammanfattningar.\n"
    assert len(mailoutbox) == 1
    # Something new after the digest comes in the next one, alone.
    notify(cast.manager, idea, cast.colleague)
    assert send_digests() == 1
    assert mailoutbox[1].subject == "Idéverket: 1 ny notis"


def test_the_task_and_the_command_send_the_same(cast, idea, mailoutbox):
    notify(cast.lead, idea, cast.colleague)
    result = send_digests_task.enqueue()  # the immediate backend in tests
    assert result.return_value == 1
    assert len(mailoutbox) == 1


def test_only_those_who_chose_the_digest(cast, idea, mailoutbox):
    choose(cast.colleague, Frequency.IMMEDIATE)
    choose(cast.inspirer, Frequency.NONE)
    choose(cast.manager, Frequency.DAILY)
    notify(cast.lead, idea, cast.colleague, cast.inspirer, cast.manager, cast.director)
    send_digests()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([cast.manager.email, cast.director.email])


def test_read_and_already_emailed_notifications_are_left_out(cast, idea, mailoutbox):
    first = notify(cast.lead, idea, cast.colleague)
    Notification.objects.filter(event=first).update(read_at=timezone.now())
    second = notify(cast.manager, idea, cast.inspirer)
    Notification.objects.filter(event=second).update(emailed_at=timezone.now())
    assert send_digests() == 0


def test_only_what_the_recipient_may_still_see(cast, mailoutbox):
    restricted = a_restricted_idea(cast)
    notify(cast.lead, restricted, cast.colleague, cast.outsider)
    assert send_digests() == 1
    assert mailoutbox[0].to == [cast.colleague.email]
    # The outsider's digest time moved on, so the hidden notification is not looked at again.
    assert EmailPreference.objects.get(user=cast.outsider).last_digest_at is not None
    assert Notification.objects.get(recipient=cast.outsider).emailed_at is None
    assert send_digests() == 0


def test_a_deactivated_account_gets_no_digest(cast, idea, mailoutbox):
    notify(cast.lead, idea, cast.colleague)
    colleague = cast.colleague
    do_update_user(
        cast.admin,
        colleague,
        name=colleague.name,
        email=colleague.email,
        unit=colleague.unit,
        title=colleague.title,
        is_active=False,
    )
    assert send_digests() == 0


def test_old_notifications_are_not_dug_up(cast, idea, mailoutbox):
    notify(cast.lead, idea, cast.colleague)
    later = timezone.now() + email.DIGEST_WINDOW + datetime.timedelta(hours=1)
    assert send_digests(now=later) == 0


def _people(cast, n, start):
    people = []
    for i in range(start, start + n):
        people.append(
            User.objects.create_user(
                email=f"person{i}@test.example", name=f"Person {i}", unit=cast.school
            )
        )
    return people


def _digest_queries(monkeypatch, cast, people, chunk):
    monkeypatch.setattr(email, "DIGEST_CHUNK", chunk)
    idea = an_idea(cast, title=f"Idé för {len(people)}")
    other = a_restricted_idea(cast)
    notify(cast.lead, idea, *people)
    notify(cast.lead, other, *people)
    with CaptureQueriesContext(connection) as queries:
        sent = send_digests()
    assert sent == len(people)
    return len(queries)


# The people with something pending (1); per chunk: the people and their roles (2; + the roles'
# units when someone has a role), their notifications (1), marking them e-mailed and the digest
# times in a savepoint (4); per person, one visibility query per kind of item (here ideas: 1).
# 2 people: 10.
def test_digest_queries_are_batched(cast, monkeypatch):
    few = _digest_queries(monkeypatch, cast, _people(cast, 2, 0), chunk=2)
    many = _digest_queries(monkeypatch, cast, _people(cast, 8, 100), chunk=8)
    assert few == 10
    assert many == few + 6  # one per extra person: the visibility of the ideas in the digest
    # Two chunks cost the chunk's queries once more.
    more = _digest_queries(monkeypatch, cast, _people(cast, 8, 200), chunk=4)
    assert more == many + 7
