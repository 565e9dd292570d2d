"""Sending a delivery: claim it, POST it, log the attempt. Run by the task and by the command."""

import datetime

from django.db.models import Q
from django.utils import timezone

from . import sending
from .actions import cancel_delivery, log_attempt
from .models import Delivery

# A delivery claimed longer ago than this lost its worker (a crash, a restart): send it again.
STALE_CLAIM = datetime.timedelta(minutes=10)


def attempt(delivery_id):
    """Make the next attempt of a due, waiting delivery; returns the Attempt or None."""
    now = timezone.now()
    claimed = (
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=Delivery.Status.SENDING, claimed_at=now)
    )
    if not claimed:  # already sent, not due yet, or another worker has it
        return None
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    if not delivery.endpoint.is_active:
        cancel_delivery(delivery)
        return None
    result = sending.post(delivery)
    return log_attempt(
        delivery,
        started_at=now,
        http_status=result.http_status,
        error=result.error,
        duration_ms=result.duration_ms,
    )


def due_ids(now=None):
    """Deliveries whose next attempt is due, oldest first (and any with a stale claim)."""
    now = now or timezone.now()
    Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=Delivery.Status.PENDING, claimed_at=None, next_attempt_at=now)
    return list(
        Delivery.objects.filter(status=Delivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )


def retry_due():
    """Attempt every due delivery now; returns how many were attempted."""
    done = 0
    for delivery_id in due_ids():
        if attempt(delivery_id) is not None:
            done += 1
    return done
