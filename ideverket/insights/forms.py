"""The insights page's filters: period, department and theme, each from an allow-list."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.challenges.models import Theme
from ideverket.goals.models import Period
from ideverket.lib.forms import LoadedChoiceField, kept_choices
from ideverket.lib.widgets import QuickSelect
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


def default_range(today=None, periods=None):
    """The period containing today, or else today's calendar year (not stored). `periods`: the
    stored periods when the caller has them (the filter form keeps them), else they are read."""
    today = today or timezone.localdate()
    if periods is None:
        period = Period.objects.containing(today).order_by("-starts_on").first()
    else:
        containing = [p for p in periods if p.starts_on <= today <= p.ends_on]
        period = max(containing, key=lambda p: p.starts_on, default=None)
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


CHOICES_KEY = "insights:filter-choices"


def _read_choices():
    """The periods, departments and themes to filter on (kept: lib.forms.kept_choices)."""
    return (
        list(Period.objects.only("id", "name", "starts_on", "ends_on")),
        list(Unit.objects.departments().order_by("name").only("id", "name", "path")),
        list(Theme.objects.filter(is_active=True).only("id", "name")),
    )


class InsightsFilterForm(forms.Form):
    """An invalid value is dropped (and shown at its field), never used.

    The choices are the same for everyone: kept per process for a minute (lib.forms.kept_choices;
    a value naming one added since reads them anew), and written by QuickSelect, since Django's
    Select renders a template per option. Four queries fewer per page, and the current period
    is found in the kept list."""

    FIELDS = {
        "period": (
            _("Period"),
            _("Innevarande period"),
            _("Den perioden finns inte. Innevarande period visas i stället."),
        ),
        "department": (
            _("Förvaltning"),
            _("Alla förvaltningar"),
            _("Den förvaltningen finns inte. Alla förvaltningar visas i stället."),
        ),
        "theme": (
            _("Tema"),
            _("Alla teman"),
            _("Det temat finns inte. Alla teman visas i stället."),
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lists, _stamp = kept_choices(
            CHOICES_KEY,
            _read_choices,
            asked=self.data if self.is_bound else None,
            names=self.FIELDS,
        )
        self.periods = lists[0]
        for (name, (label, empty_label, invalid)), objects in zip(
            self.FIELDS.items(), lists, strict=True
        ):
            self.fields[name] = LoadedChoiceField(
                objects,
                label=label,
                empty_label=empty_label,
                error_messages={"invalid_choice": invalid},
                widget=QuickSelect,
            )

    def filters(self):
        """(date range, department or None, theme or None) from the valid values."""
        data = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        period = data.get("period")
        dates = range_of(period) if period is not None else default_range(periods=self.periods)
        return dates, data.get("department"), data.get("theme")
