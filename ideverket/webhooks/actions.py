"""Every change to webhooks: endpoints (audited as Events) and the delivery log.

Endpoint changes are atomic, permission-checked and on the endpoint's timeline. The delivery log
is written by the system (`log_attempt`), not by a person, so it records no Event: one per HTTP
attempt would bury the timeline.
"""

import datetime
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import (
    ERROR_MAX_LENGTH,
    EVENT_NAMES,
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    Attempt,
    Delivery,
    Endpoint,
    new_secret,
)
from .rules import can_manage_webhooks
from .urlcheck import check_url


def _require_manager(user):
    if not can_manage_webhooks(user):
        raise PermissionDenied


def _clean(*, name, url, events, department):
    name = normalize_text(name)
    if not name:
        raise ValidationError({"name": _("Fältet får inte vara tomt.")})
    check_url(url)
    events = sorted(set(events))
    if not events or not set(events) <= EVENT_NAMES:
        raise ValidationError({"events": _("Välj minst en händelse.")})
    if department is not None and department.kind != department.Kind.DEPARTMENT:
        raise ValidationError({"department": _("Välj en förvaltning.")})
    return name, events


@transaction.atomic
def do_create_endpoint(user, *, name, url, events, department=None):
    """A new active endpoint with a fresh secret (the page shows the secret once)."""
    _require_manager(user)
    name, events = _clean(name=name, url=url, events=events, department=department)
    endpoint = Endpoint.objects.create(
        name=name,
        url=url,
        events=events,
        department=department,
        created_by=user,
        secret=new_secret(),
    )
    record_event(
        user,
        Event.Verb.CREATED,
        endpoint,
        name=name,
        url=url[:300],
        events=events,
        department=department.name if department else "",
    )
    return endpoint


@transaction.atomic
def do_edit_endpoint(user, endpoint, *, name, url, events, department=None, is_active=True):
    """Change an endpoint; deliveries already queued keep going to it (to its new URL)."""
    _require_manager(user)
    name, events = _clean(name=name, url=url, events=events, department=department)
    before = {"url": endpoint.url, "is_active": endpoint.is_active}
    endpoint.name = name
    endpoint.url = url
    endpoint.events = events
    endpoint.department = department
    endpoint.is_active = is_active
    endpoint.save()
    record_event(
        user,
        Event.Verb.EDITED,
        endpoint,
        change="endpoint_edited",
        name=name,
        old_url=before["url"][:300],
        url=url[:300],
        events=events,
        department=department.name if department else "",
        was_active=before["is_active"],
        is_active=is_active,
    )
    return endpoint


@transaction.atomic
def do_deactivate_endpoint(user, endpoint):
    """Stop sending: no new deliveries, and waiting retries are stopped when they come due."""
    _require_manager(user)
    if not endpoint.is_active:
        return endpoint
    Endpoint.objects.filter(pk=endpoint.pk).update(is_active=False, updated_at=timezone.now())
    endpoint.is_active = False
    record_event(
        user, Event.Verb.EDITED, endpoint, change="endpoint_deactivated", name=endpoint.name
    )
    return endpoint


@transaction.atomic
def do_regenerate_secret(user, endpoint):
    """A new secret (the old one stops working at once); returns it to be shown once."""
    _require_manager(user)
    endpoint.secret = new_secret()
    Endpoint.objects.filter(pk=endpoint.pk).update(
        secret=endpoint.secret, updated_at=timezone.now()
    )
    record_event(user, Event.Verb.EDITED, endpoint, change="secret_regenerated", name=endpoint.name)
    return endpoint.secret


@transaction.atomic
def do_send_test(user, endpoint):
    """Send a "ping" to an active endpoint now, to try the address and the secret."""
    from .dispatch import queue_ping

    _require_manager(user)
    if not endpoint.is_active:
        raise ValidationError(_("Webhooken är inaktiv. Aktivera den först."))
    delivery = queue_ping(endpoint)
    record_event(user, Event.Verb.EDITED, endpoint, change="test_sent", name=endpoint.name)
    return delivery


def retry_delay(attempt_number):
    """Seconds to wait after failed attempt `attempt_number`, or None when it was the last."""
    if attempt_number >= MAX_ATTEMPTS:
        return None
    return RETRY_DELAYS[attempt_number - 1]


@transaction.atomic
def log_attempt(delivery, *, started_at, http_status, error, duration_ms):
    """Write one attempt to the delivery log and move the delivery on: delivered, retry later
    (exponential back-off) or failed for good after MAX_ATTEMPTS."""
    number = delivery.attempts + 1
    succeeded = http_status is not None and 200 <= http_status < 300
    attempt = Attempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=started_at,
        duration_ms=duration_ms,
        http_status=http_status,
        error="" if succeeded else (error or "")[:ERROR_MAX_LENGTH],
        succeeded=succeeded,
    )
    delivery.attempts = number
    delivery.claimed_at = None
    if succeeded:
        delivery.status = Delivery.Status.DELIVERED
        delivery.next_attempt_at = None
        delivery.finished_at = timezone.now()
    elif (delay := retry_delay(number)) is None:
        delivery.status = Delivery.Status.FAILED
        delivery.next_attempt_at = None
        delivery.finished_at = timezone.now()
    else:
        delivery.status = Delivery.Status.PENDING
        delivery.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
    delivery.save(
        update_fields=["attempts", "claimed_at", "status", "next_attempt_at", "finished_at"]
    )
    if delivery.status == Delivery.Status.PENDING:
        _schedule(delivery)
    return attempt


def _schedule(delivery):
    """Queue the next attempt for its time, when the task backend can wait; otherwise
    `manage.py retry_webhooks` (cron) picks the delivery up when it is due."""
    from .tasks import send_delivery

    backend = send_delivery.get_backend()
    if backend.supports_defer:
        transaction.on_commit(
            partial(send_delivery.using(run_after=delivery.next_attempt_at).enqueue, delivery.pk)
        )


@transaction.atomic
def cancel_delivery(delivery):
    """The endpoint was deactivated before the delivery went out: stop, logged as cancelled."""
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.CANCELLED,
        claimed_at=None,
        next_attempt_at=None,
        finished_at=timezone.now(),
    )
