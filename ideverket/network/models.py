"""The idea-inspirer network (idéinspiratörsnätverket): profiles, activities and attendance.

Who *is* an inspirer is the org app's business: an INSPIRER role assignment on a unit. A
profile only adds what helps colleagues find and reach them; an inspirer without one still
shows in the network (with "has not written a profile yet"). Network activities (meetings,
workshops, …) are organised by the coordinator for the whole municipality or by an innovation
lead for their department; people sign up, and the organiser marks who attended.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.ideas.process import FINAL_STAGES, Stage
from ideverket.org.models import RoleAssignment, User

# The stages in which an inspirer is coaching an idea: from submission until the idea's journey
# has ended (the same stages in which an inspirer may still take an idea to coach).
COACHED_STAGES = tuple(s for s in Stage.values if s not in FINAL_STAGES and s != Stage.DRAFT)


def inspirers():
    """Active people holding the inspirer role somewhere (distinct)."""
    return User.objects.filter(
        is_active=True,
        pk__in=RoleAssignment.objects.filter(role=RoleAssignment.Role.INSPIRER).values("user_id"),
    )


class InspirerProfile(models.Model):
    """What an inspirer can help with and how to reach them: one per person."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("idéinspiratör"),
        on_delete=models.CASCADE,
        related_name="inspirer_profile",
    )
    help_with = models.TextField(
        _("Det här kan jag hjälpa till med"), max_length=2000, blank=True, default=""
    )
    contact = models.TextField(_("Så når du mig"), max_length=1000, blank=True, default="")
    is_available = models.BooleanField(_("Tar emot nya idéer"), default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("inspiratörsprofil")
        verbose_name_plural = _("inspiratörsprofiler")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("network:profile", args=[self.user_id])

    @property
    def title(self):
        """How a notification names the profile (needs the user loaded)."""
        return _("Inspiratörsprofil: %(name)s") % {"name": self.user.name}


class NetworkActivityQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(starts_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def for_list(self):
        return self.select_related("department").annotate(
            registered_count=models.Count(
                "participations", filter=Q(participations__registered=True)
            ),
            attended_count=models.Count("participations", filter=Q(participations__attended=True)),
        )


class NetworkActivity(models.Model):
    """A meeting, workshop or visit of the inspirer network, at a place and/or online."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Nätverksträff")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webbinarium")
        VISIT = "visit", _("Studiebesök")

    title = models.CharField(_("rubrik"), max_length=150)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=200, blank=True, default="")
    online_link = models.URLField(_("länk för att delta digitalt"), blank=True, default="")
    description = models.TextField(_("beskrivning"), max_length=5000, blank=True, default="")
    # None: for the whole municipality's network (the coordinator's); else one department's.
    department = models.ForeignKey(
        "org.Unit",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="network_activities",
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("arrangör"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="organised_network_activities",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = NetworkActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("nätverksaktivitet")
        verbose_name_plural = _("nätverksaktiviteter")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="network_activity_ends_after_start",
            ),
        ]
        indexes = [
            # the activity list: upcoming and past split on the start time.
            models.Index(fields=["starts_at"], name="network_activity_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:activity", args=[self.pk])

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())


class Participation(models.Model):
    """One person's sign-up for an activity and whether they attended."""

    activity = models.ForeignKey(
        NetworkActivity, on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_participations"
    )
    registered = models.BooleanField(_("anmäld"), default=False)
    registered_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("deltog"), default=False)

    class Meta:
        verbose_name = _("deltagande")
        verbose_name_plural = _("deltaganden")
        constraints = [
            models.UniqueConstraint(fields=["activity", "user"], name="network_participation_once"),
        ]
        indexes = [
            # the overview: attendances per person in the last twelve months.
            models.Index(fields=["user", "attended"], name="network_attended_by_user"),
        ]

    def __str__(self):
        return f"{self.activity_id}:{self.user_id}"
