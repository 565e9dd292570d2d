"""The inspirer network's pages: find your inspirer, profiles, activities, the overview."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.ideas.models import Idea
from ideverket.lib import exports
from ideverket.lib.forms import is_id
from ideverket.lib.htmx import partial_or_page
from ideverket.org.models import RoleAssignment, Unit, User

from . import actions
from .directory import nearest_groups
from .forms import ActivityForm, AttendanceForm, FindForm, ProfileForm
from .models import COACHED_STAGES, InspirerProfile, NetworkActivity, Participation
from .overview import build_overview
from .rules import (
    can_edit_profile,
    can_manage_activity,
    can_organise,
    can_view_overview,
    is_inspirer_user,
    organiser_department_ids,
    overview_department_ids,
)

# Coached ideas listed on a profile; the count says how many there are in all.
PROFILE_IDEAS_LIMIT = 20


def get_inspirer_for_user(request, pk):
    """An active person holding the inspirer role; 404 for anyone else or a malformed id."""
    if not is_id(pk):
        raise Http404
    inspirer = (
        User.objects.filter(
            pk=pk,
            is_active=True,
            roles__role=RoleAssignment.Role.INSPIRER,
        )
        .select_related("unit__department")
        .first()
    )
    if inspirer is None:
        raise Http404
    return inspirer


def get_activity_for_user(request, pk):
    """A network activity (all are open to everyone logged in); 404 when missing."""
    if not is_id(pk):
        raise Http404
    activity = (
        NetworkActivity.objects.select_related("department", "organiser").filter(pk=pk).first()
    )
    if activity is None:
        raise Http404
    return activity


def _profile_of(user):
    return InspirerProfile.objects.filter(user=user).first()


# -- finding an inspirer ----------------------------------------------------------------------
@require_GET
def find(request):
    """The inspirers nearest the viewer's unit (or a chosen one), then the rest."""
    form = FindForm(request.GET or None)
    chosen = form.cleaned_data.get("unit") if form.is_bound and form.is_valid() else None
    unit = chosen
    if unit is None and request.user.unit_id is not None:
        unit = Unit.objects.select_related("department").get(pk=request.user.unit_id)
    groups = nearest_groups(unit)
    context = {
        "form": form,
        "unit": unit,
        "own_unit": chosen is None or chosen.pk == request.user.unit_id,
        "groups": groups,
        "total": sum(len(g.people) for g in groups),
        "is_inspirer": is_inspirer_user(request.user),
        "may_view_overview": can_view_overview(request.user),
        "nav": "network",
    }
    template = partial_or_page(request, "network/find.html", "results")
    return render(request, template, context, status=422 if form.errors else 200)


@require_GET
def profile(request, pk):
    inspirer = get_inspirer_for_user(request, pk)
    coached = (
        Idea.objects.visible_to(request.user)
        .filter(coach=inspirer, stage__in=COACHED_STAGES)
        .for_list()
        .order_by("-stage_changed_at", "-pk")
    )
    ideas = list(coached[: PROFILE_IDEAS_LIMIT + 1])
    return render(
        request,
        "network/profile.html",
        {
            "inspirer": inspirer,
            "profile": _profile_of(inspirer),
            "role_units": inspirer.role_units(RoleAssignment.Role.INSPIRER),
            "ideas": ideas[:PROFILE_IDEAS_LIMIT],
            "more_ideas": len(ideas) > PROFILE_IDEAS_LIMIT,
            "may_edit": can_edit_profile(request.user, inspirer),
            "is_self": inspirer.pk == request.user.pk,
            "nav": "network",
        },
    )


