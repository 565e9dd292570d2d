"""Reading a goal system's export (Stratsys, Hypergene) as CSV or XLSX, and planning its import.

One row per goal, with a reference to its parent; a goal with several indicators (or several
measured values) repeats its row. The columns are documented in docs/goal-import.md.

    plan = plan_file(filename, content)   # never writes; plan.errors or plan.rows
    apply_plan(plan, user)                # inside do_apply_goal_import's transaction

Everything that can be wrong with a row is found before anything is written, and reported
per row and column in Swedish; a file with any error is not applied at all.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideverket.lib import tables
from ideverket.lib.tables import FileRejected, text_of
from ideverket.lib.text import search_key
from ideverket.org.models import Unit

from .models import Goal, Indicator, IndicatorValue, Period

MAX_BYTES = tables.MAX_BYTES
MAX_ROWS = tables.MAX_ROWS
MAX_ERRORS = 200

# Canonical column → the header spellings accepted (compared case-folded, spaces as "_").
COLUMNS = {
    "period": ("period", "år", "ar"),
    "referens": ("referens", "ref", "målreferens", "mal_referens", "id"),
    "överordnad_referens": (
        "överordnad_referens",
        "overordnad_referens",
        "överordnad",
        "förälder",
    ),
    "nivå": ("nivå", "niva"),
    "mål": ("mål", "mal", "målnamn", "rubrik"),
    "beskrivning": ("beskrivning",),
    "ansvarig_enhet": ("ansvarig_enhet", "ansvarig", "enhet_id"),
    "nämnd": ("nämnd", "namnd"),
    "indikator_referens": ("indikator_referens", "indikatorreferens", "indikator_id"),
    "indikator": ("indikator", "indikatornamn"),
    "enhet": ("enhet", "måttenhet", "mattenhet"),
    "riktning": ("riktning",),
    "utgångsläge": ("utgångsläge", "utgangslage", "utgångsvärde"),
    "målvärde": ("målvärde", "malvarde"),
    "värde": ("värde", "varde", "utfall"),
    "mätdatum": ("mätdatum", "matdatum", "datum"),
}
REQUIRED = ("period", "referens", "nivå", "mål")
INDICATOR_COLUMNS = ("indikator", "enhet", "riktning", "utgångsläge", "målvärde")
MAX_LENGTH = {
    "referens": 50,
    "överordnad_referens": 50,
    "mål": 300,
    "beskrivning": 5000,
    "nämnd": 200,
    "indikator_referens": 50,
    "indikator": 300,
    "enhet": 50,
}
LEVELS = {
    Goal.Level.COUNCIL: ("kf", "kommunfullmäktige", "kommunfullmäktiges mål", "fullmäktige"),
    Goal.Level.COMMITTEE: ("nämnd", "nämndmål", "nämndens mål"),
    Goal.Level.DEPARTMENT: ("förvaltning", "förvaltningsmål", "enhet", "enhetsmål"),
}
LEVEL_RANK = {Goal.Level.COUNCIL: 0, Goal.Level.COMMITTEE: 1, Goal.Level.DEPARTMENT: 2}
DIRECTIONS = {
    Indicator.Direction.INCREASE: ("högre", "öka", "högre är bättre", "increase"),
    Indicator.Direction.DECREASE: ("lägre", "minska", "lägre är bättre", "decrease"),
}
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_NUMBER = re.compile(r"^-?\d{1,12}(\.\d+)?$")


class ImportRejected(Exception):
    """Row-level errors found when the import was applied (the plan no longer holds)."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass
class GoalPlan:
    key: tuple  # (period name, reference)
    row: int
    period_name: str
    reference: str
    parent_ref: str
    level: str
    title: str
    description: str
    owner_unit: object
    committee: str
    existing: object = None
    action: str = "create"
    changed: list = field(default_factory=list)


@dataclass
class IndicatorPlan:
    goal_key: tuple
    row: int
    reference: str
    name: str
    unit_of_measure: str
    direction: str
    baseline: object
    target: object
    existing: object = None
    action: str = "create"


@dataclass
class ValuePlan:
    indicator_key: tuple
    row: int
    measured_on: datetime.date
    value: Decimal
    existing: object = None
    action: str = "create"


@dataclass
class RowPlan:
    """What happens because of one row of the file, for the preview."""

    row: int
    reference: str
    title: str
    goal_action: str
    indicator: str = ""
    indicator_action: str = ""
    value_action: str = ""


