"""The figures of the department pages, counted by the database from the viewer's visible
querysets: a restricted idea the viewer may not see is never shown, not even as a count.

The overview answers in a fixed number of queries whatever the size of the municipality: the
department's row carries its settings and short lists (JSON arrays built by the database),
lists are cut to LIST_LIMIT in SQL, and what is checked per row (visibility, time limits) is
checked only on the department's own rows, never on every idea of the municipality.
"""

import datetime
import functools
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.utils import timezone

from ideverket.challenges.models import Challenge
from ideverket.effects.models import Effect
from ideverket.goals.models import Goal, Period
from ideverket.ideas.models import Idea
from ideverket.ideas.process import FINAL_STAGES, Stage
from ideverket.implementation.models import Implementation
from ideverket.lib import json_lists, subjects
from ideverket.lib.json_lists import json_list
from ideverket.lib.kept import kept, visibility_key
from ideverket.org.models import Unit
from ideverket.trials.models import Trial

from . import limits
from .limits import waiting_condition
from .models import LIMITED_STAGES, DepartmentSettings, InnovationPlan, limit_field

LIST_LIMIT = 10


def _waiting():
    return waiting_condition(timezone.now(), timezone.localdate())


def _visible_to(user):
    """Idea.objects.visible_to(user), built once per user object (that is, per request): the
    overview filters it several times, and building the rule costs more than cloning it."""
    built = getattr(user, "_overview_visible_ideas", None)
    if built is None:
        built = user._overview_visible_ideas = Idea.objects.visible_to(user)
    return built


def visible_ideas(user):
    """Submitted ideas `user` may see (drafts never count, not even one's own)."""
    return _visible_to(user).exclude(stage=Stage.DRAFT)


# Counts over the ideas everyone sees are shared by every viewer and kept FRESH_FOR.
SHARED_KEYS = (
    "departments:shared-stages",
    "departments:shared-trials",
    "departments:shared-effects",
)


def _everyones(field=""):
    """A Q for ideas every logged-in person may see whoever they are (Idea.visible_to): submitted
    and open to the whole municipality. Everything else is counted per viewer."""
    return Q(**{f"{field}visibility": Idea.Visibility.OPEN}) & ~Q(**{f"{field}stage": Stage.DRAFT})


def _shared(key, compute):
    """(value, computed_at): `compute()` run at most once per FRESH_FOR per server process (the
    default cache), kept with the time it ran (the pages say it); no query at all otherwise."""
    return kept(cache, key, compute)


def _everyones_stages():
    stages = {}
    rows = (
        Idea.objects.filter(_everyones())
        .order_by()
        .values("owner_unit__department_id", "stage")
        .annotate(count=Count("pk"), waiting=Count("pk", filter=_waiting()))
    )
    for row in rows:
        by_stage = stages.setdefault(row["owner_unit__department_id"], {})
        by_stage[row["stage"]] = (row["count"], row["waiting"])
    return stages


def _everyones_trials():
    return dict(
        Trial.objects.open()
        .filter(_everyones("idea__"))
        .order_by()
        .values("idea__owner_unit__department_id")
        .annotate(n=Count("pk"))
        .values_list("idea__owner_unit__department_id", "n")
    )


def shared_stages():
    """({department_id: {stage: (count, waiting)}}, computed_at) over the ideas everyone sees,
    for every department at once: one grouped query over the municipality per FRESH_FOR."""
    return _shared(SHARED_KEYS[0], _everyones_stages)


def shared_trials():
    """({department_id: open trials of ideas everyone sees}, computed_at): likewise."""
    return _shared(SHARED_KEYS[1], _everyones_trials)


def forget_shared():
    """Drop the shared counts and with them every viewer's own (a department's time limits
    changed; tests)."""
    cache.delete_many(SHARED_KEYS)


def _viewers_own(user):
    """The viewer's visible ideas that are not everyone's (visible_ideas has no drafts, so the
    restricted ones): the part counted per request, sought in idea_department_restricted."""
    return visible_ideas(user).filter(visibility=Idea.Visibility.RESTRICTED)


