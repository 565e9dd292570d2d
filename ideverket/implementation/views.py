"""Implementation pages: the list, one implementation with its milestones and timeline, and the
handover to the line."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.activity.models import Event
from ideverket.lib import exports
from ideverket.lib.forms import parse_seen, querystring_without_page
from ideverket.lib.htmx import partial_or_page

from . import actions
from .forms import (
    FollowUpForm,
    HandoverForm,
    ImplementationFilterForm,
    ImplementationPlanForm,
    MilestoneForm,
    OwnerForm,
)
from .models import FollowUp, Implementation, Milestone, overall_progress


def get_implementation_for_user(request, pk):
    """The implementation if the user may see its idea; 404 when missing or hidden."""
    queryset = Implementation.objects.visible_to(request.user).select_related(
        "idea__owner_unit",
        "owner",
        "receiving_unit",
        "decision__decided_by",
        "handover__line_owner",
        "handover__line_unit",
        "handover__created_by",
    )
    return get_object_or_404(queryset, pk=pk)


def get_milestone(implementation, pk):
    milestone = get_object_or_404(Milestone, pk=pk, implementation=implementation)
    milestone.implementation = implementation
    return milestone


def _handover(implementation):
    return getattr(implementation, "handover", None)


def _line_unit_name(item):
    handover = _handover(item)
    return handover.line_unit.name if handover else ""


def _implementation_columns(request):
    """The columns of the implementation list's download."""
    return [
        (gettext_lazy("Id"), lambda item: item.pk),
        (gettext_lazy("Idé"), lambda item: item.idea.title),
        (gettext_lazy("Status"), lambda item: item.get_status_display()),
        (
            gettext_lazy("Förvaltning"),
            lambda item: exports.name_of(item.idea.owner_unit.department),
        ),
        (gettext_lazy("Enhet"), lambda item: item.idea.owner_unit.name),
        (gettext_lazy("Ansvarig"), lambda item: item.owner.name),
        (gettext_lazy("Mottagande enhet"), lambda item: item.receiving_unit.name),
        (gettext_lazy("Startar"), lambda item: item.starts_on),
        (gettext_lazy("Klart senast"), lambda item: item.ends_on),
        (gettext_lazy("Timmar"), lambda item: item.hours),
        (gettext_lazy("Kronor"), lambda item: item.kronor),
        (gettext_lazy("Delmål"), lambda item: item.milestone_count),
        (gettext_lazy("Framsteg (procent)"), lambda item: item.progress),
        (gettext_lazy("Drivs av"), _line_unit_name),
        (gettext_lazy("Flaggat"), lambda item: item.is_flagged),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def implementation_list(request):
    form = ImplementationFilterForm(request.GET or None)
    form.is_valid()  # invalid values are left out of cleaned_data, so filter() ignores them
    implementations = form.filter(Implementation.objects.visible_to(request.user).for_list())
    # The download: one query, all rows of the filter (department joined in, nothing prefetched).
    rows = implementations.select_related("idea__owner_unit__department")
    if response := exports.download(
        request,
        _("införanden"),
        _implementation_columns(request),
        rows.iterator(exports.CHUNK_SIZE),
    ):
        return response
    page = Paginator(implementations, settings.IDEVERKET["PAGE_SIZE"]).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "page_obj": page,
        "querystring_without_page": querystring_without_page(form),
        "nav": "implementation",
    }
    return render(request, partial_or_page(request, "implementation/list.html", "results"), context)


def _detail_context(request, implementation, **forms):
    user = request.user
    milestones = list(Milestone.objects.filter(implementation=implementation))
    handover = _handover(implementation)
    may_manage = user.has_perm("implementation.manage_implementation", implementation)
    may_follow_up = user.has_perm("implementation.follow_up_implementation", implementation)
    context = {
        "implementation": implementation,
        "idea": implementation.idea,
        "milestones": milestones,
        "progress": overall_progress(milestones),
        "handover": handover,
        "follow_ups": list(FollowUp.objects.filter(handover=handover)) if handover else [],
        "timeline": list(Event.objects.for_subject(implementation).timeline()),
        "may_manage": may_manage,
        "may_hand_over": user.has_perm("implementation.hand_over_implementation", implementation),
        "may_reassign": user.has_perm("implementation.reassign_implementation", implementation),
        "may_follow_up": may_follow_up,
        "owner_left": not implementation.owner.is_active,
        "nav": "implementation",
    }
    if may_manage:
        context["milestone_form"] = forms.get("milestone_form") or MilestoneForm(
            auto_id="id_new_%s"
        )
    if may_follow_up:
        failed = forms.get("follow_up_form")
        context["follow_up_rows"] = [
            (
                follow_up,
                failed
                if failed is not None and failed.prefix == _follow_up_prefix(follow_up)
                else FollowUpForm(prefix=_follow_up_prefix(follow_up)),
            )
            for follow_up in context["follow_ups"]
            if follow_up.done_on is None
        ]
    return context


def _follow_up_prefix(follow_up):
    return f"follow-up-{follow_up.pk}"


@require_GET
def implementation_detail(request, pk):
    implementation = get_implementation_for_user(request, pk)
    return render(request, "implementation/detail.html", _detail_context(request, implementation))


