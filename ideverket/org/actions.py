"""Changes to the organisation: units, people and roles. Each one is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import RoleAssignment, Unit, User


def _require_admin(actor):
    if actor is not None and not actor.is_org_admin:
        raise PermissionDenied


@transaction.atomic
def do_create_unit(actor, *, name, parent=None, kind=None, is_support_function=False, external_id=""):
    """Add a unit to the tree (actor None for system jobs such as the demo loader)."""
    _require_admin(actor)
    name = normalize_text(name)
    if kind is None:
        kind = (Unit.Kind.MUNICIPALITY if parent is None
                else Unit.Kind.DEPARTMENT if parent.kind == Unit.Kind.MUNICIPALITY
                else Unit.Kind.UNIT)
    unit = Unit.objects.create(
        name=name, parent=parent, kind=kind, is_support_function=is_support_function,
        external_id=external_id,
    )
    unit.rebuild_path()
    record_event(actor, Event.Verb.CREATED, unit, name=name)
    return unit


@transaction.atomic
def do_update_unit(actor, unit, *, name, parent, is_support_function, is_active):
    """Rename, move or (de)activate a unit; moving carries its whole subtree along."""
    _require_admin(actor)
    if parent is not None and parent.is_within(unit):
        raise ValidationError({"parent": _("En enhet kan inte flyttas in under sig själv.")})
    moved = parent != unit.parent
    unit.name = normalize_text(name)
    unit.parent = parent
    unit.is_support_function = is_support_function
    unit.is_active = is_active
    unit.save(update_fields=["name", "parent", "is_support_function", "is_active"])
    if moved:
        unit.rebuild_path()
    record_event(actor, Event.Verb.EDITED, unit, name=unit.name, moved=moved)
    return unit


@transaction.atomic
def do_create_user(actor, *, email, name, unit, title="", password=None):
    _require_admin(actor)
    user = User.objects.create_user(email=email, name=name, unit=unit, title=normalize_text(title),
                                    password=password)
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    record_event(actor, Event.Verb.CREATED, user, name=user.name)
    return user


@transaction.atomic
def do_update_user(actor, user, *, name, email, unit, title, is_active):
    _require_admin(actor)
    user.name, user.email, user.unit = name, email.lower(), unit
    user.title, user.is_active = normalize_text(title), is_active
    user.save(update_fields=["name", "email", "unit", "title", "is_active", "search_text"])
    record_event(actor, Event.Verb.EDITED, user, name=user.name, active=is_active)
    return user


@transaction.atomic
def do_grant_role(actor, user, unit, role):
    """Give `user` `role` on `unit`. Central roles live on the municipality (the root)."""
    _require_admin(actor)
    if role in RoleAssignment.CENTRAL and unit.parent_id is not None:
        raise ValidationError({"unit": _("Centrala roller ges på kommunnivå.")})
    assignment, created = RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        record_event(actor, Event.Verb.EDITED, user, granted=role, unit=unit.name)
    return assignment


@transaction.atomic
def do_revoke_role(actor, assignment):
    _require_admin(actor)
    user = assignment.user
    record_event(actor, Event.Verb.EDITED, user, revoked=assignment.role, unit=assignment.unit.name)
    assignment.delete()

