"""The follow-up report (uppföljningsrapport): the innovation section of a committee's tertial or
annual report, for one period (or a tertial of it) and one department or the whole municipality.

Every figure starts from the viewer's visible querysets (`Idea.objects.visible_to`,
`Trial.objects.visible_to`, `Effect.objects.visible_to`, …), so a restricted idea never reaches a
section, a count or an export of someone who may not see it. Counts and sums are computed by the
database (COUNT, GROUP BY, correlated subqueries); Python only arranges the few rows that come
back. The number of queries does not depend on the amount of data.

Which items belong to a department: ideas, their decisions, trials and implementations by the
idea's owner unit; projects led from or with a unit taking part in the department; effects and
lessons by their own department column; goals owned by a unit in the department's subtree, plus
the goals above them (council and committee goals they serve).
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ideverket.challenges.models import Challenge
from ideverket.effects.models import Effect
from ideverket.effects.templatetags.effect_numbers import change
from ideverket.goals.models import Goal, GoalLink, Indicator, IndicatorValue, Period
from ideverket.ideas.models import Decision, Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.implementation.models import Implementation
from ideverket.lessons.models import Lesson
from ideverket.lib import subjects
from ideverket.lib.subjects import visible_ids
from ideverket.projects.models import Project
from ideverket.trials.models import Trial

# Rows per list on the page; the exports hold every row.
PAGE_ROWS = 10

# Tertials of a year: T1 January–April, T2 May–August, T3 September–December.
TERTIALS = {"1": (1, 4), "2": (5, 8), "3": (9, 12)}
TERTIAL_CHOICES = [
    ("", gettext_lazy("Hela perioden")),
    ("1", gettext_lazy("T1 (januari–april)")),
    ("2", gettext_lazy("T2 (maj–augusti)")),
    ("3", gettext_lazy("T3 (september–december)")),
]

# What an evaluated trial led to: the decision taken from "evaluated" after the evaluation.
TRIAL_RESULTS = (Outcome.IMPLEMENT, Outcome.TEST_AGAIN, Outcome.STOP)


@dataclass(frozen=True)
class Window:
    """The dates the report covers: a whole period or one tertial of it."""

    period: Period
    tertial: str
    starts_on: datetime.date
    ends_on: datetime.date

    @property
    def label(self):
        """ "T2 2026", or the period's name for the whole period."""
        if self.tertial:
            return f"T{self.tertial} {self.period.name}"
        return self.period.name

    @property
    def start(self):
        return _local_midnight(self.starts_on)

    @property
    def end(self):
        """The first moment after the window (exclusive)."""
        return _local_midnight(self.ends_on + datetime.timedelta(days=1))

    def during(self, name):
        """A Q for a date-time field `name` inside the window."""
        return Q(**{f"{name}__gte": self.start, f"{name}__lt": self.end})


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def window_for(period, tertial=""):
    """The window of `period`, or of its tertial `tertial` ("1"–"3"); None when the tertial lies
    outside the period (a period that is not a calendar year)."""
    if tertial not in TERTIALS:
        return Window(period, "", period.starts_on, period.ends_on)
    year = period.starts_on.year
    first, last = TERTIALS[tertial]
    starts_on = max(datetime.date(year, first, 1), period.starts_on)
    ends_on = min(datetime.date(year, last, calendar.monthrange(year, last)[1]), period.ends_on)
    if starts_on > ends_on:
        return None
    return Window(period, tertial, starts_on, ends_on)


def default_period(today=None):
    """The period containing today, else the latest one; None when there are no periods."""
    today = today or timezone.localdate()
    return Period.objects.containing(today).first() or Period.objects.first()


@dataclass
class Listing:
    """A count and its rows: the first PAGE_ROWS on the page, all of them in an export."""

    count: int
    rows: list

    @property
    def more(self):
        return max(self.count - len(self.rows), 0)


