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

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db.models import Exists, OuterRef

from .models import RoleAssignment

# Built once: annotate() resolves a copy for each query.
HAS_ROLES = Exists(RoleAssignment.objects.filter(user=OuterRef("pk")))


class StaffPermissionsOnly:
    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = (
                User._default_manager.select_related("unit")
                .annotate(has_roles=HAS_ROLES)
                .get(pk=user_id)
            )
        except User.DoesNotExist:
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