def _viewers_own_figures(user):
    """[(department_id, in_progress, waiting, trials)] over the restricted ideas the viewer may
    see and their open trials, all departments at once."""
    own = {}
    ideas = (
        _viewers_own(user)
        .order_by()
        .values("owner_unit__department_id")
        .annotate(
            in_progress=Count("pk", filter=~Q(stage__in=FINAL_STAGES)),
            waiting=Count("pk", filter=_waiting()),
        )
    )
    for row in ideas:
        own[row["owner_unit__department_id"]] = [row["in_progress"], row["waiting"], 0]
    trials = (
        Trial.objects.visible_to(user)
        .open()
        .filter(idea__visibility=Idea.Visibility.RESTRICTED)  # a draft never has a trial
        .order_by()
        .values("idea__owner_unit__department_id")
        .annotate(n=Count("pk"))
    )
    for row in trials:
        own.setdefault(row["idea__owner_unit__department_id"], [0, 0, 0])[2] = row["n"]
    return own


def key_figures(user):
    """({department_id: {"in_progress", "waiting", "trials"}}, computed_at) for every
    department: the shared counts plus the viewer's own part (restricted ideas they may see and
    their trials: two grouped queries over the whole municipality, so kept FRESH_FOR per viewer
    too; the key holds everything visibility depends on, so no one sees another's counts)."""
    stages, computed_at = shared_stages()
    shared_trial_counts, trials_computed_at = shared_trials()
    # Made with the shared counts' time, so whatever drops those (forget_shared) drops these.
    viewer = repr((computed_at.isoformat(), visibility_key(user)))
    key = "departments:own-figures:" + hashlib.sha256(viewer.encode()).hexdigest()
    own, own_computed_at = _shared(key, lambda: _viewers_own_figures(user))
    figures = {}

    def entry(department_id):
        return figures.setdefault(department_id, {"in_progress": 0, "waiting": 0, "trials": 0})

    for department_id, by_stage in stages.items():
        for stage, (count, waiting) in by_stage.items():
            if stage not in FINAL_STAGES:
                entry(department_id)["in_progress"] += count
            entry(department_id)["waiting"] += waiting
    for department_id, n in shared_trial_counts.items():
        entry(department_id)["trials"] += n
    for department_id, (in_progress, waiting, trials) in own.items():
        figures_of = entry(department_id)
        figures_of["in_progress"] += in_progress
        figures_of["waiting"] += waiting
        figures_of["trials"] += trials
    return figures, min(computed_at, trials_computed_at, own_computed_at)


@dataclass
class StageCount:
    stage: str
    label: str
    count: int
    waiting: int


def _department_waiting(department):
    """The waiting rule for the ideas of `department`, its limits loaded with it (load_department)
    or else read here; either way the same rule as Idea.objects.waiting_too_long()."""
    if hasattr(department, "own_settings"):
        own = department.own_settings
    else:
        own = DepartmentSettings.objects.filter(department=department).first()
    return limits.department_waiting_condition(own, timezone.now(), timezone.localdate())


def _unit_ids(department):
    """The ids of the department's units (itself included): from its row (load_department) or
    read here. The per-viewer queries filter on this list rather than joining the units, so
    PostgreSQL seeks each unit's rows in the index instead of reading every restricted idea."""
    if hasattr(department, "unit_ids"):
        return department.unit_ids
    return list(Unit.objects.filter(department=department).values_list("pk", flat=True))


def _ideas_of(user, department):
    return visible_ideas(user).filter(owner_unit_id__in=_unit_ids(department))


