"""Who may answer, manage and see what of the self-assessment. Views enforce these.

Results are only aggregates; which groups a person sees by name is `results_scope(user)`:
the coordinator every department; a manager or innovation lead the departments they hold the
role in, plus "övriga förvaltningar" as one aggregate; everyone their own department. All see
the municipality as a whole. The table is in docs/roles.md.
"""

from dataclasses import dataclass, field

import rules

from ideverket.org.models import RoleAssignment


def department_id_of(user):
    """The id of the department the user belongs to now, or None (no unit, or the root)."""
    unit = getattr(user, "unit", None)
    return unit.department_id if unit is not None else None


@dataclass(frozen=True)
class ResultsScope:
    """The departments whose figures a person sees by name, and whether they see "others"."""

    every_department: bool = False
    department_ids: frozenset = field(default_factory=frozenset)
    others: bool = False

    def shows(self, department_id):
        return self.every_department or department_id in self.department_ids


def results_scope(user):
    if not user.is_authenticated:
        return ResultsScope()
    if user.is_coordinator:
        return ResultsScope(every_department=True)
    own = {department_id_of(user)}
    led = {
        unit.department_id
        for unit in user.role_units(*RoleAssignment.DECIDERS)
        if unit.department_id is not None
    }
    return ResultsScope(department_ids=frozenset((own | led) - {None}), others=bool(led))


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def can_answer(user, round):
    """The round takes answers and the person belongs to a department (their group)."""
    return (
        user.is_authenticated
        and user.is_active
        and round is not None
        and round.accepts_answers()
        and department_id_of(user) is not None
    )


rules.add_perm("capability.manage", is_coordinator)
rules.add_perm("capability.answer", can_answer)
