"""Outgoing webhooks: endpoints a municipality connects, and every delivery and attempt to them.

The webhooks app knows nothing of ideas: other apps hand `dispatch.queue()` a ready payload.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Events an endpoint can subscribe to (what the payload's "event" field says).
EVENT_CHOICES = [
    ("idea.decided", _("Beslut om en idé")),
]
EVENT_NAMES = {name for name, _label in EVENT_CHOICES}
# Sent on demand to one endpoint to try the connection; nobody subscribes to it.
PING = "ping"

# After a failed attempt number n (1-based), wait RETRY_DELAYS[n - 1] seconds before the next.
RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
TIMEOUT_SECONDS = 5
ERROR_MAX_LENGTH = 500


def new_secret():
    return secrets.token_urlsafe(32)


class EndpointQuerySet(models.QuerySet):
    def for_event(self, event, department_id, *, restricted):
        """Active endpoints that take `event` about something in `department_id`.

        An endpoint limited to a department takes only that department's events; a restricted
        item goes only to endpoints limited to its own department, never to municipality-wide
        ones (their receivers are not the owning unit).
        """
        queryset = self.filter(is_active=True)
        if restricted:
            if department_id is None:
                return self.none()
            queryset = queryset.filter(department_id=department_id)
        else:
            queryset = queryset.filter(
                models.Q(department__isnull=True) | models.Q(department_id=department_id)
            )
        # JSON "contains" is not on SQLite: endpoints are few, so filter the list here.
        return [endpoint for endpoint in queryset if event in endpoint.events]


class Endpoint(models.Model):
    """A URL that receives signed POSTs about chosen events."""

    name = models.CharField(_("namn"), max_length=100)
    url = models.URLField(_("adress (URL)"), max_length=500)
    secret = models.CharField(max_length=100, default=new_secret, editable=False)
    is_active = models.BooleanField(_("aktiv"), default=True)
    events = models.JSONField(_("händelser"), default=list)
    department = models.ForeignKey(
        "org.Unit",
        verbose_name=_("bara förvaltningen"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EndpointQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name

    def event_labels(self):
        labels = dict(EVENT_CHOICES)
        return [str(labels.get(name, name)) for name in self.events]


class Delivery(models.Model):
    """One event to send to one endpoint, however many attempts it takes."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar")
        SENDING = "sending", _("Skickas")
        DELIVERED = "delivered", _("Levererad")
        FAILED = "failed", _("Misslyckad")
        CANCELLED = "cancelled", _("Stoppad")

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(max_length=50)
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)  # when a worker began sending
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.event} {self.uuid}"


class Attempt(models.Model):
    """One POST of a delivery: when, how it went, how long it took (the delivery log)."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=ERROR_MAX_LENGTH, blank=True, default="")
    succeeded = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="webhook_attempt_once")
        ]

    def __str__(self):
        return f"{self.delivery_id} #{self.number}"
