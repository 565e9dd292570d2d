from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _


class AccountAdapter(DefaultAccountAdapter):
    """People come from the organisation (admin UI, import, SSO); nobody signs themselves up."""

    def is_open_for_signup(self, request):
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """SSO logins (docs/sso.md): the nonce is checked, then the person is found or created and
    brought up to date from the allow-listed claims; a refusal logs nobody in."""

    def is_open_for_signup(self, request, sociallogin):
        return False  # people are created in pre_social_login, never through a signup form

    def pre_social_login(self, request, sociallogin):
        from .sso.people import SSORefused, sync_sso_user

        account = sociallogin.account
        try:
            if account.get_provider().id == "openid_connect":
                expected = sociallogin.state.get("nonce")
                got = getattr(sociallogin, "oidc_nonce", None)
                if not expected or not got or not constant_time_compare(expected, got):
                    raise SSORefused(_("Inloggningen kunde inte bekräftas. Försök igen."))
            provider = account.get_provider()
            data = account.extra_data or {}
            if hasattr(provider, "sso_claims"):  # SAML: attributes → claims (sso/saml.py)
                claims = provider.sso_claims(data)
            else:  # OIDC: both parts already stripped to the allow-list (sso/provider.py)
                claims = {**(data.get("id_token") or {}), **(data.get("userinfo") or {})}
            user = sociallogin.user if sociallogin.is_existing else None
            user = sync_sso_user(claims, user=user)
        except SSORefused as refusal:
            messages.error(request, str(refusal))
            raise ImmediateHttpResponse(redirect("account_login")) from None
        if not sociallogin.is_existing:
            sociallogin.connect(request, user)
        else:
            sociallogin.user = user