def stage_counts(user, department):
    """([StageCount] for every stage after the draft, in process order, computed_at): the
    shared counts of the ideas everyone sees plus one grouped query over the department's
    ideas only some may see (sought in the index idea_department_restricted)."""
    shared, computed_at = shared_stages()
    counts = {stage: list(pair) for stage, pair in shared.get(department.pk, {}).items()}
    own = (
        _ideas_of(user, department)
        .filter(visibility=Idea.Visibility.RESTRICTED)
        .order_by()
        .values("stage")
        .annotate(count=Count("pk"), waiting=Count("pk", filter=_department_waiting(department)))
    )
    for row in own:
        pair = counts.setdefault(row["stage"], [0, 0])
        pair[0] += row["count"]
        pair[1] += row["waiting"]
    rows = [
        StageCount(
            stage=value,
            label=label,
            count=counts.get(value, [0, 0])[0],
            waiting=counts.get(value, [0, 0])[1],
        )
        for value, label in Stage.choices
        if value != Stage.DRAFT
    ]
    return rows, computed_at


def waiting_ideas(user, department):
    """The department's visible ideas waiting too long, the longest-waiting first."""
    return (
        _ideas_of(user, department)
        .filter(_department_waiting(department))
        .for_list()
        .order_by("stage_changed_at", "pk")
    )


def longest_waiting(user, department, limit=LIST_LIMIT):
    """The `limit` ideas that have waited longest: the ids are picked from the index alone and
    only those rows are read in full (the exact number waiting comes from stage_counts)."""
    picked = waiting_ideas(user, department).values("pk")[:limit]
    return list(Idea.objects.filter(pk__in=picked).for_list().order_by("stage_changed_at", "pk"))


def department_ideas(user, department):
    return (
        visible_ideas(user)
        .filter(owner_unit__department=department)
        .for_list()
        .order_by("stage", "-submitted_at", "-pk")
    )


ENDING_FIRST = (F("ends_on").asc(nulls_last=True), "pk")


def open_trials(user, department):
    return (
        Trial.objects.visible_to(user)
        .open()
        .filter(idea__owner_unit_id__in=_unit_ids(department))
        .order_by(*ENDING_FIRST)
    )


def active_implementations(user, department):
    return (
        Implementation.objects.visible_to(user)
        .active()
        .filter(idea__owner_unit_id__in=_unit_ids(department))
        .order_by(*ENDING_FIRST)
    )


@dataclass
class WorkItem:
    """An open trial or an active implementation, as the overview lists it."""

    kind: str
    pk: int
    title: str
    status: str
    ends_on: datetime.date | None
    owner_name: str

    @property
    def status_label(self):
        return (Trial.Status if self.kind == "trial" else Implementation.Status)(self.status).label


def work_in_progress(user, department, limit=LIST_LIMIT + 1):
    """(open trials, active implementations), `limit` of each, ending first: one query (UNION
    ALL of both, each cut to `limit` by its own ordered subquery)."""

    def shape(model, kind, picked):
        return (
            model.objects.filter(pk__in=picked.values("pk")[:limit])
            .order_by()
            .values(
                "pk",
                "status",
                "ends_on",
                kind=Value(kind, output_field=TextField()),
                title=F("idea__title"),
                owner_name=F("owner__name"),
            )
        )

    rows = shape(Trial, "trial", open_trials(user, department)).union(
        shape(Implementation, "implementation", active_implementations(user, department)),
        all=True,
    )
    items = sorted(
        (WorkItem(**row) for row in rows),
        key=lambda item: (item.ends_on is None, item.ends_on or datetime.date.min, item.pk),
    )
    return (
        [item for item in items if item.kind == "trial"],
        [item for item in items if item.kind == "implementation"],
    )


@dataclass
class EffectSum:
    kind: str
    label: str
    unit_of_measure: str
    summed: bool
    effect_count: int
    measured_count: int
    expected: object
    realised: object


SUM_FIELDS = ("effect_count", "measured_count", "expected", "realised")


def _add(a, b):
    """A database SUM of two parts: None only when both parts had nothing to sum."""
    return b if a is None else a if b is None else a + b


def _effects_on_everyones_ideas():
    """The effects whose subject is an idea everyone sees (visible to every viewer)."""
    return Q(subject_type_id=subjects.get("ideas.idea").content_type().pk) & Q(
        Exists(Idea.objects.filter(_everyones(), pk=OuterRef("subject_id")))
    )


