"""The insights page's filters: period, department and theme, each from an allow-list."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.challenges.models import Theme
from ideverket.goals.models import Period
from ideverket.lib.forms import SafeModelChoiceField
from ideverket.org.models import Unit


@dataclass(frozen=True)
class DateRange:
    """The days a figure covers: a goals.Period, or the calendar year when there is none."""

    name: str
    starts_on: datetime.date
    ends_on: datetime.date
    period: Period | None = None

    @property
    def start(self):
        """The first moment of the first day, in Europe/Stockholm."""
        return _local_midnight(self.starts_on)

    @property
    def end(self):
        """The first moment after the last day (compare with `<`)."""
        return _local_midnight(self.ends_on + datetime.timedelta(days=1))


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def default_range(today=None):
    """The period containing today, or else today's calendar year (not stored)."""
    today = today or timezone.localdate()
    period = Period.objects.containing(today).order_by("-starts_on").first()
    if period is not None:
        return range_of(period)
    return DateRange(
        name=str(today.year),
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
    )


def range_of(period):
    return DateRange(
        name=period.name, starts_on=period.starts_on, ends_on=period.ends_on, period=period
    )


class InsightsFilterForm(forms.Form):
    """An invalid value is dropped (and shown at its field), never used."""

    period = SafeModelChoiceField(
        label=_("Period"),
        required=False,
        queryset=Period.objects.only("id", "name", "starts_on", "ends_on"),
        empty_label=_("Innevarande period"),
        error_messages={
            "invalid_choice": _("Den perioden finns inte. Innevarande period visas i stället.")
        },
    )
    department = SafeModelChoiceField(
        label=_("Förvaltning"),
        required=False,
        queryset=Unit.objects.departments().order_by("name").only("id", "name", "path"),
        empty_label=_("Alla förvaltningar"),
        error_messages={
            "invalid_choice": _("Den förvaltningen finns inte. Alla förvaltningar visas i stället.")
        },
    )
    theme = SafeModelChoiceField(
        label=_("Tema"),
        required=False,
        queryset=Theme.objects.filter(is_active=True).only("id", "name"),
        empty_label=_("Alla teman"),
        error_messages={"invalid_choice": _("Det temat finns inte. Alla teman visas i stället.")},
    )

    def filters(self):
        """(date range, department or None, theme or None) from the valid values."""
        data = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        period = data.get("period")
        dates = range_of(period) if period is not None else default_range()
        return dates, data.get("department"), data.get("theme")