@require_http_methods(["GET", "POST"])
def implementation_edit(request, pk):
    implementation = get_implementation_for_user(request, pk)
    if not request.user.has_perm("implementation.manage_implementation", implementation):
        raise PermissionDenied
    initial = {
        "plan": implementation.plan,
        "starts_on": implementation.starts_on,
        "ends_on": implementation.ends_on,
        "seen_updated_at": implementation.updated_at.isoformat(),
    }
    form = ImplementationPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_edit_implementation(
                request.user,
                implementation,
                plan=data["plan"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                seen_updated_at=parse_seen(data["seen_updated_at"]),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Planen är sparad."))
            return redirect(implementation)
    return render(
        request,
        "implementation/edit.html",
        {"implementation": implementation, "form": form, "nav": "implementation"},
    )


@require_POST
def milestone_add(request, pk):
    implementation = get_implementation_for_user(request, pk)
    if not request.user.has_perm("implementation.manage_implementation", implementation):
        raise PermissionDenied
    form = MilestoneForm(request.POST, auto_id="id_new_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_add_milestone(
                request.user,
                implementation,
                title=data["title"],
                due_on=data["due_on"],
                progress=data["progress"] if data["progress"] is not None else 0,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Delmålet är tillagt."))
            return redirect(f"{implementation.get_absolute_url()}#delmal")
    context = _detail_context(request, implementation, milestone_form=form)
    return render(request, "implementation/detail.html", context, status=422)


@require_http_methods(["GET", "POST"])
def milestone_edit(request, pk, milestone_pk):
    implementation = get_implementation_for_user(request, pk)
    if not request.user.has_perm("implementation.manage_implementation", implementation):
        raise PermissionDenied
    milestone = get_milestone(implementation, milestone_pk)
    initial = {"title": milestone.title, "due_on": milestone.due_on, "progress": milestone.progress}
    form = MilestoneForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_update_milestone(
                request.user,
                milestone,
                title=data["title"],
                due_on=data["due_on"],
                progress=data["progress"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Delmålet är sparat."))
            return redirect(f"{implementation.get_absolute_url()}#delmal")
    return render(
        request,
        "implementation/milestone.html",
        {
            "implementation": implementation,
            "milestone": milestone,
            "form": form,
            "nav": "implementation",
        },
        status=422 if form.errors else 200,
    )


@require_POST
def milestone_done(request, pk, milestone_pk):
    implementation = get_implementation_for_user(request, pk)
    if not request.user.has_perm("implementation.manage_implementation", implementation):
        raise PermissionDenied
    milestone = get_milestone(implementation, milestone_pk)
    actions.do_complete_milestone(request.user, milestone)
    messages.success(request, _("Delmålet ”%(title)s” är klart.") % {"title": milestone.title})
    return redirect(f"{implementation.get_absolute_url()}#delmal")


@require_http_methods(["GET", "POST"])
def handover(request, pk):
    implementation = get_implementation_for_user(request, pk)
    if request.method == "POST" and not implementation.is_active:
        messages.error(request, _("Införandet är redan överlämnat till linjen."))
        return redirect(implementation)
    if not request.user.has_perm("implementation.hand_over_implementation", implementation):
        raise PermissionDenied
    initial = {"line_owner": implementation.owner_id, "line_unit": implementation.receiving_unit_id}
    form = HandoverForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_handover(
                request.user,
                implementation,
                line_owner=data["line_owner"],
                line_unit=data["line_unit"],
                runs_from=data["runs_from"],
                follow_up_dates=form.follow_up_dates(),
                note=data["note"],
            )
        except ValidationError as exc:
            _add_handover_errors(form, exc)
        else:
            messages.success(
                request,
                _("Införandet är överlämnat till linjen, och idén är markerad som införd."),
            )
            return redirect(implementation)
    milestones = list(Milestone.objects.filter(implementation=implementation))
    return render(
        request,
        "implementation/handover.html",
        {
            "implementation": implementation,
            "form": form,
            "progress": overall_progress(milestones),
            "open_milestones": [m for m in milestones if not m.is_done],
            "nav": "implementation",
        },
        status=422 if form.errors else 200,
    )


def _add_handover_errors(form, exc):
    """The action names the follow-up dates as one; the form shows them as separate fields."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        field = "follow_up_1" if name == "follow_up_dates" else name
        form.add_error(field if field in form.fields else None, errors)


@require_POST
def follow_up_done(request, pk, follow_up_pk):
    implementation = get_implementation_for_user(request, pk)
    if not request.user.has_perm("implementation.follow_up_implementation", implementation):
        raise PermissionDenied
    follow_up = get_object_or_404(
        FollowUp, pk=follow_up_pk, handover__implementation=implementation
    )
    follow_up.handover = implementation.handover
    form = FollowUpForm(request.POST, prefix=_follow_up_prefix(follow_up))
    if form.is_valid():
        try:
            actions.do_record_follow_up(request.user, follow_up, note=form.cleaned_data["note"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Uppföljningen är registrerad."))
            return redirect(f"{implementation.get_absolute_url()}#uppfoljning")
    context = _detail_context(request, implementation, follow_up_form=form)
    return render(request, "implementation/detail.html", context, status=422)


@require_http_methods(["GET", "POST"])
def implementation_owner(request, pk):
    implementation = get_implementation_for_user(request, pk)
    if not request.user.has_perm("implementation.reassign_implementation", implementation):
        raise PermissionDenied
    form = OwnerForm(request.POST or None, initial={"owner": implementation.owner_id})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_implementation_owner(
                request.user, implementation, form.cleaned_data["owner"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Införandet har fått en ny ansvarig."))
            return redirect(implementation)
    return render(
        request,
        "implementation/owner.html",
        {"implementation": implementation, "form": form, "nav": "implementation"},
    )