def _everyones_effects():
    sums = {}
    for row in Effect.objects.filter(_effects_on_everyones_ideas()).sums_by("department", "kind"):
        sums.setdefault(row["department"], {})[row["kind"]] = [row[f] for f in SUM_FIELDS]
    return sums


def shared_effects():
    """({department_id: {kind: [count, measured, expected, realised]}}, computed_at) over the
    effects on ideas everyone sees: one grouped query over the municipality per FRESH_FOR."""
    return _shared(SHARED_KEYS[2], _everyones_effects)


def effect_sums(user, department):
    """(Expected and realised effects of the department per kind, computed_at): the shared sums
    over everyone's ideas plus one grouped query over the department's other effects (those on
    restricted ideas, trials and projects), each checked against the viewer's visibility."""
    order = {value: index for index, value in enumerate(Effect.Kind.values)}
    shared, computed_at = shared_effects()
    by_kind = {kind: list(values) for kind, values in shared.get(department.pk, {}).items()}

    def viewers_own():
        return list(
            Effect.objects.visible_to(user)
            .filter(department=department)
            .exclude(_effects_on_everyones_ideas())
            .sums_by("kind")
        )

    # Every effect of the department is checked here, so it is kept FRESH_FOR per viewer too,
    # made with the shared sums' time (forget_shared drops both).
    viewer = repr((computed_at.isoformat(), department.pk, visibility_key(user)))
    key = "departments:own-effects:" + hashlib.sha256(viewer.encode()).hexdigest()
    own, own_computed_at = _shared(key, viewers_own)
    for row in own:
        values = by_kind.setdefault(row["kind"], [0, 0, None, None])
        by_kind[row["kind"]] = [_add(a, row[f]) for a, f in zip(values, SUM_FIELDS, strict=True)]
    sums = [
        EffectSum(
            kind=kind,
            label=Effect.Kind(kind).label,
            unit_of_measure=Effect.UNIT_OF_MEASURE.get(kind, ""),
            summed=kind in Effect.NUMERIC,
            effect_count=count,
            measured_count=measured,
            expected=expected,
            realised=realised,
        )
        for kind, (count, measured, expected, realised) in by_kind.items()
    ]
    ordered = sorted(sums, key=lambda item: order.get(item.kind, len(order)))
    return ordered, min(computed_at, own_computed_at)


@dataclass
class Listed:
    """One entry of a short list carried by the department's row (challenge, goal, assessor)."""

    pk: int
    title: str
    reference: str = ""
    unit_name: str = ""
    open_until: datetime.date | None = None
    path: str = ""


@functools.lru_cache(maxsize=2)
def _department_lists(today):
    """Annotations for a department row: its assessors, the current period, that period's
    active goals in its subtree and its open challenges, each a JSON array or a value. Built
    once a day per process: annotate() resolves a copy of each, leaving these untouched."""
    period = Period.objects.containing(today).order_by("-starts_on")
    in_subtree = {"owner_unit__path__startswith": OuterRef("path")}
    goals = Goal.objects.filter(
        period=Subquery(period.values("pk")[:1]), is_active=True, **in_subtree
    )
    challenges = Challenge.objects.filter(
        Q(open_until__isnull=True) | Q(open_until__gte=today), **in_subtree
    )
    return {
        "unit_list": json_list(
            Unit.objects.filter(department=OuterRef("pk")).annotate(one=Value(1)), "one", pk="pk"
        ),
        "period_id": Subquery(period.values("pk")[:1]),
        "period_name": Subquery(period.values("name")[:1]),
        "assessor_list": json_list(
            DepartmentSettings.assessors.through.objects.filter(
                departmentsettings__department=OuterRef("pk")
            ),
            "departmentsettings",
            pk="user_id",
            title="user__name",
        ),
        "goal_list": json_list(
            goals.annotate(one=Value(1)),
            "one",
            pk="pk",
            title="title",
            reference="reference",
            unit_name="owner_unit__name",
            path="path",
        ),
        "challenge_list": json_list(
            challenges.annotate(one=Value(1)),
            "one",
            pk="pk",
            title="title",
            open_until="open_until",
        ),
        "plan_list": json_list(
            InnovationPlan.objects.filter(department=OuterRef("pk")),
            "department",
            pk="pk",
            period_id="period_id",
            period_name="period__name",
            starts_on="period__starts_on",
            focus="focus",
            activities="activities",
            hours="hours",
            kronor="kronor",
            writer_name="written_by__name",
            updated_at="updated_at",
        ),
        "plan_goal_list": json_list(
            InnovationPlan.goals.through.objects.filter(
                innovationplan__department=OuterRef("pk")
            ).annotate(one=Value(1)),
            "one",
            plan_id="innovationplan_id",
            reference="goal__reference",
            title="goal__title",
            path="goal__path",
        ),
    }


