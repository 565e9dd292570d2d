"""The person read for a request says whether they hold any role (org.backends): most hold none,
and then their role assignments are known to be empty without a query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideverket.org.actions import do_grant_role, do_revoke_role
from ideverket.org.backends import PERSON, ModelBackend
from ideverket.org.models import RoleAssignment, User

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


def fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@pytest.mark.parametrize("key", ["employee", "coordinator", "without_unit", "inactive"])
def test_the_person_read_is_the_one_the_orm_reads(cast, key):
    """org.backends.PersonQuery writes its statement itself: the person and their unit come
    out exactly as select_related("unit") gives them, on SQLite and PostgreSQL alike."""
    if key == "without_unit":
        User.objects.filter(pk=cast.colleague.pk).update(unit=None)
        person = cast.colleague
    elif key == "inactive":
        User.objects.filter(pk=cast.outsider.pk).update(is_active=False)
        person = cast.outsider
    else:
        person = getattr(cast, key)
    expected = User.objects.select_related("unit").get(pk=person.pk)
    with CaptureQueriesContext(connection) as queries:
        found = PERSON.get(person.pk)
        unit = found.unit
    assert len(queries) == 1
    assert fields(found) == fields(expected)
    assert found.has_roles == RoleAssignment.objects.filter(user=person).exists()
    assert (unit and fields(unit)) == (expected.unit and fields(expected.unit))
    assert found._state.db == expected._state.db and not found._state.adding
    assert isinstance(found.date_joined, datetime.datetime) and found.is_active is (
        key != "inactive"
    )
    if unit is not None:
        assert unit.is_active is True and isinstance(unit.depth, int)
    # Sign-in refuses the inactive one, as before.
    assert (ModelBackend().get_user(person.pk) is None) is (key == "inactive")


def test_nobody_for_an_unknown_or_malformed_id(cast):
    assert PERSON.get(10**9) is None
    assert ModelBackend().get_user(10**9) is None
    assert ModelBackend().get_user("not a number") is None
