"""The figures of the insights page, each computed by the database over what the viewer may see.

Every figure starts from a visible queryset (`Idea.objects.visible_to`,
`Effect.objects.visible_to`) narrowed by the filters, and is one grouped query (COUNT, AVG, SUM
with GROUP BY, EXISTS subqueries); Python only arranges the few grouped rows into tables. The
number of queries does not depend on the amount of data.

Which department an item belongs to: ideas and their decisions by the idea's owner unit's
department (after a hand-over, the receiving one); effects by their own department column; people
by their unit's department.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Avg,
    BigIntegerField,
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ideverket.effects.models import SUM_FIELD, VALUE_FIELD, Effect, Measurement
from ideverket.goals.models import Goal, GoalLink
from ideverket.ideas.models import Comment, Decision, Idea, Support
from ideverket.ideas.process import Outcome, Stage
from ideverket.org.models import User
from ideverket.trials.models import Trial

# The way through the process, in order: each step's conversion is counted from the one before.
FUNNEL_STEPS = (
    Stage.IN_ASSESSMENT,
    Stage.TRIAL,
    Stage.EVALUATED,
    Stage.IMPLEMENTING,
    Stage.IMPLEMENTED,
    Stage.SPREAD,
)
# Where ideas leave the way (or pause), shown after it.
FUNNEL_EXITS = (Stage.PARKED, Stage.DECLINED, Stage.MERGED, Stage.STOPPED)
# The decisions that close an evaluated trial.
AFTER_EVALUATION = (Outcome.IMPLEMENT, Outcome.TEST_AGAIN, Outcome.STOP)
# The effects summed on this page: the ones counted in hours, kronor and FTE.
EFFECT_KINDS = (Effect.Kind.HOURS_PER_YEAR, Effect.Kind.KRONOR_PER_YEAR, Effect.Kind.FTE_FREED)
SECONDS_PER_DAY = 86_400
CENTS = Decimal("0.01")


def share(part, whole):
    """`part` as a whole percentage of `whole`, or None when there is no whole."""
    if not whole:
        return None
    return round(part * 100 / whole)


def no_department():
    return _("Kommungemensamt")


@dataclass(frozen=True)
class Scope:
    """Who is looking, and at what: the date range, and optionally a department and a theme."""

    user: object
    dates: object  # forms.DateRange
    department: object = None
    theme: object = None

    def in_period(self, name):
        return Q(**{f"{name}__gte": self.dates.start, f"{name}__lt": self.dates.end})

    def ideas(self, *, by_department=True):
        """Submitted ideas the viewer may see, in the chosen department and theme."""
        ideas = Idea.objects.visible_to(self.user).exclude(stage=Stage.DRAFT)
        if by_department and self.department is not None:
            ideas = ideas.filter(owner_unit__department=self.department)
        if self.theme is not None:
            ideas = ideas.filter(themes=self.theme)
        return ideas

    def decisions(self):
        """Decisions taken in the period on ideas in scope."""
        return Decision.objects.filter(
            self.in_period("decided_at"), idea__in=self.ideas().values("pk")
        )

    def effects(self):
        """Visible hours/kronor/FTE effects recorded or measured in the period."""
        # measured_on is a date: compared with the period's days, not its moments.
        measured = Measurement.objects.filter(
            effect=OuterRef("pk"),
            measured_on__gte=self.dates.starts_on,
            measured_on__lte=self.dates.ends_on,
        )
        effects = Effect.objects.visible_to(self.user).filter(kind__in=EFFECT_KINDS)
        effects = effects.filter(self.in_period("created_at") | Q(Exists(measured)))
        if self.department is not None:
            effects = effects.filter(department=self.department)
        if self.theme is not None:
            effects = effects.filter(theme_condition(self.theme.pk))
        return effects


# -- 1. the funnel ---------------------------------------------------------------------------


@dataclass
class FunnelRow:
    stage: str
    label: str
    count: int
    of_submitted: int | None
    of_previous: int | None = None
    is_exit: bool = False


def funnel(scope):
    """Ideas submitted in the period, and how many ideas reached each stage in it.

    Queries: the submitted count; the decisions grouped by the stage they led to.
    """
    submitted = scope.ideas().filter(scope.in_period("submitted_at")).count()
    reached = dict(
        scope.decisions()
        .exclude(to_stage=Stage.SUBMITTED)  # a hand-over stays in "submitted"
        .order_by()
        .values("to_stage")
        .annotate(ideas=Count("idea", distinct=True))
        .values_list("to_stage", "ideas")
    )
    rows = [FunnelRow(Stage.SUBMITTED, _("Inskickade"), submitted, share(submitted, submitted))]
    previous = submitted
    for stage in FUNNEL_STEPS:
        count = reached.get(stage, 0)
        rows.append(
            FunnelRow(
                stage, Stage(stage).label, count, share(count, submitted), share(count, previous)
            )
        )
        previous = count
    for stage in FUNNEL_EXITS:
        count = reached.get(stage, 0)
        rows.append(
            FunnelRow(stage, Stage(stage).label, count, share(count, submitted), is_exit=True)
        )
    return rows


# -- 2. the implementation rate of finished trials -------------------------------------------


@dataclass
class RateRow:
    department_id: int | None
    name: str
    implement: int = 0
    test_again: int = 0
    stop: int = 0

    @property
    def total(self):
        return self.implement + self.test_again + self.stop

    @property
    def rate(self):
        return share(self.implement, self.total)

    def add(self, other):
        self.implement += other.implement
        self.test_again += other.test_again
        self.stop += other.stop


def implementation_rate(scope):
    """(rows per department, total) of the decisions taken on evaluated trials in the period.

    Each evaluated trial ends in one such decision: implement, test again or stop. One query.
    """
    grouped = (
        scope.decisions()
        .filter(from_stage=Stage.EVALUATED, outcome__in=AFTER_EVALUATION)
        .order_by()
        .values("idea__owner_unit__department", "idea__owner_unit__department__name", "outcome")
        .annotate(n=Count("pk"))
        .order_by("idea__owner_unit__department__name")
    )
    rows = {}
    for item in grouped:
        key = item["idea__owner_unit__department"]
        row = rows.setdefault(
            key, RateRow(key, item["idea__owner_unit__department__name"] or no_department())
        )
        setattr(row, item["outcome"], getattr(row, item["outcome"]) + item["n"])
    total = RateRow(None, _("Totalt"))
    for row in rows.values():
        total.add(row)
    return list(rows.values()), total


# -- 3. lead time per stage ------------------------------------------------------------------


@dataclass
class LeadTimeRow:
    stage: str
    label: str
    decisions: int
    average: float | None
    shortest: float | None
    longest: float | None


def _days(duration):
    """A duration from the database as days with one decimal (SQLite may give microseconds)."""
    if duration is None:
        return None
    seconds = duration.total_seconds() if hasattr(duration, "total_seconds") else duration / 1e6
    return round(seconds / SECONDS_PER_DAY, 1)


def lead_times(scope):
    """Days from entering a stage to the decision that left it, per stage. One query.

    The database averages the durations: an interval on PostgreSQL, microseconds on SQLite,
    both read back by Django as a timedelta.
    """
    spent = ExpressionWrapper(F("decided_at") - F("stage_entered_at"), output_field=DurationField())
    grouped = (
        scope.decisions()
        .filter(stage_entered_at__isnull=False)
        .order_by()
        .values("from_stage")
        .annotate(
            n=Count("pk"),
            average=Avg(spent, output_field=DurationField()),
            shortest=Min(spent),
            longest=Max(spent),
        )
    )
    by_stage = {item["from_stage"]: item for item in grouped}
    rows = []
    for stage in Stage.values:
        item = by_stage.get(stage)
        if item is None:
            continue
        rows.append(
            LeadTimeRow(
                stage,
                Stage(stage).label,
                item["n"],
                _days(item["average"]),
                _days(item["shortest"]),
                _days(item["longest"]),
            )
        )
    return rows


# -- 4. waiting too long ---------------------------------------------------------------------


@dataclass
class WaitingRow:
    department_id: int | None
    name: str
    counts: dict = field(default_factory=dict)  # stage -> ideas
    cells: list = field(default_factory=list)  # (stage, label, ideas) per shown stage

    @property
    def total(self):
        return sum(self.counts.values())


def waiting(scope):
    """(stages, rows per department, total row) of the ideas waiting too long today.

    Not bound to the period: it is what waits now. One query.
    """
    grouped = (
        scope.ideas()
        .waiting_too_long()
        .order_by()
        .values("owner_unit__department", "owner_unit__department__name", "stage")
        .annotate(n=Count("pk"))
        .order_by("owner_unit__department__name")
    )
    rows = {}
    total = WaitingRow(None, _("Totalt"))
    for item in grouped:
        key = item["owner_unit__department"]
        row = rows.setdefault(
            key, WaitingRow(key, item["owner_unit__department__name"] or no_department())
        )
        row.counts[item["stage"]] = row.counts.get(item["stage"], 0) + item["n"]
        total.counts[item["stage"]] = total.counts.get(item["stage"], 0) + item["n"]
    stages = [(stage, Stage(stage).label) for stage in Stage.values if stage in total.counts]
    for row in [*rows.values(), total]:
        row.cells = [(stage, label, row.counts.get(stage, 0)) for stage, label in stages]
    return stages, list(rows.values()), total


# -- 5. effects ------------------------------------------------------------------------------


def theme_condition(theme_id):
    """Effects whose subject carries the theme: an idea's themes, a trial's idea's themes.

    Projects have no themes, so their effects count under no theme.
    """
    idea_type = ContentType.objects.get_for_model(Idea)
    trial_type = ContentType.objects.get_for_model(Trial)
    return Q(
        subject_type=idea_type,
        subject_id__in=Idea.themes.through.objects.filter(theme_id=theme_id).values("idea_id"),
    ) | Q(
        subject_type=trial_type,
        subject_id__in=Trial.objects.filter(idea__themes__id=theme_id).values("pk"),
    )


def goal_condition(goal):
    """Effects whose subject is linked to `goal` or to a goal below it (same period)."""
    links = GoalLink.objects.filter(
        goal__period_id=goal.period_id,
        goal__path__startswith=goal.path,
        subject_type=OuterRef("subject_type"),
        subject_id=OuterRef("subject_id"),
    )
    return Q(Exists(links))


@dataclass
class EffectRow:
    group_id: int | None
    name: str
    sums: dict = field(default_factory=dict)  # kind -> {"expected":…, "realised":…, "count":…}

    def value(self, kind, name):
        return self.sums.get(kind, {}).get(name)

    def add(self, kind, expected, realised, count):
        sums = self.sums.setdefault(kind, {"expected": None, "realised": None, "count": 0})
        sums["count"] += count
        for name, value in (("expected", expected), ("realised", realised)):
            if value is not None:
                # Two decimals, as the effects are entered (the database may give more).
                sums[name] = (sums[name] or 0) + Decimal(value).quantize(CENTS)

    @property
    def cells(self):
        """(expected, realised) per kind in EFFECT_KINDS order, for the table and the export."""
        out = []
        for kind in EFFECT_KINDS:
            out += [self.value(kind, "expected"), self.value(kind, "realised")]
        return out


def _effect_rows(grouped, names, total_name):
    rows = {}
    total = EffectRow(None, total_name)
    for item in grouped:
        key = item["group"]
        row = rows.setdefault(key, EffectRow(key, names.get(key) or no_department()))
        row.add(item["kind"], item["expected"], item["realised"], item["effect_count"])
        total.add(item["kind"], item["expected"], item["realised"], item["effect_count"])
    ordered = [rows[key] for key in names if key in rows]
    ordered += [row for key, row in rows.items() if key not in names]
    return ordered, total


@dataclass
class EffectTable:
    rows: list
    total: EffectRow
    groups: int = 0  # how many groups there are at all (themes, goals), shown or not


def effects_by_department(scope):
    """Expected and realised effects per department: one grouped query (sums_by)."""
    grouped = list(
        scope.effects().annotate(group=F("department")).sums_by("group", "department__name", "kind")
    )
    names = {item["group"]: item["department__name"] for item in grouped}
    names = dict(sorted(names.items(), key=lambda pair: pair[1] or "\uffff"))
    rows, total = _effect_rows(grouped, names, _("Totalt"))
    return EffectTable(rows, total, len(names))


def _subject_idea():
    """The idea an effect is on: its subject when an idea, the trial's idea when a trial."""
    idea_type = ContentType.objects.get_for_model(Idea)
    trial_type = ContentType.objects.get_for_model(Trial)
    trial_idea = Trial.objects.filter(pk=OuterRef("subject_id")).values("idea_id")[:1]
    return Case(
        When(subject_type=idea_type, then=F("subject_id")),
        When(subject_type=trial_type, then=Subquery(trial_idea)),
        output_field=BigIntegerField(),
    )


