"""Sign-in backends whose Django model permissions are read only for the admin site's staff.

Everything Idéverket allows or refuses is decided by django-rules (ideverket/*/rules.py,
docs/roles.md). Django's ModelBackend would still read a person's user and group permissions
(two queries) whenever a rule says no to a permission asked without an object, such as a
"may create" button; nobody but staff ever holds model permissions, so for everyone else the
answer is known without asking the database. Staff and superusers keep Django's behaviour, which
the admin site (/django-admin/) relies on.

They also read the signed-in person's unit in the same query as the person: nearly every page
needs it (visibility, the menu), and it was a query of its own on each request. The same query
says whether the person holds any role: most people hold none, and then their role assignments
are known to be empty without the query that reads them.

Both backends keep their parent's dotted path's behaviour for signing in; sessions store the
path of the backend that signed a person in, so these names are the ones in
settings.AUTHENTICATION_BACKENDS.
"""

import functools

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router

from .models import RoleAssignment, Unit


class PersonQuery:
    """Reads a signed-in person, their unit and whether they hold any role: one statement,
    written once per database from the models' fields, on every request after that only run.

    The ORM built and compiled the same query anew on every request, about 1.5 ms of Python
    for a statement the database answers in a tenth of that (docs/performance.md). Values go
    through the same converters the ORM applies, and the instances are made as the ORM makes
    them (Model.from_db), so the person is the same object either way
    (org/tests/test_backend_roles.py compares the two field by field).
    """

    @staticmethod
    @functools.cache
    def _prepared(alias):
        connection = connections[alias]
        User = get_user_model()
        quote = connection.ops.quote_name
        user_fields, unit_fields = User._meta.concrete_fields, Unit._meta.concrete_fields
        columns = [f"u.{quote(f.column)}" for f in user_fields]
        columns += [f"n.{quote(f.column)}" for f in unit_fields]
        roles = RoleAssignment._meta
        has_roles = (
            f"EXISTS(SELECT 1 FROM {quote(roles.db_table)} r "
            f"WHERE r.{quote(roles.get_field('user').column)} = u.{quote(User._meta.pk.column)})"
        )
        sql = (
            f"SELECT {', '.join(columns)}, {has_roles} "
            f"FROM {quote(User._meta.db_table)} u "
            f"LEFT OUTER JOIN {quote(Unit._meta.db_table)} n "
            f"ON n.{quote(Unit._meta.pk.column)} = u.{quote(User._meta.get_field('unit').column)} "
            f"WHERE u.{quote(User._meta.pk.column)} = %s"
        )

        def converters(fields):
            # What SQLCompiler.get_converters() finds for each column (dates on SQLite, …).
            return [
                (
                    field.cached_col,
                    connection.ops.get_db_converters(field.cached_col)
                    + field.get_db_converters(connection),
                )
                for field in fields
            ]

        return (
            sql,
            ([f.attname for f in user_fields], converters(user_fields)),
            ([f.attname for f in unit_fields], converters(unit_fields)),
        )

    def get(self, user_id):
        """The person with `user_id` (unit loaded, `has_roles` set), or None."""
        User = get_user_model()
        connection = connections[router.db_for_read(User)]
        sql, (user_names, user_converters), (unit_names, unit_converters) = self._prepared(
            connection.alias
        )
        pk = User._meta.pk.get_prep_value(User._meta.pk.to_python(user_id))
        with connection.cursor() as cursor:
            cursor.execute(sql, [pk])
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)

        def convert(values, found):
            for index, (expression, functions) in enumerate(found):
                for function in functions:
                    values[index] = function(values[index], expression, connection)
            return values

        n = len(user_names)
        user = User.from_db(connection.alias, user_names, convert(row[:n], user_converters))
        unit_values = row[n : n + len(unit_names)]
        unit = None
        if unit_values[0] is not None:
            unit = Unit.from_db(connection.alias, unit_names, convert(unit_values, unit_converters))
        User.unit.field.set_cached_value(user, unit)  # as select_related("unit") does
        user.has_roles = bool(row[-1])
        return user


PERSON = PersonQuery()


class StaffPermissionsOnly:
    def get_user(self, user_id):
        try:
            user = PERSON.get(user_id)
        except (TypeError, ValueError, ValidationError):
            return None  # a malformed id in a session: nobody, as the ORM's DoesNotExist
        if user is None:
            return None
        if not user.has_roles:
            user.__dict__["role_assignments"] = []  # User.role_assignments, known without a query
        return user if self.user_can_authenticate(user) else None

    def _get_permissions(self, user_obj, obj, from_name):
        if not (user_obj.is_staff or user_obj.is_superuser):
            return set()
        return super()._get_permissions(user_obj, obj, from_name)

    async def _aget_permissions(self, user_obj, obj, from_name):
        if not (user_obj.is_staff or user_obj.is_superuser):
            return set()
        return await super()._aget_permissions(user_obj, obj, from_name)


class ModelBackend(StaffPermissionsOnly, DjangoModelBackend):
    """Django's ModelBackend, without the permission queries for people who are not staff."""


class AuthenticationBackend(StaffPermissionsOnly, AllauthBackend):
    """allauth's e-mail sign-in, without the permission queries for people who are not staff."""