@dataclass
class Plan:
    errors: list = field(default_factory=list)
    new_periods: list = field(default_factory=list)
    goals: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)

    def summary(self):
        def counts(items):
            out = {"create": 0, "change": 0, "unchanged": 0}
            for item in items:
                out[item.action] += 1
            return out

        return {
            "periods": len(self.new_periods),
            "goals": counts(self.goals.values()),
            "indicators": counts(self.indicators.values()),
            "values": counts(self.values.values()),
        }

    @property
    def changes_anything(self):
        summary = self.summary()
        return bool(summary["periods"]) or any(
            summary[name]["create"] or summary[name]["change"]
            for name in ("goals", "indicators", "values")
        )


ACTION_LABELS = {
    "create": gettext_lazy("Skapas"),
    "change": gettext_lazy("Ändras"),
    "unchanged": gettext_lazy("Oförändrat"),
}


def sha256_of(content):
    return hashlib.sha256(content).hexdigest()


# -- reading -------------------------------------------------------------------------------


def read_table(filename, content):
    """(header keys, [(row number, {column: raw value})]) or FileRejected."""
    table = tables.read_table(
        filename,
        content,
        columns=COLUMNS,
        required=REQUIRED,
        header_example="period;referens;överordnad_referens;nivå;mål",
        no_data_message=_("Filen har bara en rubrikrad och inga mål."),
        max_bytes=MAX_BYTES,
        max_rows=MAX_ROWS,
    )
    return table.keys, table.rows


# -- cell values ---------------------------------------------------------------------------


class CellError(Exception):
    pass


