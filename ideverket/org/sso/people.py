"""Who an SSO login is: find or create the person and bring name, e-mail, unit and roles up to
date from the identity provider's claims, through the org actions (so each change is an Event).

Rules (docs/sso.md): matched by the subject already linked to the person, else by e-mail
(case-insensitive). The unit comes from IDEVERKET_SSO["UNIT_CLAIM"]: a unit's external id, else
its exact name. Unknown unit: a known person keeps their current unit; a new person is refused
(an administrator or the organisation import adds them first). Roles come only through
IDEVERKET_SSO["ROLE_MAP"]; for the roles named in that map the identity provider decides (given
when claimed, taken away when no longer claimed); other roles are left alone.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..actions import do_create_user, do_grant_role, do_revoke_role, do_update_user
from ..models import RoleAssignment, Unit, User

log = logging.getLogger(__name__)


class SSORefused(Exception):
    """The login is refused; the message is shown to the person (Swedish)."""


def sso_settings():
    return getattr(settings, "IDEVERKET_SSO", {}) or {}


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def role_map():
    valid = set(RoleAssignment.Role.values)
    mapped = {}
    for claim_value, role in (sso_settings().get("ROLE_MAP") or {}).items():
        if role in valid:
            mapped[claim_value] = role
        else:
            log.warning("IDEVERKET_SSO_ROLE_MAP: unknown role %r ignored", role)
    return mapped


def claimed_roles(claims):
    claim = sso_settings().get("ROLE_CLAIM")
    if not claim:
        return set()
    mapping = role_map()
    return {mapping[v] for v in _as_list(claims.get(claim)) if v in mapping}


def claimed_unit(claims):
    claim = sso_settings().get("UNIT_CLAIM")
    values = _as_list(claims.get(claim)) if claim else []
    value = values[0].strip() if values else ""
    if not value:
        return None, ""
    active = Unit.objects.filter(is_active=True)
    unit = active.filter(external_id=value).first() or active.filter(name=value).first()
    return unit, value


def _name(claims, fallback):
    name = (claims.get("name") or "").strip()
    if not name:
        name = " ".join(p for p in (claims.get("given_name"), claims.get("family_name")) if p)
    return name.strip() or fallback


@transaction.atomic
def sync_sso_user(claims, user=None):
    """Return the person for these claims, created or updated. Raises SSORefused."""
    email = (claims.get("email") or claims.get("upn") or "").strip().lower()
    if user is None and email:
        user = User.objects.filter(email__iexact=email).first()
    if user is not None and not user.is_active:
        raise SSORefused(_("Ditt konto i Idéverket är inaktiverat. Kontakta administratören."))
    if not email:
        if user is None:
            raise SSORefused(
                _("Inloggningen gav ingen e-postadress, så vi vet inte vem du är i Idéverket.")
            )
        email = user.email
    unit, unit_value = claimed_unit(claims)
    try:
        if user is None:
            if unit is None:
                raise SSORefused(
                    _(
                        "Du finns inte i Idéverket ännu och din enhet (%(unit)s) är okänd här. "
                        "Kontakta administratören så läggs du till."
                    )
                    % {"unit": unit_value or _("saknas")}
                )
            user = do_create_user(None, email=email, name=_name(claims, email), unit=unit)
        else:
            new_unit = unit or user.unit
            new_name = _name(claims, user.name)
            if (new_name, email, new_unit) != (user.name, user.email, user.unit):
                do_update_user(
                    None,
                    user,
                    name=new_name,
                    email=email,
                    unit=new_unit,
                    title=user.title,
                    is_active=True,
                )
    except ValidationError as e:
        # E.g. the new e-mail belongs to someone else already.
        raise SSORefused(" ".join(e.messages)) from None
    _sync_roles(user, claims)
    return user


def _sync_roles(user, claims):
    managed = set(role_map().values())
    if not managed or not sso_settings().get("ROLE_CLAIM"):
        return
    root = Unit.objects.filter(parent__isnull=True).first()
    wanted = set()
    for role in claimed_roles(claims):
        unit = root if role in RoleAssignment.CENTRAL else user.unit
        if unit is not None:
            wanted.add((unit.pk, role))
    have = {(a.unit_id, a.role): a for a in user.roles.filter(role__in=managed)}
    for key, assignment in have.items():
        if key not in wanted:
            do_revoke_role(None, assignment)
    units = Unit.objects.in_bulk([unit_pk for unit_pk, _role in wanted])
    for unit_pk, role in sorted(wanted - set(have)):
        do_grant_role(None, user, units[unit_pk], role)