def _has_theme(theme):
    """One index look-up per effect (the idea's theme row), not a list of the theme's items."""
    themed = Idea.themes.through.objects.filter(idea_id=OuterRef("subject_idea"), theme=theme)
    return Q(Exists(themed))


def _sums_per_group(scope, groups, condition):
    """Per group and kind: the effects, their expected and realised sums (what EffectRow adds
    up), as conditional aggregates (FILTER per group) of one grouped query. The visible effects
    are found once, however many groups there are: one UNION part per group repeated that
    search (24 s for ten themes on PostgreSQL at 100,000 ideas; 13 s this way)."""
    if not groups:
        return []
    baseline = Coalesce(F("baseline"), Value(0), output_field=VALUE_FIELD)
    summed = ~Q(kind=Effect.Kind.QUALITY)
    aggregates = {}
    for group in groups:
        inside = condition(group)
        aggregates |= {
            f"n{group.pk}": Count("pk", filter=inside),
            f"e{group.pk}": Sum(
                F("target") - baseline, filter=inside & summed, output_field=SUM_FIELD
            ),
            f"r{group.pk}": Sum(
                F("latest_value") - baseline, filter=inside & summed, output_field=SUM_FIELD
            ),
        }
    effects = scope.effects().annotate(subject_idea=_subject_idea()).with_latest()
    rows = effects.order_by().values("kind").annotate(**aggregates)
    return [
        {
            "group": group.pk,
            "kind": row["kind"],
            "effect_count": row[f"n{group.pk}"],
            "expected": row[f"e{group.pk}"],
            "realised": row[f"r{group.pk}"],
        }
        for row in rows
        for group in groups
        if row[f"n{group.pk}"]
    ]


