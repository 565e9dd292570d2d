"""The sums page's figures: expected against realised effects, per group and per kind.

Everything is summed by the database in one grouped query over the effects the user may see
(`Effect.objects.visible_to`); Python only arranges the (few) grouped rows into tables.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Effect


@dataclass
class Row:
    group_id: int | None
    name: str
    effect_count: int = 0
    measured_count: int = 0
    expected: object = None
    realised: object = None

    @property
    def share(self):
        """Realised as a whole percentage of expected, or None."""
        if not self.expected or self.realised is None:
            return None
        return round(self.realised / self.expected * 100)

    def add(self, other):
        self.effect_count += other.effect_count
        self.measured_count += other.measured_count
        for name in ("expected", "realised"):
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, (getattr(self, name) or 0) + value)


@dataclass
class KindTable:
    kind: str
    label: str
    unit_of_measure: str
    summed: bool
    rows: list = field(default_factory=list)
    total: Row = None


def effect_sums_tables(user, *, department=None, kind=None):
    """A KindTable for each kind of effect `user` may see, in the order of Effect.Kind.

    Without a department the rows are departments; with one, the units of that department.
    Each table's `total` is the kind's sum over all its rows.
    """
    effects = Effect.objects.visible_to(user)
    if kind:
        effects = effects.filter(kind=kind)
    if department is not None:
        group, name = "unit", "unit__name"
        grouped = effects.filter(department=department).sums_by(group, name, "unit__path", "kind")
        grouped = grouped.order_by("unit__path", "kind")
        total_name = _("Hela förvaltningen")
    else:
        group, name = "department", "department__name"
        grouped = effects.sums_by(group, name, "kind").order_by("department__name", "kind")
        total_name = _("Alla förvaltningar")

    order = {value: index for index, value in enumerate(Effect.Kind.values)}
    tables = {}
    for item in grouped:
        kind_value = item["kind"]
        if kind_value not in tables:
            tables[kind_value] = KindTable(
                kind=kind_value,
                label=Effect.Kind(kind_value).label,
                unit_of_measure=Effect.UNIT_OF_MEASURE.get(kind_value, ""),
                summed=kind_value in Effect.NUMERIC,
                total=Row(group_id=None, name=total_name),
            )
        row = Row(
            group_id=item[group],
            name=item[name] or _("Kommungemensamt"),
            effect_count=item["effect_count"],
            measured_count=item["measured_count"],
            expected=item["expected"],
            realised=item["realised"],
        )
        tables[kind_value].rows.append(row)
        tables[kind_value].total.add(row)
    return sorted(tables.values(), key=lambda table: order.get(table.kind, len(order)))
