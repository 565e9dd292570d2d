"""Results of the self-assessment as aggregates: averages per round, department and dimension.

The database does the arithmetic: one grouped query over the answers (sum, count, average and
respondents per round × department × dimension) and one over the responses (per round ×
department). Only those few group rows come back to Python, where they are combined into the
municipality and "övriga förvaltningar" figures and checked against the anonymity threshold.

Anonymity: a department's figures are shown only when at least MIN_RESPONDENTS people in it
answered the round, and a dimension's average only when at least that many gave it a number
(not "vet inte"). The municipality and "övriga" figures are built from the departments that
are shown, never from the hidden ones, so nobody can subtract their way to a small group.
Results of a round are shown once it is closed, so averages cannot be watched as people answer.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Sum
from django.utils.translation import gettext as _

from ideverket.org.models import Unit

from .models import MIN_RESPONDENTS, Answer, Dimension, Response, Round

MUNICIPALITY = "kommun"
OTHERS = "ovriga"


@dataclass
class Cell:
    """One group's figure for one dimension in one round."""

    total: int = 0
    answers: int = 0
    respondents: int = 0
    hidden: bool = False

    @property
    def average(self):
        if self.hidden or not self.answers:
            return None
        return self.total / self.answers


@dataclass
class Group:
    """A row of the results: a department, "övriga förvaltningar" or the municipality."""

    key: str
    name: str
    department_id: int | None = None
    # round id -> responses, round id -> {dimension id -> Cell}
    responses: dict = field(default_factory=dict)
    cells: dict = field(default_factory=dict)

    def shown(self, round_id):
        return self.responses.get(round_id, 0) >= MIN_RESPONDENTS

    def cell(self, round_id, dimension_id):
        cell = self.cells.get(round_id, {}).get(dimension_id)
        if cell is None or not self.shown(round_id) or cell.respondents < MIN_RESPONDENTS:
            return Cell(hidden=True, respondents=cell.respondents if cell else 0)
        return cell


def group_rows(round_ids):
    """The grouped answer rows and response counts of `round_ids` (two queries)."""
    answers = list(
        Answer.objects.filter(response__round_id__in=round_ids, value__isnull=False)
        .order_by()
        .values("response__round_id", "response__department_id", "round_question__dimension_id")
        .annotate(
            total=Sum("value"),
            answers=Count("pk"),
            average=Avg("value"),
            respondents=Count("response_id", distinct=True),
        )
    )
    responses = list(
        Response.objects.filter(round_id__in=round_ids)
        .order_by()
        .values("round_id", "department_id")
        .annotate(responses=Count("pk"))
    )
    return answers, responses


def _add(target, round_id, dimension_id, cell):
    into = target.cells.setdefault(round_id, {}).setdefault(dimension_id, Cell())
    into.total += cell.total
    into.answers += cell.answers
    into.respondents += cell.respondents


@dataclass
class Results:
    rounds: list
    dimensions: list
    groups: list  # in display order: named departments, övriga, kommunen

    def group(self, key):
        return next((g for g in self.groups if g.key == key), None)


def build_results(scope, rounds=None, departments=None):
    """The groups `scope` may see (see rules.results_scope), for `rounds` (default: closed).

    Queries: closed rounds and all departments (unless given), dimensions, and the two grouped
    ones.
    """
    rounds = list(Round.objects.closed().order_by("year")) if rounds is None else list(rounds)
    dimensions = list(Dimension.objects.all())
    if departments is None:
        departments = Unit.objects.departments().order_by("name").only("id", "name")
    departments = list(departments)
    round_ids = [r.pk for r in rounds]
    answer_rows, response_rows = group_rows(round_ids) if round_ids else ([], [])

    by_department = {
        d.pk: Group(key=str(d.pk), name=d.name, department_id=d.pk) for d in departments
    }
    for row in response_rows:
        group = by_department.get(row["department_id"])
        if group is not None:
            group.responses[row["round_id"]] = row["responses"]
    for row in answer_rows:
        group = by_department.get(row["response__department_id"])
        if group is not None:
            group.cells.setdefault(row["response__round_id"], {})[
                row["round_question__dimension_id"]
            ] = Cell(row["total"], row["answers"], row["respondents"])

    municipality = Group(key=MUNICIPALITY, name=_("Hela kommunen"))
    others = Group(key=OTHERS, name=_("Övriga förvaltningar"))
    for group in by_department.values():
        for round_id in round_ids:
            if not group.shown(round_id):
                continue
            targets = [municipality]
            if not scope.shows(group.department_id):
                targets.append(others)
            for target in targets:
                target.responses[round_id] = (
                    target.responses.get(round_id, 0) + group.responses[round_id]
                )
                for dimension in dimensions:
                    cell = group.cell(round_id, dimension.pk)
                    if not cell.hidden:
                        _add(target, round_id, dimension.pk, cell)

    groups = [g for g in by_department.values() if scope.shows(g.department_id)]
    if scope.others and not scope.every_department:
        groups.append(others)
    groups.append(municipality)
    return Results(rounds=rounds, dimensions=dimensions, groups=groups)


def export_rows(results, rounds, groups):
    """Long-format rows for the CSV/XLSX download: one per round, group and dimension."""
    for round in rounds:
        for group in groups:
            shown = group.shown(round.pk)
            for dimension in results.dimensions:
                cell = group.cell(round.pk, dimension.pk)
                yield [
                    round.year,
                    group.name,
                    dimension.name,
                    None if cell.average is None else round_to(cell.average),
                    group.responses.get(round.pk, 0) if shown else None,
                    ""
                    if cell.average is not None
                    else _("Färre än %(n)s svar") % {"n": MIN_RESPONDENTS},
                ]


def round_to(value, places=2):
    return round(value, places)