def effects_by_theme(scope, themes):
    """Effects per theme (an effect with two themes counts under both): one query.

    Without a total: an effect may count under several themes, so the rows do not add up.
    """
    if scope.theme is not None:
        themes = [theme for theme in themes if theme.pk == scope.theme.pk]
    grouped = _sums_per_group(scope, themes, _has_theme)
    names = {theme.pk: theme.name for theme in themes}
    rows, total = _effect_rows(grouped, names, _("Totalt"))
    return EffectTable(rows, None, len(themes))


def council_goals(dates):
    """The top goals of the chosen period's goal tree; none without a stored period."""
    if dates.period is None:
        return []
    return list(
        Goal.objects.filter(period=dates.period, parent__isnull=True, is_active=True)
        .only("id", "title", "reference", "path", "period_id")
        .order_by("reference", "pk")
    )


def effects_by_goal(scope, goals):
    """Effects per top goal, counting links to its sub-goals too: one query."""
    grouped = _sums_per_group(scope, goals, goal_condition)
    names = {goal.pk: f"{goal.reference} {goal.title}".strip() for goal in goals}
    rows, total = _effect_rows(grouped, names, _("Totalt"))
    return EffectTable(rows, None, len(goals))


# -- 6. participation ------------------------------------------------------------------------


@dataclass
class ParticipationRow:
    department_id: int | None
    name: str
    people: int = 0
    taking_part: int = 0

    @property
    def rate(self):
        return share(self.taking_part, self.people)


