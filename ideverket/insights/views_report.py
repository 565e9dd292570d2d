"""The follow-up report (uppföljningsrapport): a printable page, the whole report as XLSX (one
sheet per section) and one section at a time as CSV (?format=csv&section=…).

Anyone logged in may open it for any department or the whole municipality: it is computed over
what the viewer may see (report.py), like a public-records extract.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from ideverket.goals.models import Period
from ideverket.lib import exports
from ideverket.lib.forms import SafeModelChoiceField
from ideverket.lib.kept import FRESH_MINUTES
from ideverket.org.models import Unit

from . import cache
from . import report as reports

UNKNOWN = gettext_lazy("Värdet finns inte bland valen. Rapporten visar standardvalet i stället.")


class ReportFilterForm(forms.Form):
    """The report's filters; an unknown value is shown as an error and replaced by the default."""

    period = SafeModelChoiceField(
        label=gettext_lazy("Period"),
        required=False,
        empty_label=None,
        queryset=Period.objects.order_by("-starts_on").only("id", "name", "starts_on", "ends_on"),
        error_messages={"invalid_choice": UNKNOWN},
    )
    tertial = forms.ChoiceField(
        label=gettext_lazy("Del av perioden"),
        required=False,
        choices=reports.TERTIAL_CHOICES,
        error_messages={"invalid_choice": UNKNOWN},
    )
    department = SafeModelChoiceField(
        label=gettext_lazy("Förvaltning"),
        required=False,
        empty_label=gettext_lazy("Hela kommunen"),
        queryset=Unit.objects.departments().order_by("name").only("id", "name", "path"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Välj en förvaltning i listan. Rapporten visar hela kommunen i stället."
            )
        },
    )
    section = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(key, label) for key, label in reports.SECTIONS],
        error_messages={"invalid_choice": gettext_lazy("Den delen av rapporten finns inte.")},
    )

    def __init__(self, data=None):
        # A mutable copy: an invalid value is replaced by the default before the form is shown.
        super().__init__(data.copy() if data is not None else None)

    def use_default(self, name, value):
        self.data[name] = "" if value is None else str(getattr(value, "pk", value))


@require_GET
def followup_report(request):
    """The report for the chosen period, tertial and department; or its XLSX/CSV download.

    The page's report comes from the cache (cache.py: built at most FRESH_FOR ago for this
    viewer, window and department) and says when it was built; the downloads are built anew
    with every row.

    Queries (report in the cache): the request's own (session, user, roles, badge: 4; the
    viewer's unit: +1 for anyone but the coordinator); the period and department lookups (when
    given) or the default period (1–2); the cached report (1); the period and department
    choices when the page is rendered (3). Building the report (at most once per FRESH_FOR, and
    for every download) adds report.py's own queries and, on the page, the cache write (3).
    """
    form = ReportFilterForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    period = data.get("period")
    if period is None:
        period = reports.default_period()
        form.use_default("period", period)
    tertial = data.get("tertial") or ""
    window = reports.window_for(period, tertial) if period else None
    if period is not None and window is None:
        form.add_error(
            "tertial",
            _("Perioden %(period)s har ingen %(tertial)s. Rapporten visar hela perioden.")
            % {"period": period.name, "tertial": f"T{tertial}"},
        )
        form.use_default("tertial", "")
        window = reports.window_for(period)
    department = data.get("department")
    for name in ("tertial", "department"):
        if name in form.errors and name not in data:
            form.use_default(name, None)

    context = {"form": form, "nav": "report", "window": window, "department": department}
    if window is None:
        return render(request, "insights/report.html", context)

    fmt = exports.requested_format(request)
    if fmt == "xlsx":
        built = reports.build_report(request.user, window, department, limit=None)
        return _xlsx_response(built)
    if fmt == "csv" and data.get("section"):
        built = reports.build_report(request.user, window, department, limit=None)
        return _csv_response(built, data["section"])
    if "section" in form.errors:
        # Not a field on the page: the message goes to the top of the form.
        form.add_error(None, form.errors.pop("section"))
    elif fmt == "csv":
        form.add_error(None, _("Välj vilken del av rapporten du vill ladda ner som CSV."))

    built, computed_at, _key = cache.cached(
        "report",
        request.user,
        (period.pk, window.tertial, window.starts_on, window.ends_on, cache.pk_of(department)),
        lambda: reports.build_report(request.user, window, department),
    )
    filters = {"period": period.pk}
    if window.tertial:
        filters["tertial"] = window.tertial
    if department is not None:
        filters["department"] = department.pk
    context.update(
        report=built,
        computed_at=computed_at,
        fresh_minutes=FRESH_MINUTES,
        export_query=urlencode(filters) + "&",
        sections=[(key, label) for key, label in reports.SECTIONS],
        trial_results=[
            (reports.trial_result_label(key), count)
            for key, count in _ordered_results(built.trial_results)
        ],
        lessons=[
            {**row, "source": reports.lesson_source_label(row["subject_type_id"])}
            for row in built.lessons.rows
        ],
    )
    return render(request, "insights/report.html", context)


def _ordered_results(results):
    order = [*reports.TRIAL_RESULTS, ""]
    return [(key, results[key]) for key in order if results.get(key)]


def _filename_stem(built):
    scope = built.department.name if built.department else _("kommunen")
    return f"uppfoljning-{built.window.label}-{scope}"


def _xlsx_response(built):
    sheets = []
    for key, label in reports.SECTIONS:
        columns, rows = reports.section_table(built, key)
        sheets.append((str(label), columns, rows))
    filename = f"{slugify(_filename_stem(built))}-{timezone.localdate().isoformat()}.xlsx"
    response = HttpResponse(exports.workbook_bytes(sheets), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _csv_response(built, section):
    columns, rows = reports.section_table(built, section)
    return exports.export_response(
        "csv", f"{_filename_stem(built)}-{slugify(section)}", columns, rows
    )
