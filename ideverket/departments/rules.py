"""Who may change a department's settings and innovation plan. Views enforce these; templates
only hide buttons.

Seeing a department's overview is open to every logged-in person (it is the municipality's own
work); what it counts comes from the viewer's visible querysets.
"""

import rules

from ideverket.org.models import RoleAssignment


@rules.predicate
def can_manage_department(user, department):
    """Its managers and innovation leads (on the department or above it), and the coordinator."""
    if department is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_coordinator or user.has_role_over(department, *RoleAssignment.DECIDERS)


rules.add_perm("departments.manage_department", can_manage_department)
