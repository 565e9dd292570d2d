from urllib.parse import urlsplit

from django.conf import settings

from ideverket.lib.middleware import CSP


def identity_provider_origins():
    providers = settings.SOCIALACCOUNT_PROVIDERS
    urls = [
        app.get("settings", {}).get("server_url", "")
        for app in providers.get("openid_connect", {}).get("APPS", [])
    ]
    for app in providers.get("saml", {}).get("APPS", []):
        idp = app.get("settings", {}).get("idp", {})
        urls.append(idp.get("sso_url") or idp.get("metadata_url") or "")
    origins = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("https", "http") and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


class SSOFormActionMiddleware:
    """The SSO button POSTs to us and we redirect to the identity provider; browsers hold that
    redirect to the login page's CSP `form-action`, so on the account pages (/konto/) it also
    names the identity provider's origin. Everything else keeps the strict policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/konto/") and (origins := identity_provider_origins()):
            allowed = " ".join(["'self'", *origins])
            response.headers.setdefault(
                "Content-Security-Policy",
                CSP.replace("form-action 'self'", f"form-action {allowed}"),
            )
        return response
