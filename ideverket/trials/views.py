"""Trial pages: the list, a trial with its plan, updates and timeline, and its evaluation."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.activity.models import Event
from ideverket.effects.views import subject_panel as effects_subject_panel
from ideverket.lessons.views import subject_panel as lessons_subject_panel
from ideverket.lib import exports
from ideverket.lib.forms import parse_seen, querystring_without_page
from ideverket.lib.htmx import partial_or_page

from . import actions, page_panels
from .forms import EvaluationForm, OwnerForm, TrialFilterForm, TrialPlanForm, TrialUpdateForm
from .models import Criterion, Trial, TrialUpdate

effects_panel = effects_subject_panel("trials.trial")
lessons_panel = lessons_subject_panel("trials.trial")


def get_trial_for_user(request, pk):
    """The trial if the user may see its idea; 404 both when it is missing and when hidden."""
    queryset = Trial.objects.visible_to(request.user).select_related(
        "idea__owner_unit",
        "owner",
        "evaluated_by",
        "decision__decided_by",
        "decision__commitment__receiving_unit",
        "decision__commitment__owner",
    )
    return get_object_or_404(queryset, pk=pk)


def _receiving_unit_name(trial):
    commitment = getattr(trial.decision, "commitment", None)
    return commitment.receiving_unit.name if commitment else ""


def _trial_columns(request):
    """The columns of the trial list's download."""
    return [
        (gettext_lazy("Id"), lambda trial: trial.pk),
        (gettext_lazy("Idé"), lambda trial: trial.idea.title),
        (gettext_lazy("Status"), lambda trial: trial.get_status_display()),
        (
            gettext_lazy("Förvaltning"),
            lambda trial: exports.name_of(trial.idea.owner_unit.department),
        ),
        (gettext_lazy("Enhet"), lambda trial: trial.idea.owner_unit.name),
        (gettext_lazy("Mottagande enhet"), _receiving_unit_name),
        (gettext_lazy("Ansvarig"), lambda trial: trial.owner.name),
        (gettext_lazy("Startar"), lambda trial: trial.starts_on),
        (gettext_lazy("Slutar"), lambda trial: trial.ends_on),
        (gettext_lazy("Kriterier"), lambda trial: trial.criteria_total),
        (gettext_lazy("Kriterier uppfyllda"), lambda trial: trial.criteria_met),
        (gettext_lazy("Utvärderat"), lambda trial: trial.evaluated_at),
        (gettext_lazy("Flaggat"), lambda trial: trial.is_flagged),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def trial_list(request):
    form = TrialFilterForm(request.GET or None)
    form.is_valid()  # invalid values are left out of cleaned_data, so filter() ignores them
    trials = form.filter(Trial.objects.visible_to(request.user).for_list())
    # The download: one query, all rows of the filter (department joined in, nothing prefetched).
    rows = trials.select_related("idea__owner_unit__department")
    if response := exports.download(
        request, _("tester"), _trial_columns(request), rows.iterator(exports.CHUNK_SIZE)
    ):
        return response
    page = Paginator(trials, settings.IDEVERKET["PAGE_SIZE"]).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "querystring_without_page": querystring_without_page(form),
        "nav": "trials",
    }
    return render(request, partial_or_page(request, "trials/list.html", "results"), context)


def _detail_context(request, trial, **forms):
    user = request.user
    may_manage = user.has_perm("trials.manage_trial", trial)
    context = {
        "trial": trial,
        "idea": trial.idea,
        "commitment": trial.decision.commitment,
        "criteria": list(Criterion.objects.filter(trial=trial)),
        "updates": list(TrialUpdate.objects.filter(trial=trial).select_related("author")),
        "timeline": list(Event.objects.for_subject(trial).timeline()),
        "may_manage": may_manage,
        "may_evaluate": user.has_perm("trials.evaluate_trial", trial),
        "may_reassign": user.has_perm("trials.reassign_trial", trial),
        "owner_left": not trial.owner.is_active,
        "nav": "trials",
        # Effects measured on the trial itself and its lessons (the effects and lessons apps).
        "effects_panel": effects_panel(request, trial),
        "lessons_panel": lessons_panel(request, trial),
        # Sections other apps add (page_panels.py): the trial's goals.
        "panels": page_panels.render_context(request, trial),
    }
    if may_manage:
        context["update_form"] = forms.get("update_form") or TrialUpdateForm()
    return context


@require_GET
def trial_detail(request, pk):
    trial = get_trial_for_user(request, pk)
    return render(request, "trials/detail.html", _detail_context(request, trial))


@require_http_methods(["GET", "POST"])
def trial_edit(request, pk):
    trial = get_trial_for_user(request, pk)
    if not request.user.has_perm("trials.manage_trial", trial):
        raise PermissionDenied
    initial = {
        "hypothesis": trial.hypothesis,
        "plan": trial.plan,
        "participants": trial.participants,
        "starts_on": trial.starts_on,
        "ends_on": trial.ends_on,
        "seen_updated_at": trial.updated_at.isoformat(),
    }
    form = TrialPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_edit_trial(
                request.user,
                trial,
                hypothesis=data["hypothesis"],
                plan=data["plan"],
                participants=data["participants"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                seen_updated_at=parse_seen(data["seen_updated_at"]),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Testets plan är sparad."))
            return redirect(trial)
    return render(request, "trials/edit.html", {"trial": trial, "form": form, "nav": "trials"})


@require_POST
def trial_report(request, pk):
    trial = get_trial_for_user(request, pk)
    if not request.user.has_perm("trials.manage_trial", trial):
        raise PermissionDenied
    form = TrialUpdateForm(request.POST)
    if form.is_valid():
        try:
            actions.do_report_trial(
                request.user,
                trial,
                text=form.cleaned_data["text"],
                health=form.cleaned_data["health"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Lägesrapporten är sparad."))
            return redirect(f"{trial.get_absolute_url()}#lagesrapporter")
    context = _detail_context(request, trial, update_form=form)
    return render(request, "trials/detail.html", context, status=422)


@require_http_methods(["GET", "POST"])
def trial_evaluate(request, pk):
    trial = get_trial_for_user(request, pk)
    if request.method == "POST" and not trial.is_open:
        # Someone evaluated it while this person had the form open: say so, not "forbidden".
        messages.error(request, _("Testet är redan utvärderat."))
        return redirect(trial)
    if not request.user.has_perm("trials.evaluate_trial", trial):
        raise PermissionDenied
    criteria = list(Criterion.objects.filter(trial=trial))
    form = EvaluationForm(request.POST or None, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_evaluate_trial(
                request.user, trial, form.results(), data["summary"], data["lessons"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _(
                    "Testet är utvärderat. Nu beslutar ni om idén ska införas, testas igen "
                    "eller avslutas."
                ),
            )
            return redirect(trial)
    return render(
        request,
        "trials/evaluate.html",
        {
            "trial": trial,
            "commitment": trial.decision.commitment,
            "form": form,
            "nav": "trials",
        },
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def trial_owner(request, pk):
    trial = get_trial_for_user(request, pk)
    if not request.user.has_perm("trials.reassign_trial", trial):
        raise PermissionDenied
    form = OwnerForm(request.POST or None, initial={"owner": trial.owner_id})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_trial_owner(request.user, trial, form.cleaned_data["owner"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Testet har fått en ny ansvarig."))
            return redirect(trial)
    return render(
        request,
        "trials/owner.html",
        {
            "trial": trial,
            "commitment": trial.decision.commitment,
            "form": form,
            "nav": "trials",
        },
    )
