"""Every change to API tokens: create (the token is returned once) and revoke."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import ApiToken, hash_token, new_token

MAX_ACTIVE_TOKENS = 20


@transaction.atomic
def do_create_api_token(user, *, name):
    """Create a token; returns (ApiToken, the token in clear text, which is never stored)."""
    if not user.has_perm("api.create_token"):
        raise PermissionDenied
    name = normalize_text(name)
    if not name:
        raise ValidationError({"name": _("Ge nyckeln ett namn.")})
    if ApiToken.objects.of(user).active().count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            {
                "name": _("Du har redan %(n)s aktiva nycklar. Återkalla en först.")
                % {"n": MAX_ACTIVE_TOKENS}
            }
        )
    token = new_token()
    api_token = ApiToken.objects.create(user=user, name=name, token_hash=hash_token(token))
    record_event(user, Event.Verb.CREATED, api_token, name=name)
    return api_token, token


@transaction.atomic
def do_revoke_api_token(user, api_token):
    """Revoke a token: the next request with it answers 401. Revoking twice changes nothing."""
    if not user.has_perm("api.revoke_token", api_token):
        raise PermissionDenied
    updated = ApiToken.objects.filter(pk=api_token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if updated:
        api_token.refresh_from_db(fields=["revoked_at"])
        record_event(
            user, Event.Verb.EDITED, api_token, change="token_revoked", name=api_token.name
        )
    return bool(updated)
