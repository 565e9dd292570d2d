"""Effects walked into being through the same actions the views call."""

import datetime
from decimal import Decimal

from django.utils import timezone

from ideverket.effects import actions
from ideverket.effects.models import Effect


def today():
    """Today's date, read when called (never frozen at import)."""
    return timezone.localdate()


def yesterday():
    return today() - datetime.timedelta(days=1)


def hours_effect(cast, idea, user=None, **kwargs):
    """An expected 400 hours a year (baseline 1 000, target 1 400) on `idea`."""
    fields = {
        "kind": Effect.Kind.HOURS_PER_YEAR,
        "description": "Mindre tid på närvaro",
        "baseline": Decimal("1000"),
        "target": Decimal("1400"),
    }
    fields.update(kwargs)
    return actions.do_add_effect(user or cast.fresh("lead"), idea, **fields)


def measure(cast, effect, value, user=None, measured_on=None, note=""):
    return actions.do_record_measurement(
        user or cast.fresh("lead"),
        effect,
        None if value is None else Decimal(value),
        measured_on or yesterday(),
        note,
    )