def _listing(queryset, fields, limit):
    """One query: the first `limit` rows (all with None), each carrying the count of them all
    (COUNT(*) OVER (), computed before the LIMIT)."""
    if limit is None:
        rows = list(queryset.values(*fields))
        return Listing(count=len(rows), rows=rows)
    rows = list(
        queryset.annotate(listing_count=models.Window(Count("pk"))).values(
            *fields, "listing_count"
        )[:limit]
    )
    return Listing(count=rows[0]["listing_count"] if rows else 0, rows=rows)


@dataclass
class GoalRow:
    id: int
    level: str
    level_label: str
    reference: str
    title: str
    owner_unit: str
    depth: int
    link_count: int
    is_own: bool
    indicators: list = field(default_factory=list)


@dataclass
class Report:
    """Everything the page, the XLSX and the CSV show; built by `build_report`."""

    window: Window
    department: object
    goals: list
    ideas: Listing
    decisions: Listing
    decisions_by_outcome: list
    trials_started: Listing
    trials_evaluated: Listing
    trial_results: dict
    implementations: Listing
    projects: Listing
    effects: list
    lessons: Listing
    lessons_by_outcome: list
    lessons_from_stopped: int

    @property
    def scope_name(self):
        return self.department.name if self.department else _("hela kommunen")

    @property
    def summary(self):
        return summary_text(self)


def build_report(user, window, department=None, *, limit=PAGE_ROWS):
    """The report for `user` over `window`, for `department` (a Unit) or the whole municipality.

    Queries (the same whatever the data size): goals 2–3, ideas 1, decisions 2 (the rows with
    their count, per outcome), trials 3 (started; evaluated with their count, per result),
    implementations 1, projects 1, effects 1, lessons 2 (the rows with their count, per outcome).
    """
    ideas = Idea.objects.visible_to(user)
    trials = Trial.objects.visible_to(user)
    implementations = Implementation.objects.visible_to(user)
    projects = Project.objects.visible_to(user)
    effects = Effect.objects.visible_to(user)
    lessons = Lesson.objects.visible_to(user)
    if department is not None:
        ideas = ideas.filter(owner_unit__department=department)
        trials = trials.filter(idea__owner_unit__department=department)
        implementations = implementations.filter(idea__owner_unit__department=department)
        projects = projects.in_department(department)
        effects = effects.filter(department=department)
        lessons = lessons.filter(department=department)

    submitted = ideas.filter(window.during("submitted_at")).order_by("-submitted_at", "-pk")
    decisions = (
        Decision.objects.filter(idea__in=ideas.values("pk"))
        .filter(window.during("decided_at"))
        .order_by("-decided_at", "-pk")
    )
    decisions_by_outcome = list(
        decisions.order_by().values("outcome").annotate(n=Count("pk")).order_by("-n", "outcome")
    )
    started = trials.filter(window.during("created_at")).order_by("-created_at", "-pk")
    evaluated = (
        trials.filter(window.during("evaluated_at"))
        .annotate(result=_trial_result())
        .order_by("-evaluated_at", "-pk")
    )
    trial_results = {
        row["result"] or "": row["n"]
        for row in evaluated.order_by().values("result").annotate(n=Count("pk"))
    }
    handed_over = implementations.filter(window.during("handover__created_at")).order_by(
        "-handover__created_at", "-pk"
    )
    active_projects = (
        projects.filter(created_at__lt=window.end)
        .filter(Q(status__in=Project.RUNNING) | Q(status_changed_at__gte=window.start))
        .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=window.ends_on))
        .order_by("title", "pk")
    )
    # Effects recorded by the end of the window; realised = the latest measurement (sums_by).
    effect_rows = list(effects.filter(created_at__lt=window.end).sums_by("kind").order_by("kind"))
    recorded = (
        lessons.filter(window.during("created_at"))
        .annotate(from_stopped=_from_stopped_trial())
        .order_by("-created_at", "-pk")
    )
    lessons_by_outcome = list(
        recorded.order_by()
        .values("outcome")
        .annotate(n=Count("pk"), stopped=Count("pk", filter=Q(from_stopped=True)))
        .order_by("outcome")
    )

    return Report(
        window=window,
        department=department,
        goals=goal_rows(user, window, department),
        ideas=_listing(
            submitted, ("id", "title", "owner_unit__name", "stage", "submitted_at"), limit
        ),
        decisions=_listing(
            decisions,
            ("id", "idea_id", "idea__title", "outcome", "from_stage", "to_stage", "decided_at"),
            limit,
        ),
        decisions_by_outcome=[
            {**row, "label": str(Outcome(row["outcome"]).label)} for row in decisions_by_outcome
        ],
        trials_started=_listing(
            started,
            ("id", "idea__title", "idea__owner_unit__name", "status", "starts_on", "ends_on"),
            limit,
        ),
        trials_evaluated=_listing(
            evaluated,
            ("id", "idea__title", "idea__owner_unit__name", "evaluated_at", "result"),
            limit,
        ),
        trial_results=trial_results,
        implementations=_listing(
            handed_over,
            (
                "id",
                "idea__title",
                "receiving_unit__name",
                "handover__line_unit__name",
                "handover__runs_from",
            ),
            limit,
        ),
        projects=_listing(
            active_projects,
            ("id", "title", "lead_unit__name", "status", "starts_on", "ends_on"),
            limit,
        ),
        effects=sorted(
            (_effect_row(row) for row in effect_rows),
            key=lambda row: Effect.Kind.values.index(row["kind"]),
        ),
        lessons=_listing(
            recorded,
            (
                "id",
                "title",
                "outcome",
                "unit__name",
                "created_at",
                "subject_type_id",
                "from_stopped",
            ),
            limit,
        ),
        lessons_by_outcome=[
            {**row, "label": str(Lesson.Outcome(row["outcome"]).label)}
            for row in lessons_by_outcome
        ],
        lessons_from_stopped=sum(row["stopped"] for row in lessons_by_outcome),
    )


