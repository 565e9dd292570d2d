"""Immediate e-mail: queued when the transaction commits, only to those who chose it, only
about what they may still see, never to deactivated accounts, never twice."""

import pytest
from django.conf import settings
from django.db import transaction

from ideverket.activity.email import send_event_emails
from ideverket.activity.models import Notification
from ideverket.org.actions import do_update_user

from .helpers import Frequency, a_restricted_idea, an_idea, choose, notify


@pytest.fixture
def idea(cast):
    return an_idea(cast)


def test_one_email_to_whoever_chose_immediate(
    cast, idea, django_capture_on_commit_callbacks, mailoutbox
):
    choose(cast.colleague, Frequency.IMMEDIATE)
    choose(cast.manager, Frequency.NONE)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(cast.lead, idea, cast.colleague, cast.manager, cast.inspirer)  # inspirer: daily
    assert len(callbacks) == 1
    assert [m.to for m in mailoutbox] == [[cast.colleague.email]]
    message = mailoutbox[0]
    assert message.subject == "Lena Ledare ändrade idén: Digital närvarolista"
    url = f"{settings.SITE_URL}/ideer/{idea.pk}/"
    assert url in message.body
    assert "Hej Cecilia Kollega!" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'<a href="{url}">Digital närvarolista</a>' in html
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(settings.SITE_URL + "/notiser/avregistrera/")
    assert unsubscribe in message.body and unsubscribe in html
    notification = Notification.objects.get(recipient=cast.colleague)
    assert notification.emailed_at is not None
    assert Notification.objects.get(recipient=cast.inspirer).emailed_at is None


def test_no_task_when_nobody_chose_immediate(cast, idea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        notify(cast.lead, idea, cast.colleague, cast.manager)
    assert callbacks == []


def test_the_actor_gets_no_email_about_their_own_change(
    cast, idea, django_capture_on_commit_callbacks, mailoutbox
):
    choose(cast.lead, Frequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(cast.lead, idea, cast.lead)
    assert callbacks == [] and mailoutbox == []


def test_nothing_is_sent_while_the_transaction_is_open(
    cast, idea, django_capture_on_commit_callbacks, mailoutbox
):
    choose(cast.colleague, Frequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(cast.lead, idea, cast.colleague)
        assert mailoutbox == []
    assert len(callbacks) == 1 and mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(cast, mailoutbox):
    idea = an_idea(cast)
    choose(cast.colleague, Frequency.IMMEDIATE)
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(cast.lead, idea, cast.colleague)
        raise RuntimeError("the action fails after recording its event")
    assert mailoutbox == []
    assert not Notification.objects.filter(recipient=cast.colleague).exists()
    # The same change committed is sent (the immediate task backend runs it at once).
    with transaction.atomic():
        notify(cast.lead, idea, cast.colleague)
    assert [m.to for m in mailoutbox] == [[cast.colleague.email]]


def test_no_email_about_what_the_recipient_may_not_see(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    idea = a_restricted_idea(cast)
    choose(cast.colleague, Frequency.IMMEDIATE)  # in Skola Norr: may see it
    choose(cast.outsider, Frequency.IMMEDIATE)  # in another department: may not
    with django_capture_on_commit_callbacks(execute=True):
        notify(cast.lead, idea, cast.colleague, cast.outsider)
    assert [m.to for m in mailoutbox] == [[cast.colleague.email]]
    assert Notification.objects.get(recipient=cast.outsider).emailed_at is None


def test_a_deactivated_account_gets_no_email(
    cast, idea, django_capture_on_commit_callbacks, mailoutbox
):
    choose(cast.colleague, Frequency.IMMEDIATE)
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
    with django_capture_on_commit_callbacks(execute=True):
        notify(cast.lead, idea, colleague)
    assert mailoutbox == []


def test_sent_once_even_if_the_task_runs_twice(cast, idea, mailoutbox):
    choose(cast.colleague, Frequency.IMMEDIATE)
    event = notify(cast.lead, idea, cast.colleague)
    assert send_event_emails(event.pk) == 1
    assert send_event_emails(event.pk) == 0
    assert len(mailoutbox) == 1


def test_a_read_notification_is_not_emailed(cast, idea, mailoutbox):
    choose(cast.colleague, Frequency.IMMEDIATE)
    event = notify(cast.lead, idea, cast.colleague)
    Notification.objects.filter(event=event).update(read_at=event.created_at)
    assert send_event_emails(event.pk) == 0
    assert send_event_emails(10**9) == 0  # an event that is gone: nothing, no error
