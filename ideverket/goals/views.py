"""Goal pages: the goal tree of a period, a goal with its indicators and contributions, managing
periods, goals, indicators and values, linking items to goals, and the CSV/XLSX import."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
)
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.lib import exports
from ideverket.lib.forms import is_id, querystring_without_page

from . import actions, contributions, links
from .forms import (
    GoalFilterForm,
    GoalForm,
    GoalLinkForm,
    ImportUploadForm,
    IndicatorForm,
    IndicatorValueForm,
    PeriodForm,
    current_period,
    current_period_id,
)
from .importer import ACTION_LABELS, MAX_BYTES, FileRejected, ImportRejected, plan_file
from .models import Goal, GoalImport, GoalLink, Indicator, IndicatorValue, Period
from .rules import can_create_goal, can_manage_goal

# -- access helpers ------------------------------------------------------------------------


def get_goal(pk):
    """Any goal (every logged-in user may read the goal tree), or 404."""
    if not is_id(pk):
        raise Http404
    return get_object_or_404(Goal.objects.select_related("period", "parent", "owner_unit"), pk=pk)


def get_goal_for_manage(request, pk):
    goal = get_goal(pk)
    if not can_manage_goal(request.user, goal):
        raise PermissionDenied
    return goal


def get_indicator_for_manage(request, pk):
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal__period", "goal__owner_unit"), pk=pk
    )
    if not can_manage_goal(request.user, indicator.goal):
        raise PermissionDenied
    return indicator


def get_import_for_user(request, pk):
    """An import the user may run (the coordinator); 404 for everyone else."""
    if not request.user.has_perm("goals.import_goals"):
        raise Http404
    return get_object_or_404(GoalImport, pk=pk)


# -- the goal tree -------------------------------------------------------------------------

EXPORT_COLUMNS = [
    "period",
    "referens",
    "överordnad_referens",
    "nivå",
    "mål",
    "beskrivning",
    "ansvarig_enhet",
    "nämnd",
    "aktivt",
]


@require_GET
def goal_list(request):
    params = request.GET.copy()
    periods = list(Period.objects.all())  # few; the chooser's options and the current one
    current = current_period(periods)
    if not params.get("period"):
        # The chooser shows the period the list shows: the current one (today's, else latest).
        params["period"] = str(current.pk) if current else ""
    form = GoalFilterForm(params, periods=periods)
    form.is_valid()  # invalid values are left out of cleaned_data, so filter() ignores them
    data = getattr(form, "cleaned_data", {})
    period = data.get("period") or current
    goals = Goal.objects.none()
    if period is not None:
        goals = form.filter(
            Goal.objects.filter(period=period)
            .select_related("owner_unit", "parent")
            .annotate(indicator_count=Count("indicators"))
            .tree_order()
        )
    if fmt := exports.requested_format(request):
        rows = (
            [
                period.name,
                goal.reference,
                goal.parent.reference if goal.parent_id else "",
                goal.get_level_display(),
                goal.title,
                goal.description,
                goal.owner_unit.name if goal.owner_unit_id else "",
                goal.committee,
                goal.is_active,
            ]
            for goal in goals
        )
        return exports.export_response(fmt, _("mål"), EXPORT_COLUMNS, rows)
    page = Paginator(goals, settings.IDEVERKET["PAGE_SIZE"] * 4).get_page(request.GET.get("page"))
    query = querystring_without_page(form)
    context = {
        "form": form,
        "period": period,
        "page_obj": page,
        "querystring_without_page": query,
        "may_create": period is not None and can_create_goal(request.user),
        "may_manage_periods": request.user.has_perm("goals.manage_periods"),
        "may_import": request.user.has_perm("goals.import_goals"),
        "nav": "goals",
    }
    return render(request, "goals/list.html", context)


CONTRIBUTION_COLUMNS = ["typ", "titel", "enhet", "status", "adress"]


def _goal_with_family(pk):
    """(goal, ancestors, children) in one query, or 404: the goal, the goals whose path begins
    the goal's path (its ancestors) and the goals whose parent it is."""
    if not is_id(pk):
        raise Http404
    begins_path = Goal.objects.filter(pk=pk, path__startswith=OuterRef("path"))
    family = list(
        Goal.objects.filter(Q(pk=pk) | Q(parent_id=pk) | Exists(begins_path))
        .select_related("period", "parent", "owner_unit")
        .order_by("depth", "path")
    )
    goal = next((g for g in family if g.pk == int(pk)), None)
    if goal is None:
        raise Http404
    ancestors = [g for g in family if g.depth < goal.depth]
    children = [g for g in family if g.parent_id == goal.pk]
    return goal, ancestors, children


