"""Department pages: the list of departments, each department's innovation overview, its
settings and its innovation plan per period."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ideverket.goals.models import Period
from ideverket.lib import exports
from ideverket.lib.forms import is_id
from ideverket.lib.kept import FRESH_MINUTES
from ideverket.org.models import RoleAssignment, Unit, User

from . import actions, overview
from .forms import DepartmentSettingsForm, InnovationPlanForm, PeriodChoiceForm
from .limits import limits_of
from .models import DepartmentSettings, InnovationPlan, limit_field
from .rules import can_manage_department


def get_department_or_404(pk):
    """An active department (a unit of kind department); 404 for any other id."""
    if not is_id(pk):
        raise Http404
    department = Unit.objects.departments().active().filter(pk=pk).first()
    if department is None:
        raise Http404
    return department


def _settings_of(department):
    """The department's settings with its default handler and assessors (two queries), or None."""
    return (
        DepartmentSettings.objects.filter(department=department)
        .select_related("default_handler")
        .prefetch_related(
            Prefetch("assessors", queryset=User.objects.only("id", "name").order_by("name"))
        )
        .first()
    )


def _may_see_waiting_list(user):
    """The full "Väntar för länge" page (ideas:waiting) is for deciders and the coordinator."""
    return user.is_coordinator or bool(user.role_units(*RoleAssignment.DECIDERS))


def _current_period():
    return Period.objects.containing(timezone.localdate()).first()


@require_GET
def department_list(request):
    """Every active department with its key figures (two grouped queries for all of them)."""
    departments = list(Unit.objects.departments().active().order_by("name").only("id", "name"))
    figures, computed_at = overview.key_figures(request.user)
    empty = {"in_progress": 0, "waiting": 0, "trials": 0}
    rows = [(department, figures.get(department.pk, empty)) for department in departments]
    if fmt := exports.requested_format(request):
        return exports.export_response(
            fmt,
            _("förvaltningar"),
            [_("Förvaltning"), _("Idéer på gång"), _("Tester som pågår"), _("Väntar för länge")],
            [
                (department.name, row["in_progress"], row["trials"], row["waiting"])
                for department, row in rows
            ],
        )
    own = request.user.unit.department_id if request.user.unit_id else None
    return render(
        request,
        "departments/list.html",
        {
            "rows": rows,
            "own_department_id": own,
            "computed_at": computed_at,
            "fresh_minutes": FRESH_MINUTES,
            "nav": "departments",
        },
    )


@require_GET
def my_department(request):
    """The overview of the department the user works in (the list when they have none)."""
    unit = request.user.unit
    department_id = unit.department_id if unit is not None else None
    if (
        department_id is None
        or not Unit.objects.departments().active().filter(pk=department_id).exists()
    ):
        messages.info(request, _("Du hör inte till någon förvaltning. Välj en i listan."))
        return redirect("departments:list")
    return redirect("departments:detail", pk=department_id)


def _idea_list_url(department, stage):
    return f"{reverse('ideas:list')}?{urlencode({'department': department.pk, 'stage': stage})}"


EXPORTS = ("stages", "ideas", "waiting")


def _export(request, fmt, department, which):
    user, name = request.user, department.name
    if which == "stages":
        return exports.export_response(
            fmt,
            _("idéer per steg %(name)s") % {"name": name},
            [_("Steg"), _("Idéer"), _("Varav väntar för länge")],
            [
                (row.label, row.count, row.waiting)
                for row in overview.stage_counts(user, department)[0]
            ],
        )
    ideas = (
        overview.waiting_ideas(user, department)
        if which == "waiting"
        else overview.department_ideas(user, department)
    )
    columns = [
        (_("Idé"), lambda idea: idea.title),
        (_("Steg"), lambda idea: idea.get_stage_display()),
        (_("Enhet"), lambda idea: idea.owner_unit.name),
        (_("Inskickad"), lambda idea: idea.submitted_at),
        (_("I steget sedan"), lambda idea: idea.stage_changed_at),
        exports.link_column(request, _("Länk")),
    ]
    title = (_("väntar för länge %(name)s") if which == "waiting" else _("idéer %(name)s")) % {
        "name": name
    }
    return exports.download(request, title, columns, ideas.iterator(chunk_size=exports.CHUNK_SIZE))


