"""The insights tables as downloads: the same rows the page shows, with its filters applied.

`TABLES[key](figures)` gives (file name, columns, rows) for `?format=csv&table=<key>`; each
computes only its own section.
"""

from django.utils.translation import gettext as _

from ideverket.effects.models import Effect

from .figures import EFFECT_KINDS


def _funnel(figures):
    columns = [_("Steg"), _("Idéer"), _("Andel av inskickade (%)"), _("Från föregående steg (%)")]
    rows = [[row.label, row.count, row.of_submitted, row.of_previous] for row in figures.funnel]
    return _("tratten"), columns, rows


def _implementation(figures):
    rows, total = figures.implementation_rate
    columns = [
        _("Förvaltning"),
        _("Utvärderade tester"),
        _("Inför"),
        _("Testa igen"),
        _("Avsluta"),
        _("Andel införda (%)"),
    ]
    out = [
        [row.name, row.total, row.implement, row.test_again, row.stop, row.rate]
        for row in [*rows, total]
    ]
    return _("införandegrad"), columns, out


def _lead_time(figures):
    columns = [
        _("Steg"),
        _("Beslut"),
        _("Medel (dagar)"),
        _("Kortast (dagar)"),
        _("Längst (dagar)"),
    ]
    rows = [
        [row.label, row.decisions, row.average, row.shortest, row.longest]
        for row in figures.lead_times
    ]
    return _("ledtid per steg"), columns, rows


def _waiting(figures):
    stages, rows, total = figures.waiting
    columns = [_("Förvaltning"), *[label for _stage, label in stages], _("Totalt")]
    out = [
        [row.name, *[row.counts.get(stage, 0) for stage, _label in stages], row.total]
        for row in [*rows, total]
    ]
    return _("väntar för länge"), columns, out


def effect_columns(first):
    columns = [first]
    for kind in EFFECT_KINDS:
        label = Effect.Kind(kind).label
        columns += [
            _("%(kind)s, förväntad") % {"kind": label},
            _("%(kind)s, realiserad") % {"kind": label},
        ]
    return columns


def _effect_table(table, first):
    rows = [*table.rows, *([table.total] if table.total else [])]
    return effect_columns(first), [[row.name, *row.cells] for row in rows]


def _effects_department(figures):
    columns, rows = _effect_table(figures.effects_by_department, _("Förvaltning"))
    return _("effekter per förvaltning"), columns, rows


def _effects_theme(figures):
    columns, rows = _effect_table(figures.effects_by_theme, _("Tema"))
    return _("effekter per tema"), columns, rows


def _effects_goal(figures):
    columns, rows = _effect_table(figures.effects_by_goal, _("Mål"))
    return _("effekter per mål"), columns, rows


def _participation(figures):
    rows, total = figures.participation
    columns = [_("Förvaltning"), _("Aktiva medarbetare"), _("Deltog"), _("Andel (%)")]
    out = [[row.name, row.people, row.taking_part, row.rate] for row in [*rows, total]]
    return _("delaktighet"), columns, out


TABLES = {
    "funnel": _funnel,
    "implementation": _implementation,
    "lead_time": _lead_time,
    "waiting": _waiting,
    "effects_department": _effects_department,
    "effects_theme": _effects_theme,
    "effects_goal": _effects_goal,
    "participation": _participation,
}