def parse_number(value):
    """A decimal from "1 234,5", "1234.5", -12 or an Excel number; CellError if malformed."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError
    if isinstance(value, (int, float, Decimal)):
        text = format(Decimal(str(value)), "f")
    else:
        text = _SPACES.sub("", str(value)[:100]).replace("\u2212", "-")
        if not text:
            return None
        if "," in text and "." in text:
            raise CellError
        text = text.replace(",", ".")
    if not _NUMBER.match(text):
        raise CellError
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise CellError from exc
    if number != number.quantize(Decimal("0.01")):
        raise CellError
    return number.quantize(Decimal("0.01"))


def parse_date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise CellError
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise CellError from exc


def _choice(text, table):
    key = search_key(text)
    for value, names in table.items():
        if key == value or key in names or key == search_key(value.label):
            return value
    return None


# -- planning ------------------------------------------------------------------------------


class _Units:
    """Units by external id and by name, loaded once."""

    def __init__(self):
        self.by_external = {}
        self.by_name = {}
        for unit in Unit.objects.active().only("id", "name", "external_id", "path"):
            if unit.external_id:
                self.by_external[unit.external_id.strip().casefold()] = unit
            self.by_name.setdefault(search_key(unit.name), []).append(unit)

    def find(self, text):
        """(unit, error message or None)."""
        key = text.strip().casefold()
        if key in self.by_external:
            return self.by_external[key], None
        found = self.by_name.get(search_key(text), [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, _("Flera enheter heter ”%(name)s”. Ange enhetens externa id.") % {
                "name": text
            }
        return None, _("Enheten ”%(name)s” finns inte. Ange namnet eller det externa id:t.") % {
            "name": text
        }


def plan_file(filename, content):
    """Read and check the whole file; return a Plan (its errors, or what would change)."""
    plan = Plan()
    try:
        _keys, rows = read_table(filename, content)
    except FileRejected as exc:
        plan.errors.append(RowError(0, "", exc.message))
        return plan

    errors = plan.errors
    periods = {p.name: p for p in Period.objects.all()}
    units = _Units()
    row_goal = {}  # row number → goal key
    row_indicator = {}

    def error(row, column, message):
        if len(errors) < MAX_ERRORS:
            errors.append(RowError(row, column, message))

    for number, cells in rows:
        texts = {}
        bad = False
        for column, raw in cells.items():
            if column in ("utgångsläge", "målvärde", "värde", "mätdatum"):
                continue
            texts[column] = text_of(raw)
            limit = MAX_LENGTH.get(column)
            if limit and len(texts[column]) > limit:
                error(
                    number,
                    column,
                    _("Högst %(max)s tecken (här %(n)s).")
                    % {"max": limit, "n": len(texts[column])},
                )
                bad = True
        for column in REQUIRED:
            if not texts.get(column):
                error(number, column, _("Fältet får inte vara tomt."))
                bad = True

        period_name = texts.get("period", "")
        if period_name and period_name not in periods:
            if re.fullmatch(r"(19|20)\d\d", period_name):
                if period_name not in plan.new_periods:
                    plan.new_periods.append(period_name)
            else:
                error(
                    number,
                    "period",
                    _("Perioden ”%(name)s” finns inte. Ange ett år, till exempel 2025.")
                    % {"name": period_name},
                )
                bad = True

        level = _choice(texts.get("nivå", ""), LEVELS) if texts.get("nivå") else None
        if texts.get("nivå") and level is None:
            error(
                number,
                "nivå",
                _("Okänd nivå ”%(value)s”. Använd kommunfullmäktige, nämnd eller förvaltning.")
                % {"value": texts["nivå"]},
            )
            bad = True

        owner_unit = None
        if texts.get("ansvarig_enhet"):
            owner_unit, message = units.find(texts["ansvarig_enhet"])
            if message:
                error(number, "ansvarig_enhet", message)
                bad = True

        numbers = {}
        for column in ("utgångsläge", "målvärde", "värde"):
            try:
                numbers[column] = parse_number(cells.get(column))
            except CellError:
                error(
                    number,
                    column,
                    _("”%(value)s” är inte ett tal. Skriv till exempel 1 234,5.")
                    % {"value": text_of(cells.get(column))[:50]},
                )
                bad = True
        try:
            measured_on = parse_date(cells.get("mätdatum"))
        except CellError:
            error(
                number,
                "mätdatum",
                _("”%(value)s” är inte ett datum. Skriv datumet som ÅÅÅÅ-MM-DD.")
                % {"value": text_of(cells.get("mätdatum"))[:50]},
            )
            measured_on, bad = None, True

        direction = Indicator.Direction.INCREASE
        if texts.get("riktning"):
            direction = _choice(texts["riktning"], DIRECTIONS)
            if direction is None:
                error(number, "riktning", _("Skriv ”högre” eller ”lägre”."))
                bad = True

        has_indicator = any(texts.get(c) for c in ("indikator_referens", "indikator", "enhet"))
        has_indicator = has_indicator or any(
            numbers.get(c) is not None for c in ("utgångsläge", "målvärde", "värde")
        )
        has_indicator = has_indicator or measured_on is not None
        if has_indicator:
            for column in ("indikator_referens", "indikator"):
                if not texts.get(column):
                    error(number, column, _("Fältet behövs när raden har en indikator."))
                    bad = True
        if numbers.get("värde") is not None and measured_on is None and not bad:
            error(number, "mätdatum", _("Ett värde behöver ett mätdatum."))
            bad = True
        if measured_on is not None and numbers.get("värde") is None and not bad:
            error(number, "värde", _("Ett mätdatum behöver ett värde."))
            bad = True
        if bad:
            continue

        key = (period_name, texts["referens"])
        goal = GoalPlan(
            key=key,
            row=number,
            period_name=period_name,
            reference=texts["referens"],
            parent_ref=texts.get("överordnad_referens", ""),
            level=level,
            title=texts["mål"],
            description=texts.get("beskrivning", ""),
            owner_unit=owner_unit,
            committee=texts.get("nämnd", ""),
        )
        earlier = plan.goals.get(key)
        if earlier is None:
            plan.goals[key] = goal
        else:
            for column, attr in (
                ("överordnad_referens", "parent_ref"),
                ("nivå", "level"),
                ("mål", "title"),
                ("beskrivning", "description"),
                ("ansvarig_enhet", "owner_unit"),
                ("nämnd", "committee"),
            ):
                if getattr(earlier, attr) != getattr(goal, attr):
                    error(
                        number,
                        column,
                        _(
                            "Referensen %(ref)s finns redan på rad %(row)s med ett annat "
                            "värde i den här kolumnen. Samma referens får bara förekomma en "
                            "gång per period, eller upprepas med samma uppgifter."
                        )
                        % {"ref": goal.reference, "row": earlier.row},
                    )
                    bad = True
                    break
            if bad:
                continue
        row_goal[number] = key

        if not has_indicator:
            continue
        ind_key = (*key, texts["indikator_referens"])
        indicator = IndicatorPlan(
            goal_key=key,
            row=number,
            reference=texts["indikator_referens"],
            name=texts["indikator"],
            unit_of_measure=texts.get("enhet", ""),
            direction=direction,
            baseline=numbers.get("utgångsläge"),
            target=numbers.get("målvärde"),
        )
        earlier_ind = plan.indicators.get(ind_key)
        if earlier_ind is None:
            plan.indicators[ind_key] = indicator
        else:
            for column, attr in (
                ("indikator", "name"),
                ("enhet", "unit_of_measure"),
                ("riktning", "direction"),
                ("utgångsläge", "baseline"),
                ("målvärde", "target"),
            ):
                if getattr(earlier_ind, attr) != getattr(indicator, attr):
                    error(
                        number,
                        column,
                        _(
                            "Indikatorn %(ref)s finns redan på rad %(row)s med ett annat "
                            "värde i den här kolumnen."
                        )
                        % {"ref": indicator.reference, "row": earlier_ind.row},
                    )
                    bad = True
                    break
            if bad:
                continue
        row_indicator[number] = ind_key
        if measured_on is not None:
            value_key = (*ind_key, measured_on)
            earlier_value = plan.values.get(value_key)
            if earlier_value is not None and earlier_value.value != numbers["värde"]:
                error(
                    number,
                    "värde",
                    _("Rad %(row)s har redan ett annat värde för samma indikator och datum.")
                    % {"row": earlier_value.row},
                )
                continue
            if earlier_value is None:
                plan.values[value_key] = ValuePlan(
                    indicator_key=ind_key,
                    row=number,
                    measured_on=measured_on,
                    value=numbers["värde"],
                )

    _check_tree(plan, periods, error)
    if errors:
        errors.sort(key=lambda e: (e.row, e.column))
        return plan
    _compare_with_database(plan, periods)
    for number, _cells in rows:
        goal = plan.goals[row_goal[number]]
        row = RowPlan(number, goal.reference, goal.title, goal.action)
        if number in row_indicator:
            indicator = plan.indicators[row_indicator[number]]
            row.indicator = indicator.name
            row.indicator_action = indicator.action
            for value in plan.values.values():
                if value.row == number:
                    row.value_action = value.action
        plan.rows.append(row)
    return plan


def _existing_goals(periods, period_names):
    """{(period name, reference): Goal} for the periods the file touches (one query)."""
    ids = [periods[name].pk for name in period_names if name in periods]
    goals = Goal.objects.filter(period_id__in=ids).select_related("parent", "period", "owner_unit")
    return {(goal.period.name, goal.reference): goal for goal in goals}


def _check_tree(plan, periods, error):
    """Unknown parents, cycles and a level above its parent's, over the file and database."""
    existing = _existing_goals(periods, {key[0] for key in plan.goals})
    plan._existing = existing

    def parent_of(key):
        if key in plan.goals:
            ref = plan.goals[key].parent_ref
            return (key[0], ref) if ref else None
        goal = existing.get(key)
        return (key[0], goal.parent.reference) if goal and goal.parent_id else None

    def level_of(key):
        if key in plan.goals:
            return plan.goals[key].level
        goal = existing.get(key)
        return goal.level if goal else None

    in_cycle = set()
    for key, goal in plan.goals.items():
        if not goal.parent_ref:
            continue
        parent_key = (key[0], goal.parent_ref)
        if parent_key not in plan.goals and parent_key not in existing:
            error(
                goal.row,
                "överordnad_referens",
                _("Det överordnade målet %(ref)s finns varken i filen eller i perioden %(p)s.")
                % {"ref": goal.parent_ref, "p": key[0]},
            )
            continue
        seen = [key]
        current = parent_key
        while current is not None:
            if current in seen:
                if key not in in_cycle:
                    cycle = seen[seen.index(current) :] + [current]
                    in_cycle.update(cycle)
                    error(
                        goal.row,
                        "överordnad_referens",
                        _("Målen bildar en cirkel: %(chain)s.")
                        % {"chain": " → ".join(k[1] for k in cycle)},
                    )
                break
            seen.append(current)
            current = parent_of(current)
        else:
            parent_level = level_of(parent_key)
            if parent_level and LEVEL_RANK[goal.level] < LEVEL_RANK[parent_level]:
                error(
                    goal.row,
                    "nivå",
                    _("Ett mål kan inte ligga på en högre nivå än sitt överordnade mål (%(l)s).")
                    % {"l": Goal.Level(parent_level).label},
                )


