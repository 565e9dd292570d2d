"""The one timeline: every change to an item is an Event; followers get Notifications."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventQuerySet(models.QuerySet):
    def for_subject(self, subject):
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )

    def timeline(self):
        return self.select_related("actor", "subject_type").order_by("created_at", "pk")


class Event(models.Model):
    """Something someone did to an item: who, when, what (append-only)."""

    class Verb(models.TextChoices):
        CREATED = "created", _("skapade")
        SUBMITTED = "submitted", _("skickade in")
        EDITED = "edited", _("ändrade")
        DECIDED = "decided", _("beslutade")
        COMMENTED = "commented", _("kommenterade")
        SUPPORTED = "supported", _("stöttade")
        UNSUPPORTED = "unsupported", _("tog tillbaka sitt stöd")
        HANDLER_SET = "handler_set", _("satte handläggare")
        COACH_SET = "coach_set", _("satte coach")
        MERGED_IN = "merged_in", _("fick en sammanslagen idé")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(max_length=30, choices=Verb.choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    # Small, display-ready facts about the change (outcome, old/new values); never HTML.
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        # timeline(): an item's events in order.
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "created_at"], name="event_subject"),
        ]

    def __str__(self):
        return f"{self.actor} {self.get_verb_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user).select_related("event", "event__actor")

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An event delivered to one person's in-app inbox."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="notifications")
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out by e-mail (at once or in a digest): never twice.
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notis")
        verbose_name_plural = _("notiser")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event"], name="notification_once"),
        ]
        # for_user().unread(): the badge count and the inbox.
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox")]

    def __str__(self):
        return f"{self.recipient}: {self.event}"


class EmailPreference(models.Model):
    """How one person wants e-mail about their notifications (no row: the daily digest)."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Direkt")
        DAILY = "daily", _("Sammanfattning en gång per dag")
        NONE = "none", _("Inga e-postmeddelanden")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_preference",
    )
    frequency = models.CharField(
        _("e-post om notiser"), max_length=20, choices=Frequency.choices, default=Frequency.DAILY
    )
    # When this person's last digest was put together; the next one starts here.
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-postinställning")
        verbose_name_plural = _("e-postinställningar")

    def __str__(self):
        return f"{self.user}: {self.get_frequency_display()}"
