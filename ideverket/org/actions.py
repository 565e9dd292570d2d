"""Changes to the organisation: units, people and roles. Each one is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import OrgImport, RoleAssignment, Unit, User


def _require_admin(actor):
    if actor is not None and not actor.is_org_admin:
        raise PermissionDenied


def _kind_under(parent):
    """A unit's kind follows from where it sits: the root, right below it, or deeper."""
    if parent is None:
        return Unit.Kind.MUNICIPALITY
    if parent.kind == Unit.Kind.MUNICIPALITY:
        return Unit.Kind.DEPARTMENT
    return Unit.Kind.UNIT


def _duplicate_unit_name():
    return ValidationError({"name": _("Det finns redan en enhet med det namnet på samma plats.")})


def check_unit_name_free(name, parent, exclude_pk=None):
    """Raise a field error when a sibling under `parent` already has `name` (any letter case)."""
    # The database constraint is case-sensitive and ignores roots (NULL parent); people are not.
    siblings = Unit.objects.filter(parent=parent, name__iexact=name)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    if siblings.exists():
        raise _duplicate_unit_name()


def _duplicate_email():
    return ValidationError({"email": _("Det finns redan en person med den e-postadressen.")})


def _check_email_free(email, exclude_pk=None):
    # E-mail addresses are stored lower-cased (see UserManager.create_user and do_update_user).
    others = User.objects.filter(email=email.strip().lower())
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise _duplicate_email()


@transaction.atomic
def do_create_unit(
    actor, *, name, parent=None, kind=None, is_support_function=False, external_id=""
):
    """Add a unit to the tree (actor None for system jobs such as the demo loader)."""
    _require_admin(actor)
    name = normalize_text(name)
    if kind is None:
        kind = _kind_under(parent)
    check_unit_name_free(name, parent)
    try:
        with transaction.atomic():  # savepoint: a lost race ends as a message, not a 500
            unit = Unit.objects.create(
                name=name,
                parent=parent,
                kind=kind,
                is_support_function=is_support_function,
                external_id=external_id,
            )
    except IntegrityError:
        raise _duplicate_unit_name() from None
    unit.rebuild_path()
    record_event(actor, Event.Verb.CREATED, unit, name=name)
    return unit


@transaction.atomic
def do_update_unit(actor, unit, *, name, parent, is_support_function, is_active, external_id=None):
    """Rename, move or (de)activate a unit; moving carries its whole subtree along."""
    _require_admin(actor)
    if parent is not None and parent.is_within(unit):
        raise ValidationError({"parent": _("En enhet kan inte flyttas in under sig själv.")})
    if parent is None and unit.parent_id is not None:
        raise ValidationError({"parent": _("Välj var i organisationen enheten ska ligga.")})
    name = normalize_text(name)
    check_unit_name_free(name, parent, exclude_pk=unit.pk)
    moved = parent != unit.parent
    unit.name = name
    unit.parent = parent
    unit.is_support_function = is_support_function
    unit.is_active = is_active
    fields = ["name", "parent", "is_support_function", "is_active"]
    if external_id is not None:
        unit.external_id = external_id
        fields.append("external_id")
    if moved:
        unit.kind = _kind_under(parent)  # a unit moved right below the root becomes a department
        fields.append("kind")
    try:
        with transaction.atomic():
            unit.save(update_fields=fields)
    except IntegrityError:
        raise _duplicate_unit_name() from None
    if moved:
        unit.rebuild_path()
    record_event(actor, Event.Verb.EDITED, unit, name=unit.name, moved=moved)
    return unit


@transaction.atomic
def do_create_user(
    actor, *, email, name, unit, title="", password=None, external_id="", is_active=True
):
    """Add a person; without a password they can only sign in through SSO (or a reset)."""
    _require_admin(actor)
    _check_email_free(email)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                name=name,
                unit=unit,
                title=normalize_text(title),
                password=password,
                external_id=external_id,
                is_active=is_active,
            )
    except IntegrityError:
        raise _duplicate_email() from None
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    record_event(actor, Event.Verb.CREATED, user, name=user.name)
    return user


@transaction.atomic
def do_update_user(actor, user, *, name, email, unit, title, is_active, external_id=None):
    _require_admin(actor)
    if actor is not None and actor.pk == user.pk and not is_active:
        raise ValidationError({"is_active": _("Du kan inte inaktivera dig själv.")})
    _check_email_free(email, exclude_pk=user.pk)
    user.name, user.email, user.unit = name, email.strip().lower(), unit
    user.title, user.is_active = normalize_text(title), is_active
    fields = ["name", "email", "unit", "title", "is_active", "search_text"]
    if external_id is not None:
        user.external_id = external_id
        fields.append("external_id")
    try:
        with transaction.atomic():
            user.save(update_fields=fields)
    except IntegrityError:
        raise _duplicate_email() from None
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
    if (
        actor is not None
        and assignment.user_id == actor.pk
        and assignment.role == RoleAssignment.Role.ADMIN
        and not actor.is_superuser
    ):
        # Nobody locks themselves out; another administrator can do it, so one always remains.
        raise ValidationError(
            _("Du kan inte ta bort din egen administratörsroll. Be en annan administratör.")
        )
    user = assignment.user
    record_event(actor, Event.Verb.EDITED, user, revoked=assignment.role, unit=assignment.unit.name)
    assignment.delete()


# -- the organisation import (see importer.py and docs/org-import.md) --------------------------


@transaction.atomic
def do_upload_org_import(actor, *, units_filename, people_filename, sha256, rows, full, plan):
    """Keep a checked import for its preview: only the columns read, never the files."""
    _require_admin(actor)
    return OrgImport.objects.create(
        units_filename=normalize_text(units_filename)[:255],
        people_filename=normalize_text(people_filename)[:255],
        sha256=sha256,
        rows=rows,
        full=full,
        summary=plan.summary(),
        ignored_columns=plan.ignored_columns,
        uploaded_by=actor,
    )


@transaction.atomic
def do_start_org_import(actor, org_import):
    """Queue a previewed import; a background task applies it (tasks.run_org_import)."""
    from .tasks import run_org_import

    _require_admin(actor)
    org_import = OrgImport.objects.select_for_update().get(pk=org_import.pk)
    if org_import.status != OrgImport.Status.PREVIEWED:
        raise ValidationError(_("Importen är redan startad."))
    org_import.status = OrgImport.Status.QUEUED
    org_import.progress_done = 0
    org_import.progress_total = sum(len(rows) for rows in org_import.rows.values())
    org_import.save(update_fields=["status", "progress_done", "progress_total"])
    # With the database backend the task row commits together with the status; a worker
    # (manage.py db_worker) picks it up. Under test the immediate backend runs it right here.
    run_org_import.enqueue(org_import.pk)
    return org_import


@transaction.atomic
def do_apply_org_import(actor, plan, *, org_import=None):
    """Write a checked plan, all or nothing; every change is recorded by the actions it uses."""
    from .importer import apply_plan

    _require_admin(actor)
    if plan.errors:
        raise ValidationError(_("Filen har fel och kan inte importeras."))
    apply_plan(plan, actor)
    if org_import is not None:
        record_event(
            actor,
            Event.Verb.CREATED,
            org_import,
            change="imported",
            full=org_import.full,
            **plan.summary(),
        )
    return plan.summary()
