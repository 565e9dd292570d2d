"""The coordinator's municipality-wide insights (/insikter/), and their downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ideverket.challenges.models import Theme
from ideverket.effects.models import Effect
from ideverket.effects.templatetags.effect_numbers import amount
from ideverket.lib import exports
from ideverket.lib.forms import querystring_without_page
from ideverket.lib.kept import FRESH_MINUTES

from . import cache
from .charts import bar_chart
from .figures import EFFECT_KINDS, Figures, Scope
from .forms import InsightsFilterForm
from .rules import can_view_insights
from .tables import TABLES


def _themes():
    return list(Theme.objects.filter(is_active=True).only("id", "name").order_by("name"))


def _percent(value):
    return "–" if value is None else f"{value} %"


def _days(value):
    return "–" if value is None else _("%(days)s dagar") % {"days": number_format(value, 1)}


@require_GET
def overview(request):
    """Funnel, implementation rate, lead times, waiting, effects and participation.

    The figures come from the cache (cache.py: computed at most FRESH_FOR ago for this viewer
    and these filters), and the page says when they were computed.

    Queries (coordinator, nothing chosen, figures in the cache; 4 in all): the request (3: session,
    the person with their unit, their roles); the cached figures (1). The period, department and
    theme choices are kept per process (forms.InsightsFilterForm), the current period among
    them; a value naming a choice added in the last minute reads them anew (3). When the figures
    are computed (at most once per FRESH_FOR) add their own 11 and the cache write: the funnel
    (2); the implementation rate (1); lead times (1); waiting (2: the departments' own time
    limits, the grouped ideas); effects per department (1), the themes and their sums (2), the
    top goals and their sums (2; none without a stored period); participation (1). A download
    reads the same cached figures.
    See tests/test_query_counts.py.
    """
    if not can_view_insights(request.user):
        raise PermissionDenied
    form = InsightsFilterForm(request.GET or None)
    form.is_valid()  # invalid values are dropped from cleaned_data and shown at their field
    dates, department, theme = form.filters()
    filters = (
        dates.starts_on,
        dates.ends_on,
        cache.pk_of(dates.period),
        cache.pk_of(department),
        cache.pk_of(theme),
    )
    cached = cache.cached(
        "overview",
        request.user,
        filters,
        lambda: Figures(Scope(request.user, dates, department, theme), _themes).snapshot(),
    )
    figures, computed_at = cached.value, cached.computed_at
    filters_query = querystring_without_page(form)

    if fmt := exports.requested_format(request):
        table = TABLES.get(request.GET.get("table", ""))
        if table is not None:
            name, columns, rows = table(figures)
            return exports.export_response(fmt, f"{name} {dates.name}", columns, rows)
        messages.warning(request, _("Välj en av tabellerna på sidan för att ladda ner den."))

    context = {
        "form": form,
        "dates": dates,
        "department": department,
        "theme": theme,
        "figures": figures,
        "computed_at": computed_at,
        "fresh_minutes": FRESH_MINUTES,
        # Drawn only when the sections are rendered, not when they come from the cache.
        "charts": SimpleLazyObject(lambda: _charts(figures)),
        "sections_key": cached.fragment_key,
        "fresh_seconds": int(cache.FRESH_FOR.total_seconds()),
        "export_queries": {key: f"{filters_query}table={key}&" for key in TABLES},
        "filters_query": filters_query,
        "effect_kinds": [(kind, Effect.Kind(kind).label) for kind in EFFECT_KINDS],
        "nav": "insights",
    }
    return render(request, "insights/overview.html", context)


def _charts(figures):
    funnel = bar_chart(
        "chart-funnel",
        _("Idéer per steg under perioden"),
        [(f"{row.label}: {row.count}", [row.count]) for row in figures.funnel],
    )
    rate_rows, rate_total = figures.implementation_rate
    implementation = bar_chart(
        "chart-implementation",
        _("Andel utvärderade tester som infördes, per förvaltning"),
        [
            (f"{row.name}: {_percent(row.rate)}", [row.rate])
            for row in [*rate_rows, rate_total]
            if row.total
        ],
    )
    lead_time = bar_chart(
        "chart-lead-time",
        _("Genomsnittlig ledtid per steg, i dagar"),
        [(f"{row.label}: {_days(row.average)}", [row.average]) for row in figures.lead_times],
    )
    stages, _rows, total = figures.waiting
    waiting = bar_chart(
        "chart-waiting",
        _("Idéer som väntar för länge, per steg"),
        [(f"{label}: {total.counts[stage]}", [total.counts[stage]]) for stage, label in stages],
    )
    effects = []
    table = figures.effects_by_department
    for kind in EFFECT_KINDS:
        label = Effect.Kind(kind).label
        items = [
            (
                row.name,
                [row.value(kind, "expected"), row.value(kind, "realised")],
            )
            for row in table.rows
            if kind in row.sums
        ]
        if items:
            effects.append(
                bar_chart(
                    f"chart-effects-{kind}",
                    _("%(kind)s per förvaltning: förväntad och realiserad") % {"kind": label},
                    [
                        (
                            f"{name}: {amount(values[0]) or '–'} / {amount(values[1]) or '–'}",
                            values,
                        )
                        for name, values in items
                    ],
                    [_("Förväntad"), _("Realiserad")],
                )
            )
    part_rows, part_total = figures.participation
    participation = bar_chart(
        "chart-participation",
        _("Andel aktiva medarbetare som deltog, per förvaltning"),
        [(f"{row.name}: {_percent(row.rate)}", [row.rate]) for row in [*part_rows, part_total]],
    )
    return {
        "funnel": funnel,
        "implementation": implementation,
        "lead_time": lead_time,
        "waiting": waiting,
        "effects": effects,
        "participation": participation,
    }