def load_department(pk):
    """The active department `pk` with everything its overview shows around the figures, or
    None, in one query: its settings and default handler (joined), its assessors, the current
    period with its goals, its open challenges and its innovation plans with their goals (JSON
    arrays built by the database).

    The same query reads every department's own time limits (the rows of those that set any)
    and keeps them for the request, so the waiting cards ask no query of their own.
    """
    limited = Q.create(
        [(f"innovation_settings__{limit_field(stage)}__isnull", False) for stage in LIMITED_STAGES],
        connector=Q.OR,
    )
    rows = list(
        Unit.objects.filter(Q(pk=pk, kind=Unit.Kind.DEPARTMENT, is_active=True) | limited)
        .select_related("innovation_settings__default_handler")
        .annotate(**_department_lists(timezone.localdate()))
    )
    found = {}
    department = None
    for row in rows:
        own = getattr(row, "innovation_settings", None)
        if own is not None:
            found[row.pk] = own
        if row.pk == pk and row.kind == Unit.Kind.DEPARTMENT and row.is_active:
            department = row
    limits.remember(limits.overrides_of(found.values()))
    if department is None:
        return None
    department.own_settings = found.get(department.pk)
    department.unit_ids = [item["pk"] for item in json_lists.rows(department.unit_list)]
    department.listed_assessors = sorted(
        (
            Listed(pk=item["pk"], title=item["title"])
            for item in json_lists.rows(department.assessor_list)
        ),
        key=lambda person: person.title,
    )
    department.listed_goals = sorted(
        (Listed(**item) for item in json_lists.rows(department.goal_list)),
        key=lambda goal: goal.path,
    )
    department.listed_challenges = sorted(
        (
            Listed(
                pk=item["pk"], title=item["title"], open_until=json_lists.date(item["open_until"])
            )
            for item in json_lists.rows(department.challenge_list)
        ),
        key=lambda item: (
            item.open_until is None,
            item.open_until or datetime.date.min,
            item.title,
        ),
    )
    return department


@dataclass
class PlanGoal:
    reference: str
    title: str
    path: str


@dataclass
class Plan:
    """An innovation plan as the overview shows it, read from the department's row."""

    pk: int
    period_id: int
    period_name: str
    starts_on: datetime.date
    focus: str
    activities: str
    hours: int | None
    kronor: int | None
    writer_name: str | None
    updated_at: datetime.datetime
    goal_list: list


def plans_of(department):
    """The department's innovation plans, newest period first, each with its goals, from the
    JSON its row carries (load_department): no query of their own."""
    goals = {}
    for item in json_lists.rows(department.plan_goal_list):
        plan_id = item.pop("plan_id")
        goals.setdefault(plan_id, []).append(PlanGoal(**item))
    plans = [
        Plan(
            **{
                **item,
                "starts_on": json_lists.date(item["starts_on"]),
                "updated_at": json_lists.moment(item["updated_at"]),
                "goal_list": sorted(goals.get(item["pk"], []), key=lambda goal: goal.path),
            }
        )
        for item in json_lists.rows(department.plan_list)
    ]
    return sorted(plans, key=lambda plan: plan.starts_on, reverse=True)
