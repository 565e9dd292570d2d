"""Bearer authentication with a personal API token: the request acts as the token's owner."""

from datetime import timedelta

from django.utils import timezone
from ninja.security import HttpBearer

from .models import ApiToken, hash_token

# last_used_at is a hint for the owner, not an audit log: one write per few minutes is enough.
LAST_USED_RESOLUTION = timedelta(minutes=5)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        if not token or len(token) > 200:
            return None
        api_token = (
            ApiToken.objects.active()
            .select_related("user", "user__unit")
            .filter(token_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if api_token is None:
            return None
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        return api_token.user