@require_GET
def goal_detail(request, pk):
    goal, ancestors, children = _goal_with_family(pk)
    user = request.user
    sections = contributions.sections(user, goal)
    if fmt := exports.requested_format(request):
        rows = (
            [
                str(section.kind.name),
                item.title,
                item.unit,
                item.status,
                request.build_absolute_uri(item.url),
            ]
            for section in sections
            for item in section.items
        )
        name = _("bidrag till mål %(ref)s") % {"ref": goal.reference}
        return exports.export_response(fmt, name, CONTRIBUTION_COLUMNS, rows)
    context = {
        "goal": goal,
        "ancestors": ancestors,
        "children": children,
        "indicators": Indicator.objects.filter(goal=goal).with_history(),
        "sections": sections,
        "contribution_count": sum(len(s.items) for s in sections),
        "effects": contributions.effect_sums(user, goal),
        "may_manage": can_manage_goal(user, goal),
        "nav": "goals",
    }
    return render(request, "goals/detail.html", context)


# -- periods -------------------------------------------------------------------------------


def _require_period_manager(request):
    if not request.user.has_perm("goals.manage_periods"):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def period_list(request):
    _require_period_manager(request)
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            period = actions.do_create_period(request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perioden %(name)s är skapad.") % {"name": period.name})
            return redirect("goals:periods")
    periods = Period.objects.annotate(goal_count=Count("goals"))
    return render(
        request,
        "goals/periods.html",
        {"form": form, "periods": periods, "nav": "goals"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def period_edit(request, pk):
    _require_period_manager(request)
    period = get_object_or_404(Period, pk=pk)
    form = PeriodForm(request.POST or None, instance=Period.objects.get(pk=period.pk))
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_period(request.user, period, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perioden är sparad."))
            return redirect("goals:periods")
    return render(
        request,
        "goals/period_form.html",
        {"form": form, "period": period, "nav": "goals"},
        status=422 if form.errors else 200,
    )


# -- goals ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def goal_create(request):
    if not can_create_goal(request.user):
        raise PermissionDenied
    period = None
    period_id = request.GET.get("period", "")
    if is_id(period_id):
        period = Period.objects.filter(pk=period_id).first()
    period = period or current_period()
    if period is None:
        messages.info(request, _("Skapa en period först."))
        return redirect("goals:periods")
    initial = {}
    parent_id = request.GET.get("parent", "")
    if is_id(parent_id):
        parent = Goal.objects.filter(pk=parent_id, period=period).first()
        if parent is not None:
            initial = {"parent": parent.pk, "owner_unit": parent.owner_unit_id}
    form = GoalForm(request.POST or None, period=period, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            goal = actions.do_create_goal(request.user, period=period, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Målet är skapat."))
            return redirect(goal)
    return render(
        request,
        "goals/goal_form.html",
        {"form": form, "period": period, "creating": True, "nav": "goals"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def goal_edit(request, pk):
    goal = get_goal_for_manage(request, pk)
    form = GoalForm(
        request.POST or None,
        instance=Goal.objects.select_related("period").get(pk=goal.pk),
        period=goal.period,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_goal(request.user, goal, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Ändringarna är sparade."))
            return redirect(goal)
    return render(
        request,
        "goals/goal_form.html",
        {"form": form, "goal": goal, "period": goal.period, "creating": False, "nav": "goals"},
        status=422 if form.errors else 200,
    )


@require_POST
def goal_set_active(request, pk):
    goal = get_goal_for_manage(request, pk)
    active = request.POST.get("active") == "1"
    actions.do_set_goal_active(request.user, goal, active)
    if active:
        messages.success(request, _("Målet är aktivt igen."))
    else:
        messages.success(request, _("Målet är avslutat. Det finns kvar i historiken."))
    return redirect(goal)


# -- indicators ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def indicator_create(request, pk):
    goal = get_goal_for_manage(request, pk)
    return _indicator_form(request, goal, Indicator(goal=goal))


@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator = get_indicator_for_manage(request, pk)
    return _indicator_form(request, indicator.goal, indicator)


def _indicator_form(request, goal, indicator):
    creating = indicator.pk is None
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_indicator(
                request.user, goal, None if creating else indicator, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Indikatorn är sparad."))
            return redirect(f"{goal.get_absolute_url()}#indikatorer")
    return render(
        request,
        "goals/indicator_form.html",
        {"form": form, "goal": goal, "creating": creating, "nav": "goals"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def indicator_value(request, pk):
    indicator = get_indicator_for_manage(request, pk)
    form = IndicatorValueForm(request.POST or None, instance=IndicatorValue(indicator=indicator))
    if request.method == "POST" and form.is_valid():
        actions.do_record_indicator_value(request.user, indicator, **form.cleaned_data)
        messages.success(request, _("Värdet är registrerat."))
        return redirect(f"{indicator.goal.get_absolute_url()}#indikatorer")
    return render(
        request,
        "goals/value_form.html",
        {
            "form": form,
            "indicator": indicator,
            "goal": indicator.goal,
            "history": list(indicator.values.select_related("recorded_by")),
            "nav": "goals",
        },
        status=422 if form.errors else 200,
    )


# -- links ---------------------------------------------------------------------------------


def goals_panel(label):
    """A page panel with the item's goals and, for those who may, the form to link one.

    Queries: the item's links with their goals and periods; for a linker instead one query of
    the goals that are linked or can be chosen (the current period's active goals, the period
    as a subquery), each with its link's id.
    """

    def loader(request, subject):
        kind = links.get_kind(label)
        if getattr(subject, "stage", None) == "draft":
            return None
        may_link = kind.can_link(request.user, subject)
        if may_link:
            goal_links, choices = _links_and_choices(subject)
        else:
            goal_links, choices = _links(subject), []
        if not goal_links and not may_link:
            return None
        context = {
            "links": goal_links,
            "may_link": may_link,
            "link_url": reverse("goals:link", args=[label, subject.pk]),
            "label": label,
            "subject": subject,
        }
        if may_link:
            context["choices"] = choices
        return context

    return loader


def _links(subject):
    return list(
        GoalLink.objects.for_subject(subject)
        .select_related("goal__period")
        .order_by("-goal__period__starts_on", "goal__path")
    )


def _links_and_choices(subject):
    """The item's links (newest period first) and the goals to choose from (tree order), read
    as one list of goals: those linked to the item or active in the current period."""
    link_id = GoalLink.objects.for_subject(subject).filter(goal=OuterRef("pk")).values("pk")[:1]
    choosable = Q(is_active=True, period_id=current_period_id())
    goals = list(
        Goal.objects.annotate(
            link_id=Subquery(link_id),
            choosable=ExpressionWrapper(choosable, output_field=BooleanField()),
        )
        .filter(Q(link_id__isnull=False) | choosable)
        .select_related("period")
        .order_by("-period__starts_on", "path")
    )
    goal_links = [GoalLink(pk=goal.link_id, goal=goal) for goal in goals if goal.link_id]
    return goal_links, [goal for goal in goals if goal.choosable]


def _item_url(subject):
    return f"{subject.get_absolute_url()}#mal"


@require_http_methods(["GET", "POST"])
def link_create(request, label, subject_id):
    kind, subject = links.get_linkable_or_404(request.user, label, subject_id)
    if not kind.can_link(request.user, subject):
        raise PermissionDenied
    period = current_period()
    form = GoalLinkForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_link_goal(request.user, subject, form.cleaned_data["goal"])
        except ValidationError as exc:
            form.add_error("goal", exc)
        else:
            messages.success(request, _("Kopplingen till målet är sparad."))
            return redirect(_item_url(subject))
    return render(
        request,
        "goals/link_form.html",
        {"form": form, "subject": subject, "kind": kind, "period": period, "nav": "goals"},
        status=422 if form.errors else 200,
    )


@require_POST
def link_delete(request, label, subject_id, link_id):
    kind, subject = links.get_linkable_or_404(request.user, label, subject_id)
    if not kind.can_link(request.user, subject):
        raise PermissionDenied
    if not is_id(link_id):
        raise Http404
    link = get_object_or_404(
        GoalLink.objects.select_related("goal"),
        pk=link_id,
        subject_type=kind.content_type(),
        subject_id=subject.pk,
    )
    actions.do_unlink_goal(request.user, link, subject)
    messages.success(request, _("Kopplingen till målet är borttagen."))
    return redirect(_item_url(subject))


# -- import --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def import_upload(request):
    if not request.user.has_perm("goals.import_goals"):
        raise Http404
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error(
                "file",
                _("Filen är för stor. Största tillåtna storlek är %(mb)s MB.")
                % {"mb": MAX_BYTES // (1024 * 1024)},
            )
        else:
            content = upload.read()
            plan = plan_file(upload.name, content)
            file_errors = [e for e in plan.errors if e.row == 0]
            if file_errors:
                form.add_error("file", file_errors[0].message)
            elif plan.errors:
                errors = plan.errors
            else:
                goal_import = actions.do_upload_goal_import(
                    request.user, filename=upload.name, content=content, summary=plan.summary()
                )
                return redirect(goal_import)
    status = 422 if (form.errors or errors) else 200
    return render(
        request,
        "goals/import.html",
        {
            "form": form,
            "errors": errors,
            "recent": GoalImport.objects.select_related("uploaded_by").defer("content")[:10],
            "nav": "goals",
        },
        status=status,
    )


@require_GET
def import_preview(request, pk):
    goal_import = get_import_for_user(request, pk)
    plan = plan_file(goal_import.filename, bytes(goal_import.content))
    return render(
        request,
        "goals/import_preview.html",
        {
            "goal_import": goal_import,
            "plan": plan,
            "summary": plan.summary(),
            "labels": ACTION_LABELS,
            "nav": "goals",
        },
    )


@require_POST
def import_apply(request, pk):
    goal_import = get_import_for_user(request, pk)
    try:
        summary = actions.do_apply_goal_import(request.user, goal_import)
    except ImportRejected:
        messages.error(request, _("Filen har fel och importerades inte. Se felen nedan."))
        return redirect(goal_import)
    except (ValidationError, FileRejected) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect(goal_import)
    messages.success(
        request,
        _("Importen är genomförd: %(c)s mål skapade, %(u)s ändrade, %(s)s oförändrade.")
        % {
            "c": summary["goals"]["create"],
            "u": summary["goals"]["change"],
            "s": summary["goals"]["unchanged"],
        },
    )
    return redirect("goals:list")
