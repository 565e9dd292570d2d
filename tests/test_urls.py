"""Every URL pattern, as an anonymous user: a login redirect, 401 or 405, unless allow-listed.

A new route fails here until it is classified: either it needs a login (nothing to do but make
sure the view is not marked public), or it is added to PUBLIC below with the reason.
"""

import itertools
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils.regex_helper import normalize

# Routes anyone may open without logging in, keyed by URL name (or route, when unnamed).
PUBLIC = {
    "health": "load balancer health check",
    "set_language": "the language switch must work on the login page",
    "account_login": "the login form",
    "account_logout": "logging out (POST) must work for an expired session too",
    "account_signup": "shows 'signup closed': people come from the organisation",
    "account_inactive": "tells a deactivated user why the login failed",
    "account_email_verification_sent": "allauth's notice after an e-mail confirmation is sent",
    "account_confirm_email": "confirmation link from an e-mail",
    "account_confirm_login_code": "login by code, when enabled",
    "account_reset_password": "forgotten password",
    "account_reset_password_done": "forgotten password: mail sent",
    "account_reset_password_from_key": "forgotten password: link from the e-mail",
    "account_reset_password_from_key_done": "forgotten password: changed",
    # Single sign-on (docs/sso.md); without an SSO configuration the OIDC routes answer 404.
    "openid_connect_login": "starts an SSO login (POST) at the municipality's identity provider",
    "openid_connect_callback": "the identity provider sends the person back here to log in",
    "saml_login": "starts a SAML login (POST) at the municipality's identity provider",
    "saml_acs": "the identity provider POSTs the signed SAML response here",
    "saml_finish_acs": "the second step of the SAML response (own cookie, then the session)",
    "saml_sls": "SAML single logout from the identity provider",
    "saml_metadata": "our SAML service-provider metadata, for the identity provider's admin",
    "socialaccount_login_cancelled": "allauth's notice when someone cancels an SSO login",
    "socialaccount_signup": "allauth's SSO sign-up step; closed (people come from the organisation)",
    "konto/social/login/cancelled/": "allauth's old address, redirects to the 3rdparty one",
    "konto/social/login/error/": "allauth's old address, redirects to the 3rdparty one",
    "konto/social/signup/": "allauth's old address, redirects to the 3rdparty one",
    "konto/social/connections/": "allauth's old address, redirects to the 3rdparty one",
    "guidance:index": "guidance pages are public information about how the process works",
    "guidance:page": "a published guidance page (drafts answer 404 except to the coordinator)",
    "guidance:feedback": "'Hjälpte informationen på sidan dig?' must work without logging in",
    "guidance:accessibility": "the accessibility statement must be public (DOS-lagen)",
    "training:feed": "a person's training calendar for calendar apps, which cannot log in; "
    "the secret token in the path is the key (unknown token: 404)",
    "api:api-root": "ninja's mount point, used to build the schema's paths: a bare 404, no data",
    "api:openapi-json": "the API's description (OpenAPI schema) holds no data; every endpoint "
    "it describes needs a bearer token and answers 401 without one",
    "api:openapi-view": "the API's documentation page (Swagger UI from our own static files)",
    "activity:unsubscribe": "the unsubscribe link in every e-mail must work without logging in; "
    "the signed token names the one person it unsubscribes (tampered: 400), and only the POST "
    "button changes anything",
}


# Values tried for each path parameter, first match wins.
SAMPLES = ["1", "x", str(uuid.UUID(int=1)), "x-1", "2025-01-01", "x/y"]


@dataclass
class Route:
    key: str  # URL name, namespaced ("ideas:detail"), or the route string if unnamed
    route: str
    path: str


def _iter_patterns(patterns, regex_prefix="", route_prefix="", namespace=""):
    for entry in patterns:
        regex = entry.pattern.regex.pattern.removeprefix("^")
        route = route_prefix + str(entry.pattern)
        if isinstance(entry, URLResolver) and entry.app_name == "admin":
            continue  # the django-admin guards itself; see test_admin_sends_anonymous_to_a_login
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _iter_patterns(entry.url_patterns, regex_prefix + regex, route, ns)
        elif isinstance(entry, URLPattern):
            yield entry, regex_prefix + regex, route, (namespace + entry.name if entry.name else "")


