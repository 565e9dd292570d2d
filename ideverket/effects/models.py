"""Benefit realisation (nyttohemtagning): the effects expected of an item and what was measured.

An effect belongs to a subject (an idea now; a trial or project later) through a content type
and an id; who may see and add to it comes from the subject's kind (`ideverket.lib.subjects`).
The expected change is target − baseline; the realised change is the latest measurement −
baseline. A missing baseline counts as 0 ("400 hours a year freed" needs no baseline).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.subjects import visible_ids

MAX_DIGITS = 14  # up to 999 999 999 999,99: any municipality's kronor per year, and then some
DECIMAL_PLACES = 2
# Sums of many effects need more room than one value.
SUM_FIELD = DecimalField(max_digits=24, decimal_places=DECIMAL_PLACES)
VALUE_FIELD = DecimalField(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)


class EffectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Effects whose subject `user` may see, decided in the same SQL statement."""
        return self.filter(visible_ids(user))

    def for_subject(self, subject):
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )

    def with_latest(self):
        """Annotate the latest measurement's value, date and note (no query per effect)."""
        latest = Measurement.objects.filter(effect=OuterRef("pk")).order_by("-measured_on", "-pk")
        return self.annotate(
            latest_value=Subquery(latest.values("value")[:1], output_field=VALUE_FIELD),
            latest_on=Subquery(latest.values("measured_on")[:1]),
            latest_note=Subquery(latest.values("note")[:1]),
        )

    def sums_by(self, *group):
        """Expected and realised change summed per `group` (e.g. "department", "kind").

        One grouped query: the latest measurement is a correlated subquery, the sums and counts
        are computed by the database. Quality effects are counted but not summed (their numbers,
        if any, are on different indicators).
        """
        baseline = Coalesce(F("baseline"), Value(0), output_field=VALUE_FIELD)
        summed = ~Q(kind=Effect.Kind.QUALITY)
        return (
            self.with_latest()
            .order_by()
            .values(*group)
            .annotate(
                effect_count=Count("pk"),
                measured_count=Count("pk", filter=Q(latest_on__isnull=False)),
                expected=Sum(F("target") - baseline, filter=summed, output_field=SUM_FIELD),
                realised=Sum(F("latest_value") - baseline, filter=summed, output_field=SUM_FIELD),
            )
        )