def _trial_result():
    """The outcome of the first decision from "evaluated" taken after the trial's evaluation."""
    following = Decision.objects.filter(
        idea=OuterRef("idea"),
        from_stage=Stage.EVALUATED,
        outcome__in=TRIAL_RESULTS,
        decided_at__gte=OuterRef("evaluated_at"),
    ).order_by("decided_at", "pk")
    return Subquery(following.values("outcome")[:1])


def _from_stopped_trial():
    """True for a lesson on an idea stopped after its trial, or on a trial of such an idea."""
    idea_type = ContentType.objects.get_for_model(Idea).pk
    trial_type = ContentType.objects.get_for_model(Trial).pk
    stopped_idea = Idea.objects.filter(pk=OuterRef("subject_id"), stage=Stage.STOPPED)
    stopped_trial = Trial.objects.filter(pk=OuterRef("subject_id"), idea__stage=Stage.STOPPED)
    return (Q(subject_type_id=idea_type) & Exists(stopped_idea)) | (
        Q(subject_type_id=trial_type) & Exists(stopped_trial)
    )


def _effect_row(row):
    kind = row["kind"]
    return {
        "kind": kind,
        "label": Effect.Kind(kind).label,
        "unit_of_measure": str(Effect.UNIT_OF_MEASURE.get(kind, "")),
        "summed": kind in Effect.NUMERIC,
        "effect_count": row["effect_count"],
        "measured_count": row["measured_count"],
        "expected": row["expected"],
        "realised": row["realised"],
    }


