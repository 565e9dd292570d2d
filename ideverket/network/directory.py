"""Finding an inspirer: every active inspirer, nearest to a unit first.

Three groups, in this order: those holding the role on the unit itself or on a unit above it
within its department (the deepest first, so the unit's own inspirer leads); the rest of the
unit's department; everyone else, by department. One query loads all of them with their units
and profiles; the grouping is plain Python over a few hundred rows at most.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ideverket.org.models import RoleAssignment


@dataclass
class Inspirer:
    user: object
    profile: object
    role_units: list = field(default_factory=list)

    @property
    def departments(self):
        return sorted({u.department.name for u in self.role_units if u.department_id is not None})


@dataclass
class Group:
    key: str
    heading: str
    people: list


def load_inspirers():
    """{user id: Inspirer} for every active person with the inspirer role (one query)."""
    assignments = (
        RoleAssignment.objects.filter(role=RoleAssignment.Role.INSPIRER, user__is_active=True)
        .select_related("unit__department", "user__unit", "user__inspirer_profile")
        .order_by("user__name", "user_id", "unit__path")
    )
    people = {}
    for assignment in assignments:
        user = assignment.user
        entry = people.get(user.pk)
        if entry is None:
            profile = getattr(user, "inspirer_profile", None)
            entry = people[user.pk] = Inspirer(user=user, profile=profile)
        entry.role_units.append(assignment.unit)
    return people


def _nearness(entry, unit):
    """(group, -depth): 0 with the depth of the nearest role unit at or above `unit` inside its
    department, 1 elsewhere in the department, 2 outside."""
    best = (2, 0)
    for role_unit in entry.role_units:
        if unit.department_id is None or role_unit.department_id != unit.department_id:
            continue
        here = (0, -role_unit.depth) if unit.is_within(role_unit) else (1, 0)
        best = min(best, here)
    return best


def nearest_groups(unit, people=None):
    """The inspirers grouped for `unit` (None: everyone under "others"), empty groups left out."""
    people = load_inspirers() if people is None else people
    near, department, others = [], [], []
    for entry in people.values():
        group, depth = _nearness(entry, unit) if unit is not None else (2, 0)
        key = (depth, entry.user.name.casefold(), entry.user.pk)
        if group == 0:
            near.append((key, entry))
        elif group == 1:
            department.append((key[1:], entry))
        else:
            others.append((((entry.departments or [""])[0].casefold(), *key[1:]), entry))
    groups = []
    if near:
        groups.append(
            Group(
                "near",
                _("Närmast %(unit)s") % {"unit": unit.name},
                [e for _k, e in sorted(near, key=lambda item: item[0])],
            )
        )
    if department:
        groups.append(
            Group(
                "department",
                _("Övriga i %(department)s") % {"department": unit.department.name},
                [e for _k, e in sorted(department, key=lambda item: item[0])],
            )
        )
    if others:
        heading = _("I andra förvaltningar") if near or department else _("Alla idéinspiratörer")
        groups.append(
            Group("others", heading, [e for _k, e in sorted(others, key=lambda item: item[0])])
        )
    return groups
