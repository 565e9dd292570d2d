"""The one entry point for other apps: `queue(event, payload, department_id, restricted=…)`.

Called inside the transaction that made the change; the deliveries are rows of that transaction
and their sending is queued on commit, so nothing is sent if it rolls back.
"""

import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import EVENT_NAMES, PING, Delivery, Endpoint


def queue(event, payload, department_id, *, restricted=False):
    """One Delivery per matching endpoint, sent once the transaction commits.

    `payload` (a JSON-able dict) and `department_id` may be callables: they are only worked out
    when some endpoint is active, so a municipality without webhooks pays one query.
    """
    if event not in EVENT_NAMES:
        raise ValueError(f"Unknown webhook event {event!r}")
    if not Endpoint.objects.filter(is_active=True).exists():
        return []
    if callable(department_id):
        department_id = department_id()
    endpoints = Endpoint.objects.for_event(event, department_id, restricted=restricted)
    if not endpoints:
        return []
    if callable(payload):
        payload = payload()
    now = timezone.now()
    deliveries = []
    for endpoint in endpoints:
        delivery_uuid = uuid.uuid4()
        deliveries.append(
            Delivery(
                endpoint=endpoint,
                uuid=delivery_uuid,
                event=event,
                payload={
                    "event": event,
                    "delivery": str(delivery_uuid),
                    "sent_for": now.isoformat(),
                    "data": payload,
                },
            )
        )
    Delivery.objects.bulk_create(deliveries)
    _send_on_commit(deliveries)
    return deliveries


def _send_on_commit(deliveries):
    from .tasks import send_delivery

    for delivery in Delivery.objects.filter(uuid__in=[d.uuid for d in deliveries]).only("pk"):
        transaction.on_commit(partial(send_delivery.enqueue, delivery.pk))


def queue_ping(endpoint):
    """A "ping" to one endpoint (the *Skicka ett test* button), sent like any delivery."""
    delivery_uuid = uuid.uuid4()
    delivery = Delivery.objects.create(
        endpoint=endpoint,
        uuid=delivery_uuid,
        event=PING,
        payload={
            "event": PING,
            "delivery": str(delivery_uuid),
            "sent_for": timezone.now().isoformat(),
            "data": {"endpoint": endpoint.name},
        },
    )
    _send_on_commit([delivery])
    return delivery
