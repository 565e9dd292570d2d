"""Each department's own innovation work: its settings for incoming ideas and its innovation
plan per period.

A department (förvaltning) is a `Unit` of kind department. Its settings say who assesses the
ideas submitted to it, who handles them when nobody has been named, and how long an idea may
wait in each stage before it is "waiting too long" (blank: the municipality's default in
`settings.IDEVERKET["STAGE_LIMITS_DAYS"]`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ideverket.ideas.process import Stage

# The stages a time limit can be set for, in process order.
LIMITED_STAGES = (
    Stage.SUBMITTED,
    Stage.IN_ASSESSMENT,
    Stage.TRIAL,
    Stage.EVALUATED,
    Stage.IMPLEMENTING,
)
MAX_LIMIT_DAYS = 3650  # ten years; anything longer is no limit at all


def limit_field(stage):
    """The DepartmentSettings field holding the time limit of `stage`."""
    return f"{stage}_days"


def _limit(label):
    return models.PositiveSmallIntegerField(
        label,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LIMIT_DAYS)],
    )


class DepartmentSettings(models.Model):
    """A department's rules for incoming ideas: assessors, default handler, time limits."""

    department = models.OneToOneField(
        "org.Unit",
        verbose_name=_("förvaltning"),
        on_delete=models.CASCADE,
        related_name="innovation_settings",
    )
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bedömare"),
        blank=True,
        related_name="assessed_departments",
    )
    default_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare som standard"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_days = _limit(_("dagar som inskickad"))
    in_assessment_days = _limit(_("dagar under bedömning"))
    trial_days = _limit(_("dagar i test"))
    evaluated_days = _limit(_("dagar som utvärderad"))
    implementing_days = _limit(_("dagar i införande"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("förvaltningens inställningar")
        verbose_name_plural = _("förvaltningarnas inställningar")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{limit_field(stage)}__isnull": True})
                | Q(**{f"{limit_field(stage)}__range": (1, MAX_LIMIT_DAYS)}),
                name=f"department_{stage}_limit_range",
            )
            for stage in LIMITED_STAGES
        ]

    def __str__(self):
        return str(self.department)

    def limits(self):
        """{stage: days} of the limits this department has set itself."""
        return {
            stage: getattr(self, limit_field(stage))
            for stage in LIMITED_STAGES
            if getattr(self, limit_field(stage)) is not None
        }


class InnovationPlan(models.Model):
    """A department's innovation plan for one period: focus, what it will do, resources, goals."""

    department = models.ForeignKey(
        "org.Unit",
        verbose_name=_("förvaltning"),
        on_delete=models.CASCADE,
        related_name="innovation_plans",
    )
    period = models.ForeignKey(
        "goals.Period",
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="innovation_plans",
    )
    focus = models.TextField(_("fokus"), max_length=2000)
    activities = models.TextField(_("det här ska vi göra"), max_length=5000, blank=True, default="")
    hours = models.PositiveIntegerField(
        _("avsatta timmar"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    kronor = models.PositiveIntegerField(
        _("avsatta kronor"), null=True, blank=True, validators=[MaxValueValidator(1_000_000_000)]
    )
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("mål som planen bidrar till"), blank=True, related_name="+"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skriven av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("innovationsplan")
        verbose_name_plural = _("innovationsplaner")
        ordering = ["department", "-period__starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "period"], name="innovation_plan_once_per_period"
            ),
        ]

    def __str__(self):
        return f"{self.department} {self.period}"