def _fill(pattern, regex, route, name):
    """A concrete path that resolves to `pattern`, with sample values for its parameters."""
    template, params = normalize(regex)[0]
    for values in itertools.product(SAMPLES, repeat=len(params)):
        path = "/" + template % dict(zip(params, values, strict=True))
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.func == pattern.callback and (match.url_name or "") == (pattern.name or ""):
            return path
    raise AssertionError(f"could not build a sample path for {route!r} ({name})")


def all_routes():
    routes = []
    for pattern, regex, route, name in _iter_patterns(get_resolver().url_patterns):
        routes.append(
            Route(key=name or route, route=route, path=_fill(pattern, regex, route, name))
        )
    return routes


ROUTES = all_routes()


def _is_login_redirect(response, login_url):
    if response.status_code not in (301, 302, 303, 307, 308):
        return False
    location = urlsplit(response["Location"])
    return location.path == login_url and "next" in parse_qs(location.query)


def test_sweep_found_routes():
    """Guards the walker: if it finds nothing, the sweep below proves nothing."""
    keys = {r.key for r in ROUTES}
    assert {"home", "health", "account_login"} <= keys
    assert len(ROUTES) > 10


def test_public_list_has_no_stale_entries():
    keys = {r.key for r in ROUTES}
    assert not set(PUBLIC) - keys, "PUBLIC names routes that no longer exist"


def _marked_public(route):
    """The view carries Django's @login_not_required (the middleware lets it through)."""
    return getattr(resolve(route.path).func, "login_required", True) is False


def test_public_routes_are_under_public_prefixes():
    """The allow-list here and the middleware's prefix list (or @login_not_required) agree."""
    for route in ROUTES:
        if route.key in PUBLIC:
            assert route.path.startswith(settings.PUBLIC_PATH_PREFIXES) or _marked_public(route), (
                route
            )


def test_views_marked_public_are_allow_listed():
    """A view marked @login_not_required is public: it must be in PUBLIC with its reason."""
    for route in ROUTES:
        if _marked_public(route) and not route.path.startswith("/konto/"):
            assert route.key in PUBLIC, route


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.key}:{r.path}")
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_login(client, db, route, method):
    response = getattr(client, method)(route.path)
    if route.key in PUBLIC:
        assert response.status_code < 500, f"public {route.path} fails: {response.status_code}"
        return
    login_url = resolve_url(settings.LOGIN_URL)
    assert _is_login_redirect(response, login_url) or response.status_code in (401, 405), (
        f"{method.upper()} {route.path} ({route.route}) answers an anonymous user with "
        f"{response.status_code} {response.get('Location', '')}. "
        "Require a login, or add it to PUBLIC in tests/test_urls.py with a reason."
    )


def test_admin_sends_anonymous_to_a_login(client, db):
    """The admin guards itself; we only check it is not open."""
    admin_index = reverse("admin:index")
    response = client.get(admin_index)
    login_urls = {resolve_url(settings.LOGIN_URL), reverse("admin:login")}
    assert any(_is_login_redirect(response, url) for url in login_urls), (
        response.status_code,
        response.get("Location"),
    )


def test_public_pages_do_not_read_who_is_signed_in(client, cast, django_assert_num_queries):
    """The login check asks the cheap questions first: the health check, asked every few
    seconds by a load balancer, reads neither the session nor the person, even for a browser
    that is signed in (its one query is the database check itself)."""
    client.force_login(cast.employee)
    with django_assert_num_queries(1) as captured:
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert captured.captured_queries[0]["sql"] == "SELECT 1"


def test_a_signed_in_person_still_reaches_private_pages(client, cast):
    client.force_login(cast.employee)
    assert client.get(reverse("ideas:list")).status_code == 200
