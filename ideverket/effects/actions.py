"""Adding expected effects and recording what was measured: atomic, permission-checked, audited.

Both actions write an Event on the SUBJECT's timeline (the idea, trial or project), so the
change shows where people look, and notify the subject's followers.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib import subjects
from ideverket.lib.text import normalize_text

from .models import Effect, Measurement
from .rules import can_edit_subject

# activity has no verbs of its own for effects yet; an "edited" event carries what happened in
# its data ("change"), until verbs such as EFFECT_ADDED / EFFECT_MEASURED are added there.
EFFECT_VERB = Event.Verb.EDITED


def department_of(unit):
    """The id of `unit`'s department (the second level of its path), without a query."""
    ids = unit.ancestor_ids
    return ids[1] if len(ids) >= 2 else None


def _require_editor(user, subject):
    if not can_edit_subject(user, subject):
        raise PermissionDenied


@transaction.atomic
def do_add_effect(
    user,
    subject,
    *,
    kind,
    description,
    baseline=None,
    target=None,
    indicator="",
    unit=None,
):
    """Add an expected effect to `subject`; `unit` defaults to the subject's unit."""
    subject_kind = subjects.kind_of(subject)
    _require_editor(user, subject)
    unit = unit or subject_kind.unit_of(subject)
    effect = Effect(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        unit=unit,
        department_id=department_of(unit),
        kind=kind,
        description=normalize_text(description),
        indicator=normalize_text(indicator),
        baseline=baseline,
        target=target,
        created_by=user,
    )
    effect.full_clean()
    effect.save()
    record_event(
        user,
        EFFECT_VERB,
        subject,
        notify=subject_kind.followers(subject),
        change="effect_added",
        effect_id=effect.pk,
        effect=effect.description[:200],
        kind=effect.kind,
    )
    return effect


@transaction.atomic
def do_record_measurement(user, effect, value, measured_on, note=""):
    """Record a measured value for `effect` at follow-up; the latest one is the realised effect."""
    subject = effect.subject
    subject_kind = subjects.kind_of(subject)
    _require_editor(user, subject)
    measurement = Measurement(
        effect=effect,
        value=value,
        measured_on=measured_on,
        note=normalize_text(note),
        recorded_by=user,
    )
    measurement.full_clean()
    measurement.save()
    record_event(
        user,
        EFFECT_VERB,
        subject,
        notify=subject_kind.followers(subject),
        change="effect_measured",
        effect_id=effect.pk,
        effect=effect.description[:200],
        measurement_id=measurement.pk,
        value=None if value is None else str(measurement.value),
        measured_on=measured_on.isoformat(),
    )
    return measurement