class Effect(models.Model):
    """A benefit an item is expected to bring, with its baseline and target."""

    class Kind(models.TextChoices):
        HOURS_PER_YEAR = "hours_per_year", _("Timmar per år")
        KRONOR_PER_YEAR = "kronor_per_year", _("Kronor per år")
        QUALITY = "quality", _("Kvalitet")
        FTE_FREED = "fte_freed", _("Frigjorda årsarbetare")
        MADE_FULL_TIME = "made_full_time", _("Tjänster som blivit heltid")
        TASKS_MOVED = (
            "tasks_moved",
            _("Uppgifter flyttade mellan yrkesgrupper (efter professionsanalys)"),
        )
        LONGER_WORKING_LIFE = "longer_working_life", _("Personer som arbetar längre")

    # What the numbers of each kind count; quality is measured on its own indicator.
    UNIT_OF_MEASURE = {
        Kind.HOURS_PER_YEAR: _("timmar per år"),
        Kind.KRONOR_PER_YEAR: _("kronor per år"),
        Kind.QUALITY: "",
        Kind.FTE_FREED: _("årsarbetare"),
        Kind.MADE_FULL_TIME: _("tjänster"),
        Kind.TASKS_MOVED: _("uppgifter"),
        Kind.LONGER_WORKING_LIFE: _("personer"),
    }
    # Hours, kronor, people and positions are never below zero; a quality indicator may be.
    MAY_BE_NEGATIVE = frozenset({Kind.QUALITY})
    # Kinds whose effect is a number, so a target is needed; quality may be a text only.
    NUMERIC = frozenset(Kind) - {Kind.QUALITY}
    # The competence-supply measures HR follows.
    COMPETENCE_SUPPLY = frozenset(
        {Kind.FTE_FREED, Kind.MADE_FULL_TIME, Kind.TASKS_MOVED, Kind.LONGER_WORKING_LIFE}
    )

    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("enhet där nyttan uppstår"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The unit's department when the effect was recorded: sums group on it without a join.
    department = models.ForeignKey(
        "org.Unit",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("slag av effekt"), max_length=30, choices=Kind.choices)
    description = models.TextField(
        _("beskrivning"), max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    indicator = models.CharField(_("indikator"), max_length=200, blank=True, default="")
    baseline = models.DecimalField(
        _("utgångsläge"),
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    target = models.DecimalField(
        _("målvärde"),
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EffectQuerySet.as_manager()

    class Meta:
        verbose_name = _("effekt")
        verbose_name_plural = _("effekter")
        ordering = ["created_at", "pk"]
        indexes = [
            # for_subject(): the effects panel on an item's page.
            models.Index(fields=["subject_type", "subject_id"], name="effect_subject"),
            # sums_by("department", "kind") and the department filter of the sums page.
            models.Index(fields=["department", "kind"], name="effect_department_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description[:60]}"

    @property
    def unit_of_measure(self):
        return self.UNIT_OF_MEASURE.get(self.kind, "")

    @property
    def is_numeric(self):
        return self.kind in self.NUMERIC

    @property
    def expected_change(self):
        if self.target is None:
            return None
        return self.target - (self.baseline or 0)

    @property
    def realised_change(self):
        """Latest measurement − baseline; needs `with_latest()` (no query of its own)."""
        value = getattr(self, "latest_value", None)
        if value is None:
            return None
        return value - (self.baseline or 0)

    @property
    def realised_share(self):
        """Realised as a whole percentage of expected, or None when it cannot be said."""
        expected, realised = self.expected_change, self.realised_change
        if not expected or realised is None:
            return None
        return round(realised / expected * 100)

    def clean(self):
        errors = {}
        if self.kind in self.NUMERIC and self.target is None:
            errors["target"] = _("Ange målvärdet: vad ska det bli när effekten har uppnåtts?")
        if self.kind not in self.MAY_BE_NEGATIVE:
            for name in ("baseline", "target"):
                value = getattr(self, name)
                if value is not None and value < 0:
                    errors[name] = _("Värdet kan inte vara negativt för %(kind)s.") % {
                        "kind": self.get_kind_display().lower()
                    }
        if errors:
            raise ValidationError(errors)


class Measurement(models.Model):
    """A value measured for an effect at follow-up; the latest one is the realised effect."""

    effect = models.ForeignKey(Effect, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(
        _("uppmätt värde"),
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
    )
    measured_on = models.DateField(_("mätdatum"))
    note = models.TextField(
        _("kommentar"),
        max_length=2000,
        blank=True,
        default="",
        validators=[MaxLengthValidator(2000)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mätning")
        verbose_name_plural = _("mätningar")
        ordering = ["-measured_on", "-pk"]
        indexes = [
            # with_latest(): the latest measurement of each effect.
            models.Index(fields=["effect", "-measured_on", "-id"], name="measurement_latest"),
        ]

    def __str__(self):
        return f"{self.effect_id}: {self.value} ({self.measured_on})"

    def clean(self):
        errors = {}
        if self.measured_on and self.measured_on > timezone.localdate():
            errors["measured_on"] = _(
                "Mätdatumet kan inte ligga i framtiden. Ange dagens datum eller ett tidigare."
            )
        effect = self.effect
        if self.value is None and effect.kind in Effect.NUMERIC:
            errors["value"] = _("Ange det uppmätta värdet.")
        if self.value is None and not self.note:
            errors.setdefault("value", _("Ange ett värde eller beskriv resultatet i kommentaren."))
        if self.value is not None and self.value < 0 and effect.kind not in Effect.MAY_BE_NEGATIVE:
            errors["value"] = _("Värdet kan inte vara negativt för %(kind)s.") % {
                "kind": effect.get_kind_display().lower()
            }
        if errors:
            raise ValidationError(errors)