def goal_rows(user, window, department):
    """The period's goals of `department` (owned in its subtree) and the goals above them, in
    tree order, each with its indicators and the number of linked items `user` may see."""
    goals = Goal.objects.filter(period=window.period, is_active=True)
    own_ids = None
    if department is not None:
        own = dict(
            goals.filter(owner_unit__path__startswith=department.path).values_list("pk", "path")
        )
        own_ids = set(own)
        wanted = set(own_ids)
        for path in own.values():
            wanted.update(int(part) for part in path.strip("/").split("/") if part)
        if not wanted:
            return []
        goals = Goal.objects.filter(pk__in=wanted)

    challenge_type = ContentType.objects.get_for_model(Challenge).pk
    # Challenges are open to everyone; the other kinds by their own visibility rule.
    links = (
        GoalLink.objects.filter(goal=OuterRef("pk"))
        .filter(visible_ids(user) | Q(subject_type_id=challenge_type))
        .order_by()
        .values("goal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = {
        goal["pk"]: GoalRow(
            id=goal["pk"],
            level=goal["level"],
            level_label=Goal.Level(goal["level"]).label,
            reference=goal["reference"],
            title=goal["title"],
            owner_unit=goal["owner_unit__name"] or "",
            depth=goal["depth"],
            link_count=goal["link_count"],
            is_own=own_ids is None or goal["pk"] in own_ids,
        )
        for goal in goals.annotate(link_count=Coalesce(Subquery(links), 0))
        .order_by("path")
        .values("pk", "level", "reference", "title", "owner_unit__name", "depth", "link_count")
    }
    if not rows:
        return []
    # The latest value measured from the period's start to the window's end.
    latest = IndicatorValue.objects.filter(
        indicator=OuterRef("pk"),
        measured_on__gte=window.period.starts_on,
        measured_on__lte=window.ends_on,
    ).order_by("-measured_on", "-pk")
    indicators = (
        Indicator.objects.filter(goal__in=list(rows))
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_on=Subquery(latest.values("measured_on")[:1]),
        )
        .order_by("goal", "reference", "pk")
        .values(
            "goal_id",
            "name",
            "unit_of_measure",
            "baseline",
            "target",
            "latest_value",
            "latest_on",
        )
    )
    for indicator in indicators:
        rows[indicator["goal_id"]].indicators.append(indicator)
    return list(rows.values())


def lesson_source_label(subject_type_id):
    """ "idé", "test", "projekt": the kind of item a lesson came from (no query: cached types)."""
    kind = subjects.kind_for_type(subject_type_id)
    return str(kind.model._meta.verbose_name) if kind else ""


def summary_text(report):
    """The lead paragraph: the report's figures as Swedish sentences, nothing else."""
    when, scope = report.window.label, report.scope_name
    parts = [
        ngettext(
            "Under %(when)s lämnades %(count)s idé in i %(scope)s.",
            "Under %(when)s lämnades %(count)s idéer in i %(scope)s.",
            report.ideas.count,
        )
        % {"when": when, "count": report.ideas.count, "scope": scope}
    ]
    decided = ngettext(
        "%(count)s beslut fattades",
        "%(count)s beslut fattades",
        report.decisions.count,
    ) % {"count": report.decisions.count}
    if report.decisions_by_outcome:
        details = ", ".join(
            f"{row['label'].lower()} {row['n']}" for row in report.decisions_by_outcome
        )
        decided += f" ({details})"
    parts.append(decided + ".")
    evaluated = report.trials_evaluated.count
    trials = ngettext(
        "%(started)s test startade och %(evaluated)s utvärderades",
        "%(started)s tester startade och %(evaluated)s utvärderades",
        report.trials_started.count,
    ) % {"started": report.trials_started.count, "evaluated": evaluated}
    if evaluated:
        results = report.trial_results
        trials += " " + _(
            "(%(implement)s ledde till införande, %(again)s testas igen, "
            "%(stop)s avslutades, %(open)s väntar på beslut)"
        ) % {
            "implement": results.get(Outcome.IMPLEMENT, 0),
            "again": results.get(Outcome.TEST_AGAIN, 0),
            "stop": results.get(Outcome.STOP, 0),
            "open": results.get("", 0),
        }
    parts.append(trials + ".")
    parts.append(
        ngettext(
            "%(count)s införande överlämnades till linjen och %(projects)s projekt pågick.",
            "%(count)s införanden överlämnades till linjen och %(projects)s projekt pågick.",
            report.implementations.count,
        )
        % {"count": report.implementations.count, "projects": report.projects.count}
    )
    summed = [row for row in report.effects if row["summed"] and row["expected"] is not None]
    if summed:
        parts.append(
            _("Förväntade effekter: %(expected)s. Realiserat hittills: %(realised)s.")
            % {
                "expected": ", ".join(
                    f"{change(row['expected'])} {row['unit_of_measure']}" for row in summed
                ),
                "realised": ", ".join(
                    f"{change(row['realised'] or 0)} {row['unit_of_measure']}" for row in summed
                ),
            }
        )
    parts.append(
        ngettext(
            "%(count)s lärdom dokumenterades, varav %(stopped)s från avslutade tester.",
            "%(count)s lärdomar dokumenterades, varav %(stopped)s från avslutade tester.",
            report.lessons.count,
        )
        % {"count": report.lessons.count, "stopped": report.lessons_from_stopped}
    )
    return " ".join(parts)