def participation(scope):
    """Active people per department, and how many of them submitted, commented or supported
    (in the period, on ideas the viewer may see and in the theme): distinct people, one query.

    The department filter chooses the people, not the ideas they took part in. Each way of
    taking part is an uncorrelated `IN (…)` list of people, which the database builds once from
    the period's rows, instead of three EXISTS per person (minutes at 100,000 ideas).
    """
    ideas = scope.ideas(by_department=False).values("pk")
    submitted = Idea.submitters.through.objects.filter(
        idea__in=scope.ideas(by_department=False)
        .filter(scope.in_period("submitted_at"))
        .values("pk")
    ).values("user_id")
    commented = Comment.objects.filter(scope.in_period("created_at"), idea__in=ideas).values(
        "author_id"
    )
    supported = Support.objects.filter(scope.in_period("created_at"), idea__in=ideas).values(
        "user_id"
    )
    taking_part = Q(pk__in=submitted) | Q(pk__in=commented) | Q(pk__in=supported)
    people = User.objects.filter(is_active=True, unit__isnull=False)
    if scope.department is not None:
        people = people.filter(unit__department=scope.department)
    grouped = (
        people.order_by()
        .values("unit__department", "unit__department__name")
        .annotate(
            people=Count("pk"),
            taking_part=Count("pk", filter=taking_part),
        )
        .order_by("unit__department__name")
    )
    rows = [
        ParticipationRow(
            item["unit__department"],
            item["unit__department__name"] or no_department(),
            item["people"],
            item["taking_part"],
        )
        for item in grouped
    ]
    total = ParticipationRow(None, _("Totalt"))
    for row in rows:
        total.people += row.people
        total.taking_part += row.taking_part
    return rows, total


