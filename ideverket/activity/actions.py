"""Writing the timeline. Called from other apps' actions inside their transactions."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from .models import Event, Notification


def record_event(actor, verb, subject, notify=(), **data):
    """Append an event to `subject`'s timeline and notify `notify` (except the actor)."""
    event = Event.objects.create(
        actor=actor,
        verb=verb,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        data=data,
    )
    recipients = {user_id for user_id in notify if user_id != getattr(actor, "pk", None)}
    Notification.objects.bulk_create(
        [Notification(recipient_id=user_id, event=event) for user_id in sorted(recipients)]
    )
    return event


def do_mark_notifications_read(user, notification_ids=None):
    """Mark some (or all) of the user's unread notifications as read; returns how many."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=notification_ids)
    return queryset.update(read_at=timezone.now())
