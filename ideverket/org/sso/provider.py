import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.conf import settings

from .views import StrictOpenIDConnectAdapter

# Claims kept in SocialAccount.extra_data; everything else the identity provider sends (a
# personal identity number, birthdate, phone, address …) is dropped before anything is stored.
BASE_CLAIMS = frozenset(
    {"sub", "iss", "email", "email_verified", "name", "given_name", "family_name", "upn"}
)


def kept_claims():
    sso = getattr(settings, "IDEVERKET_SSO", {})
    return BASE_CLAIMS | {c for c in (sso.get("UNIT_CLAIM"), sso.get("ROLE_CLAIM")) if c}


def strip_claims(data):
    keep = kept_claims()
    return {k: v for k, v in (data or {}).items() if k in keep}


class StrictOpenIDConnectProvider(OpenIDConnectProvider):
    """allauth's OIDC provider with a nonce per login and only allow-listed claims stored."""

    package = "ideverket.org.sso"
    oauth2_adapter_class = StrictOpenIDConnectAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params["nonce"] = nonce
        # `nonce` lands in the stashed state, compared with the ID token's in the adapter.
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )

    def sociallogin_from_response(self, request, response):
        id_token = response.get("id_token") or {}
        stripped = {key: strip_claims(value) for key, value in response.items()}
        login = super().sociallogin_from_response(request, stripped)
        login.oidc_nonce = id_token.get("nonce")  # checked in pre_social_login, never stored
        login.oidc_has_id_token = bool(id_token)
        return login