class Figures:
    """All sections for one scope, each computed once when first used."""

    def __init__(self, scope, themes):
        self.scope = scope
        self._themes = themes

    @cached_property
    def funnel(self):
        return funnel(self.scope)

    @cached_property
    def implementation_rate(self):
        return implementation_rate(self.scope)

    @cached_property
    def lead_times(self):
        return lead_times(self.scope)

    @cached_property
    def waiting(self):
        return waiting(self.scope)

    @cached_property
    def effects_by_department(self):
        return effects_by_department(self.scope)

    @cached_property
    def effects_by_theme(self):
        return effects_by_theme(self.scope, self._themes())

    @cached_property
    def goals(self):
        return council_goals(self.scope.dates)

    @cached_property
    def effects_by_goal(self):
        return effects_by_goal(self.scope, self.goals)

    @cached_property
    def participation(self):
        return participation(self.scope)

    def snapshot(self):
        """Every section, computed now, as plain values that can be kept in the cache."""
        return Snapshot(**{name: getattr(self, name) for name in SECTIONS})


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The sections of `Figures`, all computed (what cache.cached keeps); compared by identity."""

    funnel: list
    implementation_rate: tuple
    lead_times: list
    waiting: tuple
    effects_by_department: EffectTable
    effects_by_theme: EffectTable
    goals: list
    effects_by_goal: EffectTable
    participation: tuple


SECTIONS = tuple(Snapshot.__dataclass_fields__)
