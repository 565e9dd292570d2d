"""The person read for a request says whether they hold any role (org.backends): most hold none,
and then their role assignments are known to be empty without a query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideverket.org.actions import do_grant_role, do_revoke_role
from ideverket.org.backends import ModelBackend
from ideverket.org.models import RoleAssignment

pytestmark = pytest.mark.django_db


def read(person):
    """The person as a request reads them, their roles and the queries that took."""
    with CaptureQueriesContext(connection) as queries:
        user = ModelBackend().get_user(person.pk)
        roles = [(a.role, a.unit_id) for a in user.role_assignments]
        flags = (user.is_coordinator, user.is_org_admin)
    return roles, flags, len(queries)


def test_no_roles_no_query(cast):
    assert read(cast.employee) == ([], (False, False), 1)


@pytest.mark.parametrize("key", ["coordinator", "admin", "manager", "lead", "inspirer"])
def test_roles_read_as_before(cast, key):
    person = getattr(cast, key)
    expected = [(a.role, a.unit_id) for a in cast.fresh(key).role_assignments]
    roles, flags, queries = read(person)
    assert roles == expected != []
    assert flags == (cast.fresh(key).is_coordinator, cast.fresh(key).is_org_admin)
    assert queries == 2


def test_a_granted_or_revoked_role_counts_from_the_next_request(cast):
    do_grant_role(None, cast.employee, cast.school, RoleAssignment.Role.INSPIRER)
    assert read(cast.employee)[0] == [(RoleAssignment.Role.INSPIRER, cast.school.pk)]
    assignment = RoleAssignment.objects.get(user=cast.employee)
    do_revoke_role(cast.admin, assignment)
    assert read(cast.employee) == ([], (False, False), 1)
