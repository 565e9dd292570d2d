"""Every change to a challenge or theme goes through a function here: atomic, checked, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import Challenge, Theme
from .validators import validate_question

CHALLENGE_TEXT_FIELDS = ("title", "question", "background", "needs")
CHALLENGE_FIELDS = (*CHALLENGE_TEXT_FIELDS, "owner_unit", "step", "open_until")


def _clean_texts(fields, names):
    for name in names:
        if name in fields:
            fields[name] = normalize_text(fields[name])


def _check_challenge(fields, *, creating):
    """Field-level errors the form also catches; repeated here so no caller can skip them."""
    errors = {}
    if "title" in fields and not fields["title"]:
        errors["title"] = _("Skriv en rubrik.")
    if "question" in fields:
        try:
            validate_question(fields["question"])
        except ValidationError as exc:
            errors["question"] = exc.messages
    if "step" in fields and fields["step"] not in Challenge.Step.values:
        errors["step"] = _("Välj ett av stegen i Innovationsguiden.")
    open_until = fields.get("open_until")
    if creating and open_until is not None and open_until < timezone.localdate():
        errors["open_until"] = _("Datumet har redan passerat. Välj dagens datum eller senare.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def do_create_challenge(
    user,
    *,
    title,
    question,
    owner_unit,
    background="",
    needs="",
    step=Challenge.Step.FRAME,
    open_until=None,
    responsible=(),
    themes=(),
):
    """Create a challenge owned by `owner_unit`; the creator must hold a deciding role there."""
    if not user.has_perm("challenges.add_challenge", owner_unit):
        raise PermissionDenied
    fields = {
        "title": title,
        "question": question,
        "background": background,
        "needs": needs,
        "step": step,
        "open_until": open_until,
    }
    _clean_texts(fields, CHALLENGE_TEXT_FIELDS)
    _check_challenge(fields, creating=True)
    challenge = Challenge(**fields, owner_unit=owner_unit, created_by=user)
    challenge.refresh_search_text()
    challenge.save()
    challenge.responsible.set(responsible)
    challenge.themes.set(themes)
    record_event(user, Event.Verb.CREATED, challenge, title=challenge.title)
    return challenge


@transaction.atomic
def do_edit_challenge(user, challenge, *, responsible=None, themes=None, **changes):
    """Change a challenge's text, owner, step, dates, people or themes."""
    unknown = set(changes) - set(CHALLENGE_FIELDS)
    if unknown:
        raise TypeError(f"do_edit_challenge() got unexpected fields: {sorted(unknown)}")
    if not user.has_perm("challenges.change_challenge", challenge):
        raise PermissionDenied
    new_unit = changes.get("owner_unit")
    if (
        new_unit is not None
        and new_unit.pk != challenge.owner_unit_id
        and not user.has_perm("challenges.add_challenge", new_unit)
    ):
        raise PermissionDenied
    _clean_texts(changes, CHALLENGE_TEXT_FIELDS)
    _check_challenge(changes, creating=False)

    changed = sorted(name for name, value in changes.items() if getattr(challenge, name) != value)
    for name, value in changes.items():
        setattr(challenge, name, value)
    challenge.refresh_search_text()
    challenge.save()
    if responsible is not None:
        before = set(challenge.responsible.values_list("pk", flat=True))
        challenge.responsible.set(responsible)
        if before != {u.pk for u in responsible}:
            changed.append("responsible")
    if themes is not None:
        before = set(challenge.themes.values_list("pk", flat=True))
        challenge.themes.set(themes)
        if before != {t.pk for t in themes}:
            changed.append("themes")
    record_event(user, Event.Verb.EDITED, challenge, fields=changed)
    return challenge


def _check_theme_name(name, exclude_pk=None):
    if not name:
        raise ValidationError({"name": _("Skriv ett namn på temat.")})
    # Compared in Python: few themes, and SQLite's iexact does not fold Å/Ä/Ö.
    others = Theme.objects.exclude(pk=exclude_pk).values_list("name", flat=True)
    if any(other.casefold() == name.casefold() for other in others):
        raise ValidationError(
            {"name": _("Det finns redan ett tema som heter ”%(name)s”.") % {"name": name}}
        )


def _save_theme(theme):
    try:
        with transaction.atomic():
            theme.save()
    except IntegrityError as exc:  # someone else saved the same name a moment ago
        raise ValidationError(
            {"name": _("Det finns redan ett tema som heter ”%(name)s”.") % {"name": theme.name}}
        ) from exc


@transaction.atomic
def do_create_theme(user, *, name, description="", is_active=True):
    """Add a strategic theme (coordinators and administrators)."""
    if not user.has_perm("challenges.manage_themes"):
        raise PermissionDenied
    name, description = normalize_text(name), normalize_text(description)
    _check_theme_name(name)
    theme = Theme(name=name, description=description, is_active=is_active)
    _save_theme(theme)
    record_event(user, Event.Verb.CREATED, theme, name=theme.name)
    return theme


@transaction.atomic
def do_edit_theme(user, theme, *, name, description="", is_active=True):
    """Rename, describe or (de)activate a theme; inactive themes stay on existing challenges."""
    if not user.has_perm("challenges.manage_themes"):
        raise PermissionDenied
    name, description = normalize_text(name), normalize_text(description)
    _check_theme_name(name, exclude_pk=theme.pk)
    changes = {"name": name, "description": description, "is_active": is_active}
    changed = sorted(field for field, value in changes.items() if getattr(theme, field) != value)
    for field, value in changes.items():
        setattr(theme, field, value)
    _save_theme(theme)
    record_event(user, Event.Verb.EDITED, theme, name=theme.name, fields=changed)
    return theme
