"""Training in innovation management: courses, their sessions, and who signed up.

A Course is what the coordinator offers ("Innovationsledning för chefer"), meant for a target
group. A Session is one occasion of it, with a capacity. An Enrollment is one person's sign-up
to a session: confirmed while there are seats, on the waiting list (in sign-up order) when it
is full, or cancelled. After the session the organiser marks who attended and who completed;
completions are what the coverage report counts. A CalendarFeed is the secret token that lets a
calendar app subscribe to a person's confirmed sessions without logging in.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.org.models import RoleAssignment


def now():
    """The current time, looked up at each call (so the demo's frozen clock applies)."""
    return timezone.now()


class Audience(models.TextChoices):
    """Who a course is meant for; coverage counts this group in each department."""

    EVERYONE = "everyone", _("Alla medarbetare")
    MANAGERS = "managers", _("Chefer")
    INNOVATION_LEADS = "innovation_leads", _("Innovationsledare")
    INSPIRERS = "inspirers", _("Idéinspiratörer")

    @classmethod
    def role_of(cls, audience):
        """The role that makes someone part of `audience`, or None for everyone."""
        return {
            cls.MANAGERS: RoleAssignment.Role.MANAGER,
            cls.INNOVATION_LEADS: RoleAssignment.Role.INNOVATION_LEAD,
            cls.INSPIRERS: RoleAssignment.Role.INSPIRER,
        }.get(audience)


class CourseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published courses to everyone; unpublished ones to the coordinator and to the
        organisers of their sessions."""
        if user.is_authenticated and user.is_coordinator:
            return self
        organised = Session.objects.filter(organiser_id=user.pk).values("course_id")
        return self.filter(Q(is_published=True) | Q(pk__in=organised))


class Course(models.Model):
    """A course in innovation management that the coordinator offers."""

    title = models.CharField(_("namn"), max_length=200)
    description = models.TextField(_("beskrivning"), max_length=5000)
    audience = models.CharField(
        _("målgrupp"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    is_published = models.BooleanField(_("publicerad"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("utbildning")
        verbose_name_plural = _("utbildningar")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course", args=[self.pk])


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sessions of courses the user may see; an organiser always sees their own."""
        if user.is_authenticated and user.is_coordinator:
            return self
        return self.filter(Q(course__is_published=True) | Q(organiser_id=user.pk))

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def with_counts(self):
        """`confirmed_count` and `waiting_count` on each session, in the same query."""
        return self.annotate(
            confirmed_count=Count(
                "enrollments", filter=Q(enrollments__status=Enrollment.Status.CONFIRMED)
            ),
            waiting_count=Count(
                "enrollments", filter=Q(enrollments__status=Enrollment.Status.WAITING)
            ),
        )


class Session(models.Model):
    """One occasion of a course: when, where, how many seats, and who runs it."""

    course = models.ForeignKey(
        Course, verbose_name=_("utbildning"), on_delete=models.PROTECT, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"))
    place = models.CharField(_("plats"), max_length=200, blank=True, default="")
    online_url = models.URLField(
        _("länk till distansmötet"), max_length=500, blank=True, default=""
    )
    capacity = models.PositiveSmallIntegerField(_("antal platser"))
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kursansvarig"),
        on_delete=models.PROTECT,
        related_name="organised_sessions",
    )
    is_cancelled = models.BooleanField(_("inställt"), default=False)
    cancelled_reason = models.CharField(_("skäl"), max_length=500, blank=True, default="")
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="training_session_ends_after"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_session_seats"),
            models.CheckConstraint(
                condition=~Q(place="", online_url=""), name="training_session_has_a_place"
            ),
        ]
        indexes = [
            # the course list: upcoming sessions in time order.
            models.Index(fields=["ends_at", "starts_at"], name="training_session_upcoming"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:session", args=[self.pk])

    @property
    def title(self):
        """The course and the day, as a notification or a calendar reads it."""
        local = timezone.localtime(self.starts_at)
        return f"{self.course.title}, {local:%Y-%m-%d %H:%M}"

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def open_for_sign_up(self, now=None):
        return not self.is_cancelled and not self.has_started(now) and self.course.is_published


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Enrollment.ACTIVE)

    def confirmed(self):
        return self.filter(status=Enrollment.Status.CONFIRMED)

    def waiting(self):
        """The waiting list, first in line first."""
        return self.filter(status=Enrollment.Status.WAITING).order_by("signed_up_at", "pk")


class Enrollment(models.Model):
    """One person's sign-up to a session, and afterwards whether they attended and completed."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Anmäld")
        WAITING = "waiting", _("På väntelistan")
        CANCELLED = "cancelled", _("Avanmäld")

    ACTIVE = (Status.CONFIRMED, Status.WAITING)

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="enrollments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    signed_up_at = models.DateTimeField(default=now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("deltog"), default=False)
    completed = models.BooleanField(_("genomförd"), default=False)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")
        ordering = ["signed_up_at", "pk"]
        constraints = [
            # One active sign-up per person and session: a double click or two tabs never
            # take two seats.
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=["confirmed", "waiting"]),
                name="training_one_active_enrollment",
            ),
            models.CheckConstraint(
                condition=Q(completed=False) | Q(attended=True),
                name="training_completed_means_attended",
            ),
        ]
        indexes = [
            # seat counts and the waiting list of a session.
            models.Index(fields=["session", "status", "signed_up_at"], name="training_enr_queue"),
            # coverage: completions per person.
            models.Index(fields=["person", "completed"], name="training_enr_completed"),
        ]

    def __str__(self):
        return f"{self.person_id}@{self.session_id}:{self.status}"

    def get_absolute_url(self):
        return reverse("training:session", args=[self.session_id])

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING


def new_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar address: whoever has the token reads their sessions."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = _("kalenderprenumeration")
        verbose_name_plural = _("kalenderprenumerationer")

    def __str__(self):
        return f"{self.person_id}"
