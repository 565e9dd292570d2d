"""Implementations of decided ideas: owner, plan, milestones, and the handover to the line."""

import math

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import (
    Avg,
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce, Round
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ideverket.ideas.models import visibility_q


def overall_progress(milestones):
    """The implementation's progress in percent: the average of its milestones (0 if none)."""
    milestones = list(milestones)
    if not milestones:
        return 0
    # Halves round up, as SQL's ROUND does in with_progress(), so list and page agree.
    return math.floor(sum(m.progress for m in milestones) / len(milestones) + 0.5)


def flag_condition():
    """Still active, and the owner is no longer active or the committed period has ended."""
    today = timezone.localdate()
    return Q(status=Implementation.Status.ACTIVE) & (
        Q(owner__is_active=False) | Q(ends_on__lt=today)
    )


class ImplementationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Seen by whoever sees the idea, and by the implementation's own owner."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        # The idea's visibility on the joined idea row, neither idea IN (every visible idea),
        # which SQLite listed first, nor a correlated EXISTS per row, which took PostgreSQL
        # 0.2 s over a department's trials at 100,000 ideas.
        return self.filter(visibility_q(user, "idea__") | Q(owner=user))

    def active(self):
        return self.filter(status=Implementation.Status.ACTIVE)

    def flagged(self):
        """Active implementations whose owner has left or whose committed period has run out."""
        return self.filter(flag_condition())

    def with_flag(self):
        return self.annotate(is_flagged=ExpressionWrapper(flag_condition(), BooleanField()))

    def with_progress(self):
        """Annotate `progress` (average of the milestones, whole percent) and
        `milestone_count`, as subqueries: no GROUP BY, no query per row."""
        milestones = Milestone.objects.filter(implementation=OuterRef("pk")).order_by()
        average = milestones.values("implementation").annotate(a=Avg("progress")).values("a")
        count = milestones.values("implementation").annotate(n=Count("pk")).values("n")
        return self.annotate(
            progress=Cast(Coalesce(Round(Subquery(average)), 0.0), IntegerField()),
            milestone_count=Coalesce(Subquery(count), 0),
        )

    def for_list(self):
        return (
            self.select_related(
                "idea__owner_unit",
                "owner",
                "receiving_unit",
                "handover__line_unit",
            )
            .with_flag()
            .with_progress()
        )


class Implementation(models.Model):
    """Putting a decided idea into practice: a named owner, a plan, resources, milestones."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Införs")
        HANDED_OVER = "handed_over", _("Överlämnad till linjen")

    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("idé"),
        on_delete=models.CASCADE,
        related_name="implementations",
    )
    decision = models.OneToOneField(
        "ideas.Decision",
        verbose_name=_("beslut"),
        on_delete=models.CASCADE,
        related_name="implementation",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig"),
        on_delete=models.PROTECT,
        related_name="owned_implementations",
    )
    receiving_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("mottagande enhet"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    plan = models.TextField(_("plan"), max_length=5000)
    starts_on = models.DateField(_("startar"))
    ends_on = models.DateField(_("klart senast"), null=True, blank=True)
    hours = models.PositiveIntegerField(
        _("timmar"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    kronor = models.PositiveIntegerField(
        _("kronor"), null=True, blank=True, validators=[MaxValueValidator(1_000_000_000)]
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImplementationQuerySet.as_manager()

    class Meta:
        verbose_name = _("införande")
        verbose_name_plural = _("införanden")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # "Implementation likewise needs an owner and a plan" (the brief), down to the rows.
            models.CheckConstraint(condition=~Q(plan=""), name="implementation_has_plan"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="implementation_ends_after_start",
            ),
        ]
        indexes = [
            # flagged() and the list's "active / handed over" filter.
            models.Index(fields=["status", "ends_on"], name="implementation_status_ends"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("implementation:detail", args=[self.pk])

    @property
    def title(self):
        return gettext("Införande: %(title)s") % {"title": self.idea.title}

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_overdue(self):
        return self.is_active and self.ends_on is not None and self.ends_on < timezone.localdate()


class Milestone(models.Model):
    """A step of an implementation, with how far it has come in percent."""

    implementation = models.ForeignKey(
        Implementation, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("delmål"), max_length=200)
    due_on = models.DateField(_("klart senast"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(_("hur långt har det kommit (procent)"), default=0)
    done_on = models.DateField(_("klart"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="milestone_progress_percent",
            ),
        ]
        # The implementation page lists its milestones in order.
        indexes = [
            models.Index(fields=["implementation", "position"], name="milestone_implementation")
        ]

    def __str__(self):
        return self.title

    @property
    def is_done(self):
        return self.done_on is not None

    @property
    def is_late(self):
        return not self.is_done and self.due_on is not None and self.due_on < timezone.localdate()


class Handover(models.Model):
    """The handover to the line organisation: who runs it from when, and when to follow up."""

    implementation = models.OneToOneField(
        Implementation, on_delete=models.CASCADE, related_name="handover"
    )
    line_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig i linjen"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    line_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("enhet som driver det"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    runs_from = models.DateField(_("i drift från"))
    note = models.TextField(_("kommentar"), max_length=5000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("överlämnad av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("överlämning")
        verbose_name_plural = _("överlämningar")

    def __str__(self):
        return f"{self.implementation} → {self.line_unit}"


class FollowUp(models.Model):
    """A date when the handed-over result is followed up (effects, whether it still runs)."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("uppföljning"))
    done_on = models.DateField(_("uppföljd"), null=True, blank=True)
    note = models.TextField(_("anteckning"), max_length=3000, blank=True, default="")
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppföljd av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["handover", "due_on"], name="follow_up_once_a_day"),
        ]
        # Follow-ups due and not done, across the municipality.
        indexes = [models.Index(fields=["done_on", "due_on"], name="follow_up_due")]

    def __str__(self):
        return f"{self.due_on:%Y-%m-%d}"

    @property
    def is_overdue(self):
        return self.done_on is None and self.due_on < timezone.localdate()