# The report's sections as tables, for the XLSX (one sheet each) and the CSV (?section=…).
SECTIONS = (
    ("summary", gettext_lazy("Sammanfattning")),
    ("goals", gettext_lazy("Mål")),
    ("ideas", gettext_lazy("Inlämnade idéer")),
    ("decisions", gettext_lazy("Beslut")),
    ("trials_started", gettext_lazy("Startade tester")),
    ("trials_evaluated", gettext_lazy("Utvärderade tester")),
    ("implementations", gettext_lazy("Överlämnade införanden")),
    ("projects", gettext_lazy("Pågående projekt")),
    ("effects", gettext_lazy("Effekter")),
    ("lessons", gettext_lazy("Lärdomar")),
)


def _local(moment):
    return timezone.localtime(moment) if moment else None


def _label(choices, value):
    return str(choices(value).label) if value else ""


def section_table(report, key):
    """(columns, rows) of section `key` of `report`: every row the report holds."""
    if key == "summary":
        columns = [_("Uppgift"), _("Värde")]
        rows = [
            (_("Period"), report.window.label),
            (_("Från och med"), report.window.starts_on),
            (_("Till och med"), report.window.ends_on),
            (_("Förvaltning"), report.scope_name),
            (_("Inlämnade idéer"), report.ideas.count),
            (_("Beslut"), report.decisions.count),
            *(
                (_("Beslut: %(outcome)s") % {"outcome": row["label"]}, row["n"])
                for row in report.decisions_by_outcome
            ),
            (_("Startade tester"), report.trials_started.count),
            (_("Utvärderade tester"), report.trials_evaluated.count),
            (_("Överlämnade införanden"), report.implementations.count),
            (_("Pågående projekt"), report.projects.count),
            (_("Lärdomar"), report.lessons.count),
            (_("Lärdomar från avslutade tester"), report.lessons_from_stopped),
            (_("Sammanfattning"), report.summary),
        ]
        return columns, rows
    if key == "goals":
        columns = [
            _("Nivå"),
            _("Referens"),
            _("Mål"),
            _("Ansvarig enhet"),
            _("Kopplade insatser"),
            _("Indikator"),
            _("Enhet"),
            _("Utgångsläge"),
            _("Målvärde"),
            _("Senaste värde"),
            _("Mätdatum"),
        ]
        rows = []
        for goal in report.goals:
            head = (goal.level_label, goal.reference, goal.title, goal.owner_unit, goal.link_count)
            if not goal.indicators:
                rows.append((*head, "", "", None, None, None, None))
            for ind in goal.indicators:
                rows.append(
                    (
                        *head,
                        ind["name"],
                        ind["unit_of_measure"],
                        ind["baseline"],
                        ind["target"],
                        ind["latest_value"],
                        ind["latest_on"],
                    )
                )
        return columns, rows
    if key == "ideas":
        columns = [_("Id"), _("Idé"), _("Enhet"), _("Steg nu"), _("Inlämnad")]
        rows = [
            (
                r["id"],
                r["title"],
                r["owner_unit__name"],
                _label(Stage, r["stage"]),
                _local(r["submitted_at"]),
            )
            for r in report.ideas.rows
        ]
        return columns, rows
    if key == "decisions":
        columns = [
            _("Beslutad"),
            _("Idé-id"),
            _("Idé"),
            _("Beslut"),
            _("Från steg"),
            _("Till steg"),
        ]
        rows = [
            (
                _local(r["decided_at"]),
                r["idea_id"],
                r["idea__title"],
                _label(Outcome, r["outcome"]),
                _label(Stage, r["from_stage"]),
                _label(Stage, r["to_stage"]),
            )
            for r in report.decisions.rows
        ]
        return columns, rows
    if key == "trials_started":
        columns = [_("Id"), _("Idé"), _("Enhet"), _("Status"), _("Startar"), _("Slutar")]
        rows = [
            (
                r["id"],
                r["idea__title"],
                r["idea__owner_unit__name"],
                _label(Trial.Status, r["status"]),
                r["starts_on"],
                r["ends_on"],
            )
            for r in report.trials_started.rows
        ]
        return columns, rows
    if key == "trials_evaluated":
        columns = [_("Id"), _("Idé"), _("Enhet"), _("Utvärderat"), _("Resultat")]
        rows = [
            (
                r["id"],
                r["idea__title"],
                r["idea__owner_unit__name"],
                _local(r["evaluated_at"]),
                trial_result_label(r["result"]),
            )
            for r in report.trials_evaluated.rows
        ]
        return columns, rows
    if key == "implementations":
        columns = [
            _("Id"),
            _("Idé"),
            _("Mottagande enhet"),
            _("Enhet som driver det"),
            _("I drift från"),
        ]
        rows = [
            (
                r["id"],
                r["idea__title"],
                r["receiving_unit__name"],
                r["handover__line_unit__name"],
                r["handover__runs_from"],
            )
            for r in report.implementations.rows
        ]
        return columns, rows
    if key == "projects":
        columns = [_("Id"), _("Projekt"), _("Ledande enhet"), _("Status"), _("Start"), _("Slut")]
        rows = [
            (
                r["id"],
                r["title"],
                r["lead_unit__name"],
                _label(Project.Status, r["status"]),
                r["starts_on"],
                r["ends_on"],
            )
            for r in report.projects.rows
        ]
        return columns, rows
    if key == "effects":
        columns = [
            _("Slag av effekt"),
            _("Enhet"),
            _("Effekter"),
            _("Varav uppmätta"),
            _("Förväntad"),
            _("Realiserad"),
        ]
        rows = [
            (
                r["label"],
                r["unit_of_measure"],
                r["effect_count"],
                r["measured_count"],
                r["expected"] if r["summed"] else None,
                r["realised"] if r["summed"] else None,
            )
            for r in report.effects
        ]
        return columns, rows
    if key == "lessons":
        columns = [
            _("Id"),
            _("Lärdom"),
            _("Hur gick det?"),
            _("Enhet"),
            _("Från"),
            _("Från avslutat test"),
            _("Dokumenterad"),
        ]
        rows = [
            (
                r["id"],
                r["title"],
                _label(Lesson.Outcome, r["outcome"]),
                r["unit__name"],
                lesson_source_label(r["subject_type_id"]),
                bool(r["from_stopped"]),
                _local(r["created_at"]),
            )
            for r in report.lessons.rows
        ]
        return columns, rows
    raise KeyError(key)


def trial_result_label(result):
    """What an evaluated trial led to, in words."""
    labels = {
        Outcome.IMPLEMENT: _("Införs"),
        Outcome.TEST_AGAIN: _("Testas igen"),
        Outcome.STOP: _("Avslutades"),
    }
    return labels.get(result, _("Inget beslut än"))