def _compare_with_database(plan, periods):
    existing = plan._existing
    for key, goal in plan.goals.items():
        old = existing.get(key)
        if old is None:
            continue
        goal.existing = old
        old_parent = old.parent.reference if old.parent_id else ""
        for name, new, current in (
            ("parent", goal.parent_ref, old_parent),
            ("level", goal.level, old.level),
            ("title", goal.title, old.title),
            ("description", goal.description, old.description),
            ("owner_unit", getattr(goal.owner_unit, "pk", None), old.owner_unit_id),
            ("committee", goal.committee, old.committee),
        ):
            if new != current:
                goal.changed.append(name)
        goal.action = "change" if goal.changed else "unchanged"

    goal_ids = [g.existing.pk for g in plan.goals.values() if g.existing]
    old_indicators = {
        (ind.goal.period.name, ind.goal.reference, ind.reference): ind
        for ind in Indicator.objects.filter(goal_id__in=goal_ids).select_related("goal__period")
    }
    for key, indicator in plan.indicators.items():
        old = old_indicators.get(key)
        if old is None:
            continue
        indicator.existing = old
        same = (
            old.name == indicator.name
            and old.unit_of_measure == indicator.unit_of_measure
            and old.direction == indicator.direction
            and old.baseline == indicator.baseline
            and old.target == indicator.target
        )
        indicator.action = "unchanged" if same else "change"

    indicator_ids = [i.existing.pk for i in plan.indicators.values() if i.existing]
    old_values = {}
    for value in IndicatorValue.objects.filter(indicator_id__in=indicator_ids).select_related(
        "indicator__goal__period"
    ):
        ind = value.indicator
        old_values[(ind.goal.period.name, ind.goal.reference, ind.reference, value.measured_on)] = (
            value
        )
    for key, value in plan.values.items():
        old = old_values.get(key)
        if old is not None:
            value.existing = old
            value.action = "unchanged" if old.value == value.value else "change"