@require_http_methods(["GET", "POST"])
def profile_edit(request, pk):
    inspirer = get_inspirer_for_user(request, pk)
    if not can_edit_profile(request.user, inspirer):
        raise PermissionDenied
    current = _profile_of(inspirer)
    form = ProfileForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_save_profile(
                request.user,
                inspirer,
                help_with=data["help_with"],
                contact=data["contact"],
                is_available=data["is_available"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Profilen är sparad."))
            return redirect("network:profile", pk=inspirer.pk)
    return render(
        request,
        "network/profile_form.html",
        {
            "inspirer": inspirer,
            "form": form,
            "is_self": inspirer.pk == request.user.pk,
            "nav": "network",
        },
        status=422 if form.errors else 200,
    )


@require_GET
def my_profile(request):
    """The inspirer's own profile form; 404 for someone who is not an inspirer."""
    if not is_inspirer_user(request.user):
        raise Http404
    return redirect("network:profile_edit", pk=request.user.pk)


# -- activities -------------------------------------------------------------------------------
def _with_viewer(activities, user):
    return activities.for_list().annotate(
        viewer_registered=Exists(
            Participation.objects.filter(activity=OuterRef("pk"), user=user, registered=True)
        )
    )


@require_GET
def activities(request):
    now = timezone.now()
    upcoming = list(_with_viewer(NetworkActivity.objects.upcoming(now), request.user))
    past = _with_viewer(NetworkActivity.objects.past(now), request.user)
    page = Paginator(past, settings.IDEVERKET["PAGE_SIZE"]).get_page(request.GET.get("page"))
    return render(
        request,
        "network/activities.html",
        {
            "upcoming": upcoming,
            "page_obj": page,
            "querystring_without_page": "",
            "may_organise": can_organise(request.user),
            "nav": "network",
        },
    )


def _activity_form(request, activity=None):
    allowed = organiser_department_ids(request.user)
    departments = Unit.objects.departments().active().order_by("name")
    if allowed is not None:
        departments = departments.filter(pk__in=allowed)
    return ActivityForm(
        request.POST or None,
        instance=activity,
        departments=departments,
        municipality_wide=allowed is None,
    )


def _activity_fields(form):
    return {name: form.cleaned_data[name] for name in form.Meta.fields}


@require_http_methods(["GET", "POST"])
def activity_create(request):
    if not can_organise(request.user):
        raise PermissionDenied
    form = _activity_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            activity = actions.do_create_activity(request.user, **_activity_fields(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Aktiviteten är publicerad."))
            return redirect(activity)
    return render(
        request,
        "network/activity_form.html",
        {"form": form, "activity": None, "nav": "network"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = get_activity_for_user(request, pk)
    if not can_manage_activity(request.user, activity):
        raise PermissionDenied
    form = _activity_form(request, activity)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_activity(request.user, activity, **_activity_fields(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Aktiviteten är ändrad."))
            return redirect(activity)
    return render(
        request,
        "network/activity_form.html",
        {"form": form, "activity": activity, "nav": "network"},
        status=422 if form.errors else 200,
    )


@require_GET
def activity(request, pk):
    activity = get_activity_for_user(request, pk)
    may_manage = can_manage_activity(request.user, activity)
    own, participants = None, []
    counts = {"registered": 0, "attended": 0}
    # One query for the counts, the viewer's own sign-up and (for its managers) the list.
    for p in (
        Participation.objects.filter(activity=activity)
        .select_related("user__unit")
        .order_by("user__name", "user_id")
    ):
        counts["registered"] += p.registered
        counts["attended"] += p.attended
        if p.user_id == request.user.pk:
            own = p
        if may_manage:
            participants.append(p)
    return render(
        request,
        "network/activity.html",
        {
            "activity": activity,
            "own": own,
            "participants": participants,
            "counts": counts,
            "has_started": activity.has_started(),
            "may_manage": may_manage,
            "nav": "network",
        },
    )


@require_POST
def activity_register(request, pk):
    activity = get_activity_for_user(request, pk)
    try:
        if request.POST.get("action") == "unregister":
            actions.do_unregister(request.user, activity)
            messages.success(request, _("Din anmälan är borttagen."))
        else:
            actions.do_register(request.user, activity)
            messages.success(request, _("Du är anmäld."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(activity)


@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    activity = get_activity_for_user(request, pk)
    if not can_manage_activity(request.user, activity):
        raise PermissionDenied
    candidates = actions.attendance_candidates(activity)
    marks = list(
        Participation.objects.filter(activity=activity).values_list(
            "user_id", "registered", "attended"
        )
    )
    attended = [user_id for user_id, _registered, was_there in marks if was_there]
    registered = {user_id for user_id, signed_up, _attended in marks if signed_up}
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        candidates=candidates,
        initial={"attendees": attended},
    )
    status = 200
    if request.method == "POST":
        if not activity.has_started():
            form.add_error(None, _("Närvaro kan registreras först när aktiviteten har börjat."))
        elif form.is_valid():
            try:
                count = actions.do_record_attendance(
                    request.user, activity, [u.pk for u in form.cleaned_data["attendees"]]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Närvaron är sparad: %(count)s deltog.") % {"count": count}
                )
                return redirect(activity)
        status = 422
    return render(
        request,
        "network/attendance.html",
        {
            "activity": activity,
            "form": form,
            "registered": registered,
            "has_started": activity.has_started(),
            "nav": "network",
        },
        status=status,
    )


# -- the overview -----------------------------------------------------------------------------
def _overview_columns():
    return [
        (gettext_lazy("Förvaltning"), lambda r: r.department.name if r.department else _("Totalt")),
        (gettext_lazy("Idéinspiratörer"), lambda r: r.inspirers),
        (gettext_lazy("Medarbetare"), lambda r: r.employees),
        (gettext_lazy("Inspiratörer per 100 medarbetare"), lambda r: r.per_hundred),
        (gettext_lazy("Idéer som coachas"), lambda r: r.coached),
        (gettext_lazy("Idéer per inspiratör"), lambda r: r.load),
        (gettext_lazy("Deltaganden i aktiviteter, 12 månader"), lambda r: r.attended),
        (gettext_lazy("Inspiratörer som deltagit, 12 månader"), lambda r: r.taking_part),
    ]


@require_GET
def overview(request):
    if not can_view_overview(request.user):
        raise PermissionDenied
    rows, total = build_overview(request.user, overview_department_ids(request.user))
    show_total = len(rows) > 1
    if response := exports.download(
        request,
        _("idéinspiratörsnätverket"),
        _overview_columns(),
        [*rows, total] if show_total else rows,
    ):
        return response
    return render(
        request,
        "network/overview.html",
        {
            "rows": rows,
            "total": total if show_total else None,
            "is_coordinator": request.user.is_coordinator,
            "nav": "network",
        },
    )
