"""Writing the timeline. Called from other apps' actions inside their transactions."""

from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import EmailPreference, Event, Notification
from .rules import can_change_email_preference

User = get_user_model()


def record_event(actor, verb, subject, notify=(), **data):
    """Append an event to `subject`'s timeline and notify `notify` (except the actor).

    If a recipient chose immediate e-mail, a task to e-mail them is queued once the
    transaction commits (nothing is sent if it rolls back).
    """
    event = Event.objects.create(
        actor=actor,
        verb=verb,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        data=data,
    )
    recipients = sorted({user_id for user_id in notify if user_id != getattr(actor, "pk", None)})
    Notification.objects.bulk_create(
        [Notification(recipient_id=user_id, event=event) for user_id in recipients]
    )
    if recipients:
        User.objects.filter(pk__in=recipients).update(
            unread_notification_count=F("unread_notification_count") + 1
        )
    if recipients and _anyone_wants_it_now(recipients):
        from .tasks import send_event_emails  # the task module imports the e-mail machinery

        transaction.on_commit(partial(send_event_emails.enqueue, event.pk))
    return event


def _anyone_wants_it_now(user_ids):
    # Most people keep the daily digest: no task per event unless someone chose "Direkt".
    return EmailPreference.objects.filter(
        user_id__in=user_ids, frequency=EmailPreference.Frequency.IMMEDIATE
    ).exists()


@transaction.atomic
def do_mark_notifications_read(user, notification_ids=None):
    """Mark some (or all) of the user's unread notifications as read; returns how many."""
    # The person's row first: a notification arriving meanwhile adds to the count after this
    # recount (record_event updates the same row), never before it.
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk").first()
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    marked = unread
    if notification_ids is not None:
        marked = unread.filter(pk__in=notification_ids)
    count = marked.update(read_at=timezone.now())
    recount_unread(user_ids=[user.pk])
    return count


def recount_unread(user_ids=None):
    """Set the stored unread count from the notifications themselves (of `user_ids`, or
    everyone's); the demo and the migration use it after writing notifications directly."""
    people = User.objects.all() if user_ids is None else User.objects.filter(pk__in=user_ids)
    people.update(
        unread_notification_count=Coalesce(
            Subquery(
                Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
                .order_by()
                .values("recipient")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        )
    )


@transaction.atomic
def do_set_email_frequency(actor, user, frequency, *, via="settings"):
    """Set how `user` gets e-mail about notifications; only the person themselves may.

    `via` is "settings" (the settings page) or "unsubscribe" (the signed link in an e-mail,
    which proves the person without a login). Returns the preference.
    """
    if not can_change_email_preference(actor, user):
        raise PermissionDenied
    frequency = EmailPreference.Frequency(frequency)
    preference, _created = EmailPreference.objects.select_for_update().get_or_create(user=user)
    if preference.frequency == frequency:
        return preference
    old = preference.frequency
    preference.frequency = frequency
    preference.save(update_fields=["frequency"])
    record_event(
        actor,
        Event.Verb.EDITED,
        preference,
        change="email_frequency",
        old=old,
        new=frequency.value,
        via=via,
    )
    return preference