# -- applying ------------------------------------------------------------------------------


def apply_plan(plan, user):
    """Write the plan (inside the caller's transaction); parents before their children."""
    periods = {p.name: p for p in Period.objects.all()}
    for name in plan.new_periods:
        periods[name] = Period.for_year(int(name))

    def depth(key):
        n, current = 0, plan.goals[key].parent_ref
        while current and (key[0], current) in plan.goals and n < len(plan.goals):
            n += 1
            current = plan.goals[(key[0], current)].parent_ref
        return n

    saved = {}  # key → Goal with a current path
    for key in sorted(plan.goals, key=depth):
        item = plan.goals[key]
        if item.action == "unchanged":
            saved[key] = item.existing
            continue
        parent = None
        if item.parent_ref:
            parent_key = (key[0], item.parent_ref)
            parent = saved.get(parent_key)
            if parent is None:  # a goal of the period that is not in the file
                parent = Goal.objects.get(period=periods[key[0]], reference=item.parent_ref)
        goal = item.existing or Goal(period=periods[key[0]], reference=item.reference)
        parent_moved = goal.pk is None or goal.parent_id != getattr(parent, "pk", None)
        goal.parent = parent
        goal.level = item.level
        goal.title = item.title
        goal.description = item.description
        goal.owner_unit = item.owner_unit
        goal.committee = item.committee
        goal.refresh_search_text()
        if goal.pk is None:
            goal.save()
        else:
            goal.save(
                update_fields=[
                    "parent",
                    "level",
                    "title",
                    "description",
                    "owner_unit",
                    "committee",
                    "search_text",
                    "updated_at",
                ]
            )
        if parent_moved:
            if parent is not None:  # an ancestor moved earlier in this import moves it too
                parent.path = Goal.objects.filter(pk=parent.pk).values_list("path", flat=True).get()
            if goal.path:  # an ancestor may have moved it already: start from its stored path
                goal.path = Goal.objects.filter(pk=goal.pk).values_list("path", flat=True).get()
            goal.rebuild_path()
        saved[key] = goal

    indicators = {}
    for key, item in plan.indicators.items():
        if item.action == "unchanged":
            indicators[key] = item.existing
            continue
        indicator = item.existing or Indicator(goal=saved[item.goal_key], reference=item.reference)
        indicator.name = item.name
        indicator.unit_of_measure = item.unit_of_measure
        indicator.direction = item.direction
        indicator.baseline = item.baseline
        indicator.target = item.target
        indicator.save()
        indicators[key] = indicator

    for item in plan.values.values():
        if item.action == "unchanged":
            continue
        if item.existing is not None:
            item.existing.value = item.value
            item.existing.recorded_by = user
            item.existing.save(update_fields=["value", "recorded_by"])
        else:
            IndicatorValue.objects.create(
                indicator=indicators[item.indicator_key],
                measured_on=item.measured_on,
                value=item.value,
                recorded_by=user,
            )
