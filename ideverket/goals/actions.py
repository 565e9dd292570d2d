"""Every change to periods, goals, indicators, links and imports: atomic, checked, audited.

Goal and period changes write an Event on the goal or period; linking writes it on the ITEM
(the idea, trial, project or challenge), so the link shows on the item's timeline; an import
writes one event on the import with what it created and changed.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from . import links
from .models import Goal, GoalImport, GoalLink, Indicator, IndicatorValue, Period
from .rules import can_create_goal, can_manage_goal, can_manage_periods, may_own_goal


def _require(allowed):
    if not allowed:
        raise PermissionDenied


# -- periods -------------------------------------------------------------------------------


@transaction.atomic
def do_create_period(user, *, name, starts_on, ends_on):
    _require(can_manage_periods(user))
    period = Period(name=normalize_text(name), starts_on=starts_on, ends_on=ends_on)
    period.full_clean()
    period.save()
    record_event(user, Event.Verb.CREATED, period, name=period.name)
    return period


@transaction.atomic
def do_edit_period(user, period, *, name, starts_on, ends_on):
    _require(can_manage_periods(user))
    period.name, period.starts_on, period.ends_on = normalize_text(name), starts_on, ends_on
    period.full_clean()
    period.save()
    record_event(user, Event.Verb.EDITED, period, name=period.name)
    return period


# -- goals ---------------------------------------------------------------------------------

GOAL_FIELDS = ("parent", "level", "reference", "title", "description", "owner_unit", "committee")


def _check_goal(user, goal):
    if not may_own_goal(user, goal.owner_unit):
        raise PermissionDenied
    if goal.parent_id is not None:
        if goal.parent.period_id != goal.period_id:
            raise ValidationError({"parent": _("Det överordnade målet hör till en annan period.")})
        if goal.pk is not None and goal.parent.path.startswith(goal.path):
            raise ValidationError(
                {"parent": _("Ett mål kan inte ligga under sig självt eller sina delmål.")}
            )


def _save_goal(goal):
    goal.refresh_search_text()
    goal.full_clean(exclude=["path"], validate_constraints=False)
    try:
        with transaction.atomic():
            goal.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"reference": _("Referensen finns redan i perioden.")}, code="unique"
        ) from exc


@transaction.atomic
def do_create_goal(user, *, period, **fields):
    """A new goal in `period`; the owner unit must lie within the user's role units."""
    _require(can_create_goal(user))
    goal = Goal(period=period)
    for name in GOAL_FIELDS:
        if name in fields:
            setattr(goal, name, fields[name])
    for name in ("reference", "title", "description", "committee"):
        setattr(goal, name, normalize_text(getattr(goal, name)))
    _check_goal(user, goal)
    _save_goal(goal)
    goal.rebuild_path()
    record_event(user, Event.Verb.CREATED, goal, title=goal.title, reference=goal.reference)
    return goal


@transaction.atomic
def do_edit_goal(user, goal, **fields):
    """Change a goal; moving it under another parent moves its subtree along."""
    _require(can_manage_goal(user, goal))
    old_parent = goal.parent_id
    changed = []
    for name in GOAL_FIELDS:
        if name not in fields:
            continue
        value = fields[name]
        if isinstance(value, str):
            value = normalize_text(value)
        if getattr(goal, name) != value:
            setattr(goal, name, value)
            changed.append(name)
    _check_goal(user, goal)
    if not changed:
        return goal
    _save_goal(goal)
    if goal.parent_id != old_parent:
        goal.rebuild_path()
    record_event(user, Event.Verb.EDITED, goal, title=goal.title, fields=changed)
    return goal


@transaction.atomic
def do_set_goal_active(user, goal, active):
    """Deactivate a goal (it stays in history and keeps its links) or make it active again."""
    _require(can_manage_goal(user, goal))
    if goal.is_active == active:
        return goal
    goal.is_active = active
    goal.save(update_fields=["is_active", "updated_at"])
    record_event(
        user, Event.Verb.EDITED, goal, title=goal.title, change="activated" if active else "ended"
    )
    return goal


# -- indicators ----------------------------------------------------------------------------

INDICATOR_FIELDS = ("reference", "name", "unit_of_measure", "direction", "baseline", "target")


