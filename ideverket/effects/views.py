"""Effect pages: the panel on an idea, adding an expected effect, recording a measured value,
and the sums per department and unit."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from ideverket.lib import exports, subjects
from ideverket.lib.forms import is_id, querystring_without_page

from . import actions
from .forms import EffectForm, MeasurementForm, SumsFilterForm
from .models import Effect, Measurement
from .rules import can_edit_subject
from .sums import effect_sums_tables


def get_effect_for_user(request, pk):
    """The effect if the user may see its subject; 404 both when missing and when hidden."""
    if not is_id(pk):
        raise Http404
    effect = (
        Effect.objects.visible_to(request.user)
        .with_latest()
        .select_related("unit")
        .filter(pk=pk)
        .first()
    )
    if effect is None:
        raise Http404
    return effect


def _subject_url(kind, subject):
    return f"{kind.url(subject)}#effekter"


def subject_panel(label):
    """A page panel (see ideas/panels.py) with the "Effekter" section of a `label` subject.

    Queries: the effects with their latest measurement (one statement, correlated subqueries),
    plus, for people who are not deciders, handler or coach, the subject's commitment owners
    (shared with the lessons panel).
    """

    def loader(request, subject):
        if getattr(subject, "stage", None) == "draft":
            return None
        may_edit = can_edit_subject(request.user, subject)
        effects = list(Effect.objects.for_subject(subject).with_latest().select_related("unit"))
        if not effects and not may_edit:
            return None
        return {
            "effects": effects,
            "may_edit": may_edit,
            "add_url": reverse("effects:create", args=[label, subject.pk]),
        }

    return loader


idea_panel = subject_panel("ideas.idea")


@require_http_methods(["GET", "POST"])
def effect_create(request, subject_label, subject_id):
    kind, subject = subjects.get_visible_or_404(request.user, subject_label, subject_id)
    if not can_edit_subject(request.user, subject):
        raise PermissionDenied
    form = EffectForm(request.POST or None, default_unit=kind.unit_of(subject))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_add_effect(
                request.user,
                subject,
                kind=data["kind"],
                description=data["description"],
                indicator=data["indicator"],
                baseline=data["baseline"],
                target=data["target"],
                unit=data["unit"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Den förväntade effekten är tillagd."))
            return redirect(_subject_url(kind, subject))
    return render(
        request,
        "effects/effect_form.html",
        {
            "form": form,
            "subject": subject,
            "subject_title": kind.title(subject),
            "subject_url": kind.url(subject),
        },
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def measurement_create(request, pk):
    effect = get_effect_for_user(request, pk)
    kind = subjects.kind_for_type(effect.subject_type_id)
    if kind is None:
        raise Http404
    # Through the kind's visible queryset again: it brings what can_edit needs along.
    kind, subject = subjects.get_visible_or_404(request.user, kind.label, effect.subject_id)
    effect.subject = subject
    if not can_edit_subject(request.user, subject):
        raise PermissionDenied
    form = MeasurementForm(request.POST or None, instance=Measurement(effect=effect))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_record_measurement(
                request.user, effect, data["value"], data["measured_on"], data["note"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Det uppmätta värdet är registrerat."))
            return redirect(_subject_url(kind, subject))
    history = list(effect.measurements.select_related("recorded_by"))
    return render(
        request,
        "effects/measurement_form.html",
        {
            "form": form,
            "effect": effect,
            "history": history,
            "subject_title": kind.title(subject),
            "subject_url": kind.url(subject),
        },
        status=422 if form.errors else 200,
    )


def _sums_columns(department):
    """The columns of the sums download: one row per group and kind, then each kind's total."""
    return [
        (
            gettext_lazy("Enhet") if department else gettext_lazy("Förvaltning"),
            lambda item: item[1].name,
        ),
        (gettext_lazy("Slag av effekt"), lambda item: item[0].label),
        (gettext_lazy("Måttenhet"), lambda item: item[0].unit_of_measure),
        (gettext_lazy("Effekter"), lambda item: item[1].effect_count),
        (gettext_lazy("Varav uppmätta"), lambda item: item[1].measured_count),
        (gettext_lazy("Förväntad"), lambda item: item[1].expected),
        (gettext_lazy("Realiserad"), lambda item: item[1].realised),
        (gettext_lazy("Andel (procent)"), lambda item: item[1].share),
    ]


@require_GET
def effect_sums(request):
    """Expected against realised effects per department (or per unit of one department)."""
    form = SumsFilterForm(request.GET or None)
    form.is_valid()  # invalid values are dropped from cleaned_data and shown as errors
    data = getattr(form, "cleaned_data", {})
    department = data.get("department")
    tables = effect_sums_tables(request.user, department=department, kind=data.get("kind"))
    rows = [(table, row) for table in tables for row in [*table.rows, table.total]]
    if response := exports.download(request, _("effekter"), _sums_columns(department), rows):
        return response
    return render(
        request,
        "effects/sums.html",
        {
            "form": form,
            "department": department,
            "tables": tables,
            "export_query": querystring_without_page(form),
            "nav": "effects",
        },
    )
