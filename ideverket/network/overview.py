"""The network's figures per department: how many inspirers, how many per hundred employees,
how much they coach, and how often they took part in network activities.

- An inspirer belongs to the department of each unit they hold the role on (one with the role
  in two departments counts in both).
- Employees: active people whose unit lies within the department.
- Coaching: ideas the viewer may see (`Idea.objects.visible_to`) in a stage where coaching goes
  on (`COACHED_STAGES`: submitted until the journey has ended) whose coach is the inspirer.
- Activity: activities that started in the last twelve months at which the inspirer was marked
  as attending.

Five queries whatever the size: departments, inspirers, employees, coached ideas, attendances.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from ideverket.ideas.models import Idea
from ideverket.org.models import Unit, User

from .directory import load_inspirers
from .models import COACHED_STAGES, Participation

ACTIVITY_WINDOW = timedelta(days=365)


@dataclass
class InspirerRow:
    user: object
    profile: object
    units: list
    coached: int
    attended: int


@dataclass
class DepartmentRow:
    department: object  # None for the total
    inspirers: int = 0
    employees: int = 0
    coached: int = 0
    attended: int = 0
    taking_part: int = 0  # inspirers who attended at least one activity
    people: list = field(default_factory=list)

    @property
    def per_hundred(self):
        if not self.employees:
            return None
        return round(self.inspirers * 100 / self.employees, 1)

    @property
    def load(self):
        if not self.inspirers:
            return None
        return round(self.coached / self.inspirers, 1)


def build_overview(viewer, department_ids=None, now=None):
    """(department rows, total row) for the departments in `department_ids` (None: all)."""
    now = now or timezone.now()
    departments = Unit.objects.departments().active().order_by("name")
    if department_ids is not None:
        departments = departments.filter(pk__in=department_ids)
    departments = list(departments)
    wanted = {d.pk for d in departments}
    people = load_inspirers()
    employees = dict(
        User.objects.filter(is_active=True, unit__department_id__in=wanted)
        .values_list("unit__department_id")
        .annotate(n=Count("pk"))
        .values_list("unit__department_id", "n")
    )
    members = {pk: [] for pk in wanted}
    for entry in people.values():
        for department_id in {u.department_id for u in entry.role_units}:
            if department_id in members:
                members[department_id].append(entry)
    shown_ids = {entry.user.pk for group in members.values() for entry in group}
    coached = dict(
        Idea.objects.visible_to(viewer)
        .filter(stage__in=COACHED_STAGES, coach_id__in=shown_ids)
        .values_list("coach_id")
        .annotate(n=Count("pk"))
        .values_list("coach_id", "n")
    )
    attended = Counter(
        dict(
            Participation.objects.filter(
                attended=True,
                user_id__in=shown_ids,
                activity__starts_at__gte=now - ACTIVITY_WINDOW,
                activity__starts_at__lte=now,
            )
            .values_list("user_id")
            .annotate(n=Count("pk"))
            .values_list("user_id", "n")
        )
    )
    rows = []
    for department in departments:
        row = DepartmentRow(department, employees=employees.get(department.pk, 0))
        for entry in members[department.pk]:
            row.people.append(
                InspirerRow(
                    user=entry.user,
                    profile=entry.profile,
                    units=[u for u in entry.role_units if u.department_id == department.pk],
                    coached=coached.get(entry.user.pk, 0),
                    attended=attended[entry.user.pk],
                )
            )
        row.inspirers = len(row.people)
        row.coached = sum(p.coached for p in row.people)
        row.attended = sum(p.attended for p in row.people)
        row.taking_part = sum(1 for p in row.people if p.attended)
        rows.append(row)
    total = DepartmentRow(None, employees=sum(r.employees for r in rows))
    total.inspirers = len(shown_ids)
    total.coached = sum(coached.get(pk, 0) for pk in shown_ids)
    total.attended = sum(attended[pk] for pk in shown_ids)
    total.taking_part = sum(1 for pk in shown_ids if attended[pk])
    return rows, total