@require_GET
def department_detail(request, pk):
    """The department's innovation overview, as the viewer may see it: six queries after the
    request's own, whatever the size of the municipality (tests/test_query_counts.py)."""
    user = request.user
    fmt = exports.requested_format(request)
    which = request.GET.get("list", "")
    if fmt and which in EXPORTS:
        return _export(request, fmt, get_department_or_404(pk), which)

    department = overview.load_department(pk) if is_id(pk) else None
    if department is None:
        raise Http404
    stages, computed_at = overview.stage_counts(user, department)
    for row in stages:
        row.url = _idea_list_url(department, row.stage)
    trials, implementations = overview.work_in_progress(user, department)
    plans = overview.plans_of(department)
    effects, effects_computed_at = overview.effect_sums(user, department)
    department_settings = department.own_settings
    context = {
        "department": department,
        "may_manage": can_manage_department(user, department),
        "challenges": department.listed_challenges,
        "stages": stages,
        "ideas_total": sum(row.count for row in stages),
        "computed_at": min(computed_at, effects_computed_at),
        "fresh_minutes": FRESH_MINUTES,
        "waiting": overview.longest_waiting(user, department),
        "waiting_total": sum(row.waiting for row in stages),
        "may_see_waiting_list": _may_see_waiting_list(user),
        "waiting_url": f"{reverse('ideas:waiting')}?{urlencode({'department': department.pk})}",
        "trials": trials,
        "implementations": implementations,
        "list_limit": overview.LIST_LIMIT,
        "trials_url": f"{reverse('trials:list')}?{urlencode({'department': department.pk})}",
        "implementations_url": (
            f"{reverse('implementation:list')}?{urlencode({'department': department.pk})}"
        ),
        "effects": effects,
        "effects_url": f"{reverse('effects:sums')}?{urlencode({'department': department.pk})}",
        "period_name": department.period_name,
        "goals": department.listed_goals,
        "plans": plans,
        "current_plan": next((p for p in plans if p.period_id == department.period_id), None),
        "settings": department_settings,
        "assessors": department.listed_assessors,
        "limits": limits_of(department_settings),
        "nav": "departments",
    }
    return render(request, "departments/detail.html", context)


def _department_to_manage(request, pk):
    department = get_department_or_404(pk)
    if not can_manage_department(request.user, department):
        raise PermissionDenied
    return department


@require_http_methods(["GET", "POST"])
def department_settings(request, pk):
    department = _department_to_manage(request, pk)
    current = _settings_of(department)
    initial = {}
    if current is not None:
        initial = {
            "assessors": [person.pk for person in current.assessors.all()],
            "default_handler": current.default_handler_id,
            **{limit_field(stage): days for stage, days in current.limits().items()},
        }
    form = DepartmentSettingsForm(request.POST or None, department=department, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_update_department_settings(
                request.user,
                department,
                assessors=data["assessors"],
                default_handler=data["default_handler"],
                limits_days=form.limits_days(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Förvaltningens inställningar är sparade."))
            return redirect("departments:detail", pk=department.pk)
    return render(
        request,
        "departments/settings.html",
        {"department": department, "form": form, "nav": "departments"},
        status=422 if form.errors else 200,
    )


def _chosen_period(request):
    """The period asked for (?period= or the form's), else the current one; None when the
    municipality has no period for today yet (the plan then creates this year's on save)."""
    form = PeriodChoiceForm(request.GET)
    if form.is_valid() and form.cleaned_data.get("period"):
        return form.cleaned_data["period"]
    return _current_period()


@require_http_methods(["GET", "POST"])
def innovation_plan(request, pk):
    """Write the department's innovation plan for a period."""
    department = _department_to_manage(request, pk)
    period = _chosen_period(request)
    plan = None
    if period is not None:
        plan = InnovationPlan.objects.filter(department=department, period=period).first()
    form_period = period or Period(name=str(timezone.localdate().year))
    form = InnovationPlanForm(
        request.POST or None,
        instance=plan or InnovationPlan(department=department),
        department=department,
        period=form_period,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if period is None:
            period = Period.for_year(timezone.localdate().year)
        try:
            actions.do_save_innovation_plan(
                request.user,
                department,
                period,
                focus=data["focus"],
                activities=data["activities"],
                hours=data["hours"],
                kronor=data["kronor"],
                goals=data["goals"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Innovationsplanen för %(period)s är sparad.") % {"period": period.name},
            )
            return redirect(f"{reverse('departments:detail', args=[department.pk])}#plan")
    return render(
        request,
        "departments/plan.html",
        {
            "department": department,
            "form": form,
            "period": form_period,
            "periods": list(Period.objects.only("id", "name")),
            "plan": plan,
            "nav": "departments",
        },
        status=422 if form.errors else 200,
    )
