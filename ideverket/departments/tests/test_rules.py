"""Who may change a department's settings and plan: its managers and innovation leads (on the
department or above it) and the coordinator. Everyone may see the overview."""

import pytest

from ideverket.departments.rules import can_manage_department

EXPECTED = {
    # persona: (may manage education, may manage social)
    "lead": (True, False),  # innovation lead on education
    "director": (True, False),  # manager on education
    "manager": (False, False),  # manager on a unit below education, not the department
    "inspirer": (False, False),
    "employee": (False, False),
    "social_lead": (False, True),
    "outsider": (False, False),
    "coordinator": (True, True),
    "admin": (False, False),  # manages the organisation, not its content
}


@pytest.mark.parametrize("persona", EXPECTED)
def test_manage_department(cast, persona):
    user = cast.fresh(persona)
    education, social = EXPECTED[persona]
    assert can_manage_department(user, cast.education) is education
    assert can_manage_department(user, cast.social) is social
    assert user.has_perm("departments.manage_department", cast.education) is education


def test_inactive_people_and_no_department(cast):
    lead = cast.fresh("lead")
    assert can_manage_department(lead, None) is False
    lead.is_active = False
    assert can_manage_department(lead, cast.education) is False
