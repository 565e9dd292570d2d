"""Coverage: in each department, the share of a course's target group who have completed it.

The target group of a course (Course.audience) in a department is the active people whose unit
lies in that department and — for "Chefer", "Innovationsledare", "Idéinspiratörer" — who hold
that role on some unit. Completed means an Enrollment marked completed on any session of the
course. Everything is counted in the database with a fixed number of grouped queries (four,
after the departments and the courses), however many people, courses and departments there are.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from ideverket.org.models import Unit, User

from .models import Audience, Course, Enrollment


@dataclass
class Cell:
    completed: int
    total: int
    department: object = None

    @property
    def share(self):
        """Percent, rounded to a whole number, or None when the group is empty."""
        return round(100 * self.completed / self.total) if self.total else None


@dataclass
class CourseCoverage:
    course: Course
    cells: list = field(default_factory=list)  # one Cell per department, in department order
    total: Cell = None


def build_coverage(department_ids=None):
    """(departments, [CourseCoverage]) for the departments in `department_ids` (None: all)."""
    departments = Unit.objects.departments().active().order_by("name").only("id", "name")
    if department_ids is not None:
        departments = departments.filter(pk__in=department_ids)
    departments = list(departments)
    courses = list(Course.objects.order_by("title", "pk"))
    roles = [r for r in (Audience.role_of(a) for a in Audience.values) if r]

    people = User.objects.filter(is_active=True, unit__department__isnull=False)
    everyone = {
        row["unit__department_id"]: row["n"]
        for row in people.values("unit__department_id").annotate(n=Count("pk"))
    }
    with_role = {
        (row["unit__department_id"], row["roles__role"]): row["n"]
        for row in people.filter(roles__role__in=roles)
        .values("unit__department_id", "roles__role")
        .annotate(n=Count("pk", distinct=True))
    }
    completions = Enrollment.objects.filter(
        completed=True, person__is_active=True, person__unit__department__isnull=False
    )
    done_everyone = {
        (row["session__course_id"], row["person__unit__department_id"]): row["n"]
        for row in completions.values("session__course_id", "person__unit__department_id").annotate(
            n=Count("person", distinct=True)
        )
    }
    done_with_role = {
        (
            row["session__course_id"],
            row["person__unit__department_id"],
            row["person__roles__role"],
        ): row["n"]
        for row in completions.filter(person__roles__role__in=roles)
        .values("session__course_id", "person__unit__department_id", "person__roles__role")
        .annotate(n=Count("person", distinct=True))
    }

    rows = []
    for course in courses:
        role = Audience.role_of(course.audience)
        cells = []
        for department in departments:
            if role is None:
                total = everyone.get(department.pk, 0)
                done = done_everyone.get((course.pk, department.pk), 0)
            else:
                total = with_role.get((department.pk, role), 0)
                done = done_with_role.get((course.pk, department.pk, role), 0)
            cells.append(Cell(completed=done, total=total, department=department))
        rows.append(
            CourseCoverage(
                course=course,
                cells=cells,
                total=Cell(
                    completed=sum(c.completed for c in cells), total=sum(c.total for c in cells)
                ),
            )
        )
    return departments, rows