@transaction.atomic
def do_save_indicator(user, goal, indicator=None, **fields):
    """Add an indicator to `goal`, or change `indicator` (one of the goal's)."""
    _require(can_manage_goal(user, goal))
    creating = indicator is None
    indicator = indicator or Indicator(goal=goal)
    if indicator.goal_id != goal.pk:
        raise PermissionDenied
    for name in INDICATOR_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(indicator, name, normalize_text(value) if isinstance(value, str) else value)
    indicator.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            indicator.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"reference": _("Målet har redan en indikator med den referensen.")}
        ) from exc
    record_event(
        user,
        Event.Verb.EDITED,
        goal,
        title=goal.title,
        change="indicator_added" if creating else "indicator_changed",
        indicator=indicator.name[:200],
    )
    return indicator


@transaction.atomic
def do_record_indicator_value(user, indicator, *, measured_on, value, note=""):
    """Record the indicator's value at a follow-up; a second value the same day replaces it."""
    goal = indicator.goal
    _require(can_manage_goal(user, goal))
    row, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator,
        measured_on=measured_on,
        defaults={"value": value, "note": normalize_text(note), "recorded_by": user},
    )
    record_event(
        user,
        Event.Verb.EDITED,
        goal,
        title=goal.title,
        change="indicator_value",
        indicator=indicator.name[:200],
        value=str(row.value),
        measured_on=measured_on.isoformat(),
    )
    return row


# -- links ---------------------------------------------------------------------------------


def _require_linker(user, subject):
    kind = links.get_kind(subject._meta.label_lower)
    if kind is None or not kind.can_link(user, subject):
        raise PermissionDenied
    return kind


@transaction.atomic
def do_link_goal(user, subject, goal):
    """Link `subject` (a challenge, idea, trial or project) to `goal`; returns the link."""
    _require_linker(user, subject)
    if not goal.is_active:
        raise ValidationError(_("Målet är inte längre aktivt."))
    link, created = GoalLink.objects.get_or_create(
        goal=goal,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        defaults={"created_by": user},
    )
    if created:
        record_event(
            user,
            Event.Verb.EDITED,
            subject,
            change="goal_linked",
            goal_id=goal.pk,
            goal=goal.title[:200],
        )
    return link


@transaction.atomic
def do_unlink_goal(user, link, subject):
    """Remove the link between `subject` and a goal."""
    _require_linker(user, subject)
    if (link.subject_type_id, link.subject_id) != (
        ContentType.objects.get_for_model(subject).pk,
        subject.pk,
    ):
        raise PermissionDenied
    goal = link.goal
    link.delete()
    record_event(
        user,
        Event.Verb.EDITED,
        subject,
        change="goal_unlinked",
        goal_id=goal.pk,
        goal=goal.title[:200],
    )


# -- import --------------------------------------------------------------------------------


@transaction.atomic
def do_upload_goal_import(user, *, filename, content, summary):
    """Keep a checked file for its preview; confirm applies these bytes and nothing else."""
    from .importer import sha256_of

    _require(user.has_perm("goals.import_goals"))
    return GoalImport.objects.create(
        filename=normalize_text(filename)[:255],
        content=content,
        sha256=sha256_of(content),
        summary=summary,
        uploaded_by=user,
    )


@transaction.atomic
def do_apply_goal_import(user, goal_import):
    """Apply a previewed import, all or nothing. Returns the summary of what was done.

    The file is read and planned again from the stored bytes inside this transaction; if the
    plan differs from the preview (someone changed the goals since), nothing is applied.
    """
    from .importer import ImportRejected, apply_plan, plan_file, sha256_of

    _require(user.has_perm("goals.import_goals"))
    goal_import = GoalImport.objects.select_for_update().get(pk=goal_import.pk)
    if goal_import.status != GoalImport.Status.PREVIEWED:
        raise ValidationError(_("Importen är redan genomförd."))
    content = bytes(goal_import.content)
    if sha256_of(content) != goal_import.sha256:
        raise ValidationError(_("Filen har ändrats sedan förhandsgranskningen."))
    plan = plan_file(goal_import.filename, content)
    if plan.errors:
        raise ImportRejected(plan.errors)
    if plan.summary() != goal_import.summary:
        raise ValidationError(
            _("Målen har ändrats sedan förhandsgranskningen. Ladda upp filen igen och granska.")
        )
    apply_plan(plan, user)
    goal_import.status = GoalImport.Status.APPLIED
    goal_import.applied_at = timezone.now()
    goal_import.save(update_fields=["status", "applied_at"])
    record_event(
        user,
        Event.Verb.CREATED,
        goal_import,
        change="imported",
        filename=goal_import.filename,
        sha256=goal_import.sha256,
        **plan.summary(),
    )
    return plan.summary()
