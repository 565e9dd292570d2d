"""Trials (tests, pilots) started by an idea's test decision, their criteria and updates."""

from django.conf import settings
from django.db import models
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ideverket.ideas.models import visibility_q


class TrialQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A trial is seen by whoever sees its idea, and by its own owner (who may sit in a
        receiving unit outside a restricted idea's circle)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        # The idea's visibility on the joined idea row, neither idea IN (every visible idea),
        # which SQLite listed first, nor a correlated EXISTS per row, which took PostgreSQL
        # 0.2 s over a department's trials at 100,000 ideas.
        return self.filter(visibility_q(user, "idea__") | Q(owner=user))

    def open(self):
        return self.exclude(status=Trial.Status.EVALUATED)

    def flagged(self):
        """Open trials whose owner has left or whose committed period has run out."""
        return self.filter(flag_condition())

    def with_flag(self):
        """Annotate `is_flagged` (the same condition as flagged(), no extra query)."""
        return self.annotate(is_flagged=ExpressionWrapper(flag_condition(), BooleanField()))

    def with_criteria_counts(self):
        """Annotate `criteria_total` and `criteria_met` as subqueries (no GROUP BY, no N+1)."""
        return self.annotate(
            criteria_total=_criteria_count(),
            criteria_met=_criteria_count(result=Criterion.Result.MET),
        )

    def for_list(self):
        return (
            self.select_related(
                "idea__owner_unit",
                "owner",
                "decision__commitment__receiving_unit",
            )
            .with_flag()
            .with_criteria_counts()
        )


def _criteria_count(**filters):
    counted = (
        Criterion.objects.filter(trial=OuterRef("pk"), **filters)
        .order_by()
        .values("trial")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def flag_condition():
    """Open, and the owner is no longer active or the period committed has ended."""
    today = timezone.localdate()
    return Q(status__in=[Trial.Status.PLANNED, Trial.Status.RUNNING]) & (
        Q(owner__is_active=False) | Q(ends_on__lt=today)
    )


class Trial(models.Model):
    """A test or pilot of an idea, started by a test decision that passed the resource gate."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planeras")
        RUNNING = "running", _("Pågår")
        EVALUATED = "evaluated", _("Utvärderat")

    idea = models.ForeignKey(
        "ideas.Idea", verbose_name=_("idé"), on_delete=models.CASCADE, related_name="trials"
    )
    decision = models.OneToOneField(
        "ideas.Decision",
        verbose_name=_("beslut"),
        on_delete=models.CASCADE,
        related_name="trial",
    )
    # Copied from the commitment when the trial starts; a decider can hand it to someone else.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig"),
        on_delete=models.PROTECT,
        related_name="owned_trials",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    hypothesis = models.TextField(_("hypotes"), max_length=5000, blank=True, default="")
    plan = models.TextField(_("plan"), max_length=5000, blank=True, default="")
    participants = models.TextField(_("deltagare"), max_length=3000, blank=True, default="")
    starts_on = models.DateField(_("startar"), null=True, blank=True)
    ends_on = models.DateField(_("slutar"), null=True, blank=True)
    summary = models.TextField(_("sammanfattning"), max_length=5000, blank=True, default="")
    # What was learned, kept on the evaluation itself (and recorded as a lesson where that app
    # is installed).
    lessons = models.TextField(_("lärdomar"), max_length=5000, blank=True, default="")
    evaluated_at = models.DateTimeField(_("utvärderat"), null=True, blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utvärderat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrialQuerySet.as_manager()

    class Meta:
        verbose_name = _("test")
        verbose_name_plural = _("tester")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="trial_ends_after_start",
            ),
        ]
        indexes = [
            # flagged(): open trials whose period has ended.
            models.Index(fields=["status", "ends_on"], name="trial_status_ends"),
            # The department overview's open trials, ending first (departments.overview.
            # open_trials): walked in order until the department's first few are found.
            models.Index(
                fields=["ends_on", "id"],
                condition=~Q(status="evaluated"),
                name="trial_open_ending",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trials:detail", args=[self.pk])

    @property
    def title(self):
        return gettext("Test: %(title)s") % {"title": self.idea.title}

    @property
    def is_open(self):
        return self.status != self.Status.EVALUATED

    @property
    def is_overdue(self):
        return self.is_open and self.ends_on is not None and self.ends_on < timezone.localdate()


class Criterion(models.Model):
    """One success criterion of a trial, and how the trial did against it."""

    class Result(models.TextChoices):
        MET = "met", _("Uppfyllt")
        PARTLY = "partly", _("Delvis uppfyllt")
        NOT_MET = "not_met", _("Inte uppfyllt")
        __empty__ = _("Inte bedömt")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="criteria")
    text = models.CharField(_("kriterium"), max_length=1000)
    position = models.PositiveSmallIntegerField(default=0)
    result = models.CharField(
        _("resultat"), max_length=10, choices=Result.choices, blank=True, default=""
    )
    result_note = models.TextField(_("kommentar"), max_length=2000, blank=True, default="")

    class Meta:
        verbose_name = _("framgångskriterium")
        verbose_name_plural = _("framgångskriterier")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["trial", "position"], name="criterion_position"),
        ]

    def __str__(self):
        return self.text

    @property
    def result_key(self):
        """The name of this criterion's result field, in the evaluation form and its errors."""
        return f"result_{self.pk}"

    @property
    def note_key(self):
        return f"note_{self.pk}"


class TrialUpdate(models.Model):
    """A status update while a trial runs: how it goes, in a colour and a few words."""

    class Health(models.TextChoices):
        GREEN = "green", _("Grönt – enligt plan")
        YELLOW = "yellow", _("Gult – vissa problem")
        RED = "red", _("Rött – behöver hjälp")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skriven av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("lägesrapport"), max_length=3000)
    health = models.CharField(_("läge"), max_length=10, choices=Health.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lägesrapport")
        verbose_name_plural = _("lägesrapporter")
        ordering = ["-created_at", "-pk"]
        # The trial page lists a trial's updates, newest first.
        indexes = [models.Index(fields=["trial", "created_at"], name="trialupdate_trial")]

    def __str__(self):
        return f"{self.get_health_display()}: {self.text[:40]}"
