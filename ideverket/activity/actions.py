"""Writing the timeline. Called from other apps' actions inside their transactions."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .models import EmailPreference, Event, Notification
from .rules import can_change_email_preference


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
    if recipients and _anyone_wants_it_now(recipients):
        from .tasks import send_event_emails  # the task module imports the e-mail machinery

        transaction.on_commit(partial(send_event_emails.enqueue, event.pk))
    return event


def _anyone_wants_it_now(user_ids):
    # Most people keep the daily digest: no task per event unless someone chose "Direkt".
    return EmailPreference.objects.filter(
        user_id__in=user_ids, frequency=EmailPreference.Frequency.IMMEDIATE
    ).exists()


def do_mark_notifications_read(user, notification_ids=None):
    """Mark some (or all) of the user's unread notifications as read; returns how many."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=notification_ids)
    return queryset.update(read_at=timezone.now())


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
