"""Changes to a department's settings and innovation plan, and what a department does with a
newly submitted idea. Atomic, permission-checked, audited on the department unit's timeline."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.ideas.models import Follow, Idea
from ideverket.lib.text import normalize_text
from ideverket.org.models import Unit

from . import limits, overview
from .models import LIMITED_STAGES, MAX_LIMIT_DAYS, DepartmentSettings, InnovationPlan, limit_field
from .rules import can_manage_department

# activity has no verbs of its own for departments; an "edited" event names the change.
DEPARTMENT_VERB = Event.Verb.EDITED


def _require_manager(user, department):
    if not can_manage_department(user, department):
        raise PermissionDenied


def _require_department(department):
    if department.kind != Unit.Kind.DEPARTMENT or not department.is_active:
        raise ValidationError(_("Enheten är inte en aktiv förvaltning."))


@transaction.atomic
def do_update_department_settings(
    user, department, *, assessors=(), default_handler=None, limits_days=None
):
    """Save who assesses the department's incoming ideas, its default handler and its time
    limits per stage ({stage: days or None}; None = the municipality's default)."""
    _require_manager(user, department)
    _require_department(department)
    limits_days = limits_days or {}
    errors = {}
    for stage, days in limits_days.items():
        if stage not in LIMITED_STAGES:
            raise ValueError(f"no time limit for stage {stage!r}")
        if days is not None and not 1 <= days <= MAX_LIMIT_DAYS:
            errors[limit_field(stage)] = _("Ange ett helt antal dagar från 1 till %(max)s.") % {
                "max": MAX_LIMIT_DAYS
            }
    if errors:
        raise ValidationError(errors)
    settings, _created = DepartmentSettings.objects.select_for_update().get_or_create(
        department=department
    )
    for stage in LIMITED_STAGES:
        if stage in limits_days:
            setattr(settings, limit_field(stage), limits_days[stage])
    settings.default_handler = default_handler
    settings.updated_by = user
    settings.save()
    settings.assessors.set(assessors)
    # Another request of this process must not keep the old limits (limits.py).
    limits.forget()
    transaction.on_commit(limits.forget)
    # The shared counts of waiting ideas were made with the old limits.
    overview.forget_shared()
    transaction.on_commit(overview.forget_shared)
    record_event(
        user,
        DEPARTMENT_VERB,
        department,
        change="department_settings",
        name=department.name,
        default_handler=str(default_handler) if default_handler else "",
        limits={str(stage): days for stage, days in settings.limits().items()},
    )
    return settings


@transaction.atomic
def do_save_innovation_plan(
    user, department, period, *, focus, activities="", hours=None, kronor=None, goals=()
):
    """Write (or rewrite) the department's innovation plan for `period`."""
    _require_manager(user, department)
    _require_department(department)
    focus, activities = normalize_text(focus), normalize_text(activities)
    if not focus:
        raise ValidationError({"focus": _("Skriv vad förvaltningen ska fokusera på.")})
    plan, created = InnovationPlan.objects.select_for_update().get_or_create(
        department=department,
        period=period,
        defaults={"focus": focus, "written_by": user},
    )
    plan.focus, plan.activities, plan.hours, plan.kronor = focus, activities, hours, kronor
    plan.written_by = user
    plan.save()
    plan.goals.set(goals)
    record_event(
        user,
        Event.Verb.CREATED if created else DEPARTMENT_VERB,
        department,
        change="innovation_plan",
        name=department.name,
        period=period.name,
    )
    return plan


@dataclass
class Intake:
    """What a newly submitted idea's department does with it (see department_intake)."""

    settings: DepartmentSettings | None = None
    assessor_ids: list = field(default_factory=list)

    def assign_default_handler(self, idea):
        """Give the idea the department's default handler when it has none; the change reads
        in the timeline as any handler change ("Systemet satte … som handläggare")."""
        handler = self.settings.default_handler if self.settings else None
        if handler is None or not handler.is_active or idea.handler_id is not None:
            return
        updated = Idea.objects.filter(pk=idea.pk, handler__isnull=True).update(
            handler=handler, updated_at=timezone.now()
        )
        if not updated:
            return
        idea.handler = handler
        Follow.objects.get_or_create(idea=idea, user=handler)
        record_event(None, Event.Verb.HANDLER_SET, idea, notify=[handler.pk], name=str(handler))


def department_intake(idea):
    """The idea's department's settings and its active assessors' ids: called by the actions
    that submit an idea, inside their transaction (two small queries when there are settings,
    one when there are none)."""
    department_id = Unit.objects.filter(pk=idea.owner_unit_id).values("department_id")[:1]
    settings = (
        DepartmentSettings.objects.filter(department_id=Subquery(department_id))
        .select_related("default_handler")
        .first()
    )
    if settings is None:
        return Intake()
    assessor_ids = list(
        settings.assessors.filter(is_active=True).order_by("pk").values_list("pk", flat=True)
    )
    return Intake(settings=settings, assessor_ids=assessor_ids)
