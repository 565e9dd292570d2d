"""The municipality's goal model (mål- och verksamhetsstyrning): periods, the goal tree, its
indicators with values, and the links from challenges, ideas, trials and projects to goals.

Goals belong to one period (a year), as goal systems such as Stratsys and Hypergene export them:
council goals (kommunfullmäktige) at the top, committee goals (nämnd) below them and department
goals (förvaltning) below those. `reference` is the goal system's own id, unique within a period,
so importing the same file twice changes nothing.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ideverket.lib.text import search_key

VALUE_DIGITS = {"max_digits": 14, "decimal_places": 2}


class PeriodQuerySet(models.QuerySet):
    def containing(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class Period(models.Model):
    """A follow-up period of the goal model, normally a calendar year."""

    name = models.CharField(_("namn"), max_length=50, unique=True)
    starts_on = models.DateField(_("från och med"))
    ends_on = models.DateField(_("till och med"))

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("perioder")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="period_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_year(cls, year):
        """The calendar-year period `year`, created when missing."""
        period, _created = cls.objects.get_or_create(
            name=str(year),
            defaults={
                "starts_on": datetime.date(year, 1, 1),
                "ends_on": datetime.date(year, 12, 31),
            },
        )
        return period


class GoalQuerySet(models.QuerySet):
    def tree_order(self):
        return self.order_by("path")

    def subtree_of(self, goal):
        return self.filter(period_id=goal.period_id, path__startswith=goal.path)

    def active(self):
        return self.filter(is_active=True)

    def in_department(self, department):
        """Goals owned by `department` or a unit within it."""
        return self.filter(owner_unit__path__startswith=department.path)


class Goal(models.Model):
    """A goal in one period's goal tree (council → committee → department goals)."""

    class Level(models.TextChoices):
        COUNCIL = "council", _("Kommunfullmäktiges mål")
        COMMITTEE = "committee", _("Nämndmål")
        DEPARTMENT = "department", _("Förvaltningsmål")

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="goals"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnat mål"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("nivå"), max_length=20, choices=Level.choices)
    # The goal system's own id, unique within the period: what makes imports idempotent.
    reference = models.CharField(_("referens"), max_length=50)
    title = models.CharField(_("mål"), max_length=300)
    description = models.TextField(_("beskrivning"), max_length=5000, blank=True, default="")
    # The unit that owns the goal: the municipality for council goals, else a department/unit.
    owner_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("ansvarig enhet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="goals",
    )
    committee = models.CharField(_("nämnd"), max_length=200, blank=True, default="")
    # Materialised path of ids within the period ("/12/40/"): subtree = one prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_active = models.BooleanField(_("aktivt"), default=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("mål")
        verbose_name_plural = _("mål")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "reference"], name="goal_unique_reference_in_period"
            ),
        ]
        indexes = [
            # The goal tree of one period, in tree order.
            models.Index(fields=["period", "path"], name="goal_period_path"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:detail", args=[self.pk])

    @property
    def ancestor_ids(self):
        return [int(part) for part in self.path.strip("/").split("/") if part]

    def refresh_search_text(self):
        self.search_text = search_key(f"{self.reference} {self.title} {self.description}")

    def rebuild_path(self):
        """Recompute path and depth of this goal and its subtree; returns rows changed."""
        old_path = self.path
        parent_path = self.parent.path if self.parent_id else "/"
        self.path = f"{parent_path}{self.pk}/"
        self.depth = self.path.count("/") - 2
        self.save(update_fields=["path", "depth"])
        changed = 1
        if old_path and old_path != self.path:
            below = list(Goal.objects.filter(path__startswith=old_path).exclude(pk=self.pk))
            for goal in below:
                goal.path = self.path + goal.path[len(old_path) :]
                goal.depth = goal.path.count("/") - 2
            Goal.objects.bulk_update(below, ["path", "depth"], batch_size=500)
            changed += len(below)
        return changed


class IndicatorQuerySet(models.QuerySet):
    def with_history(self):
        """The indicators as a list, each with `history` (its values, oldest first) and
        `latest_value`, read in one query: a row per value (one without, when none), left-joined
        and grouped here instead of a second query for the values."""
        rows = self.annotate(
            value_pk=models.F("values__pk"),
            value_on=models.F("values__measured_on"),
            value_value=models.F("values__value"),
            value_note=models.F("values__note"),
        ).order_by("goal", "reference", "pk", "values__measured_on", "values__pk")
        indicators = {}
        for row in rows:
            indicator = indicators.setdefault(row.pk, row)
            indicator.__dict__.setdefault("history", [])
            if row.value_pk is not None:
                indicator.history.append(
                    IndicatorValue(
                        pk=row.value_pk,
                        indicator_id=row.pk,
                        measured_on=row.value_on,
                        value=row.value_value,
                        note=row.value_note,
                    )
                )
        for indicator in indicators.values():
            latest = indicator.history[-1] if indicator.history else None
            indicator.latest_value = latest.value if latest else None
            indicator.latest_on = latest.measured_on if latest else None
        return list(indicators.values())

    def with_latest(self):
        """Annotate the latest value and its date (correlated subqueries, no query per row)."""
        latest = IndicatorValue.objects.filter(indicator=models.OuterRef("pk")).order_by(
            "-measured_on", "-pk"
        )
        return self.annotate(
            latest_value=models.Subquery(
                latest.values("value")[:1], output_field=models.DecimalField(**VALUE_DIGITS)
            ),
            latest_on=models.Subquery(latest.values("measured_on")[:1]),
        )


class Indicator(models.Model):
    """A measurable indicator of a goal, with its target for the goal's period."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Högre är bättre")
        DECREASE = "decrease", _("Lägre är bättre")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    # The goal system's id of the indicator, unique within its goal (idempotent imports).
    reference = models.CharField(_("referens"), max_length=50)
    name = models.CharField(_("indikator"), max_length=300)
    unit_of_measure = models.CharField(_("enhet"), max_length=50, blank=True, default="")
    direction = models.CharField(
        _("riktning"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline = models.DecimalField(_("utgångsläge"), null=True, blank=True, **VALUE_DIGITS)
    target = models.DecimalField(_("målvärde"), null=True, blank=True, **VALUE_DIGITS)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["goal", "reference", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "reference"], name="indicator_unique_reference_in_goal"
            ),
        ]

    def __str__(self):
        return self.name


class IndicatorValue(models.Model):
    """A value of an indicator at a follow-up (tertial, delår, year end); the latest counts."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    measured_on = models.DateField(_("mätdatum"))
    value = models.DecimalField(_("värde"), **VALUE_DIGITS)
    note = models.CharField(_("kommentar"), max_length=500, blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indikatorvärde")
        verbose_name_plural = _("indikatorvärden")
        ordering = ["-measured_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="indicator_value_once_per_day"
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id}: {self.value} ({self.measured_on})"


class GoalLinkQuerySet(models.QuerySet):
    def for_subject(self, subject):
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )


class GoalLink(models.Model):
    """A challenge, idea, trial or project contributing to a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="links")
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = GoalLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("koppling till mål")
        verbose_name_plural = _("kopplingar till mål")
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "subject_type", "subject_id"], name="goal_link_once"
            ),
        ]
        indexes = [
            # for_subject(): the goals panel on an item's page.
            models.Index(fields=["subject_type", "subject_id"], name="goal_link_subject"),
        ]

    def __str__(self):
        return f"{self.goal_id} ← {self.subject_type_id}:{self.subject_id}"


class GoalImport(models.Model):
    """An uploaded goal file (CSV/XLSX), kept between its preview and its confirmation.

    The confirmation applies exactly the bytes that were previewed: the content is stored here
    with its sha256, and the plan is computed again from it inside the applying transaction.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Förhandsgranskad")
        APPLIED = "applied", _("Genomförd")

    filename = models.CharField(_("filnamn"), max_length=255)
    content = models.BinaryField(_("innehåll"))
    sha256 = models.CharField(max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED
    )
    # What the preview promised ({"goals": {"create": n, ...}, ...}); confirm must match it.
    summary = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("målimport")
        verbose_name_plural = _("målimporter")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("goals:import_preview", args=[self.pk])
