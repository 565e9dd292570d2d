"""Single sign-on with OpenID Connect against a stub identity provider that signs real RS256 ID
tokens: discovery, JWKS and a token endpoint served over HTTP on 127.0.0.1 from a thread."""

import base64
import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from ideverket.activity.models import Event
from ideverket.org.actions import do_update_unit, do_update_user
from ideverket.org.models import RoleAssignment, User

Role = RoleAssignment.Role
CLIENT_ID = "ideverket-test"
CLIENT_SECRET = "s3cret"


class StubIdP:
    """A tiny OpenID provider. authorize() plays the user's visit to the login page."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "stub-key-1"
        self.codes = {}
        self.issued = 0
        self.browser_claims = None
        self.token_requests = []
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path == "/.well-known/openid-configuration":
                    self._json(200, idp.discovery())
                elif self.path == "/jwks":
                    self._json(200, {"keys": [idp.jwk()]})
                elif self.path.startswith("/authorize?") and idp.browser_claims:
                    # For the browser test: "log in" at once as browser_claims, go back.
                    code, params = idp.authorize(idp.url + self.path, idp.browser_claims)
                    back = f"{params['redirect_uri']}?code={code}&state={params['state']}"
                    self.send_response(302)
                    self.send_header("Location", back)
                    self.end_headers()
                else:
                    self._json(404, {})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                status, body = idp.token(form)
                self._json(status, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def discovery(self):
        return {
            "issuer": self.url,
            "authorization_endpoint": self.url + "/authorize",
            "token_endpoint": self.url + "/token",
            "jwks_uri": self.url + "/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def jwk(self):
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {**public, "kid": self.kid, "alg": "RS256", "use": "sig"}

    def authorize(self, location, claims, *, sign="stub", **overrides):
        """Answer an authorization request (the redirect's Location): returns a code."""
        params = {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}
        assert location.startswith(self.url + "/authorize")
        assert params["client_id"] == CLIENT_ID and params["response_type"] == "code"
        now = int(time.time())
        payload = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "sub": "sub-anna",
            "iat": now,
            "exp": now + 300,
            "nonce": params.get("nonce"),
            **claims,
            **overrides,
        }
        if sign == "none":
            id_token = jwt.encode(payload, None, algorithm="none", headers={"kid": self.kid})
        else:
            key = self.key if sign == "stub" else rsa.generate_private_key(65537, 2048)
            id_token = jwt.encode(payload, key, algorithm="RS256", headers={"kid": self.kid})
        self.issued += 1
        code = f"code-{self.issued}"
        self.codes[code] = {**params, "id_token": id_token}
        return code, params

    def token(self, form):
        self.token_requests.append(form)
        grant = self.codes.pop(form.get("code"), None)  # a code works once
        if grant is None:
            return 400, {"error": "invalid_grant"}
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return 401, {"error": "invalid_client"}
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if challenge.decode().rstrip("=") != grant.get("code_challenge"):
            return 400, {"error": "invalid_grant"}
        return 200, {
            "access_token": "at-" + form["code"],
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": grant["id_token"],
        }


ROLE_MAP = {"innovationsledare": Role.INNOVATION_LEAD, "chef": Role.MANAGER, "hacker": "superhero"}


@pytest.fixture
def idp():
    stub = StubIdP()
    providers = {
        "openid_connect": {
            "provider_class": "ideverket.org.sso.provider.StrictOpenIDConnectProvider",
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "kommun",
                    "name": "Logga in med kommunens konto",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {"server_url": stub.url, "fetch_userinfo": False},
                }
            ],
        }
    }
    sso = {"UNIT_CLAIM": "enhet", "ROLE_CLAIM": "roles", "ROLE_MAP": ROLE_MAP}
    with override_settings(SOCIALACCOUNT_PROVIDERS=providers, IDEVERKET_SSO=sso):
        cache.clear()
        yield stub
    stub.stop()


CLAIMS = {
    "email": "Anna.Ny@Test.Example",
    "name": "Anna Ny",
    "enhet": "Skola Norr",
    "roles": ["innovationsledare", "hacker", "okänd"],
    "personnummer": "19800101-1234",
    "birthdate": "1980-01-01",
    "ssn": "198001011234",
    "phone_number": "070-1234567",
}


def start(client):
    response = client.post(reverse("openid_connect_login", kwargs={"provider_id": "kommun"}))
    assert response.status_code == 302, response.content
    return response["Location"]


def finish(client, code, params, **extra):
    query = {"code": code, "state": params["state"], **extra}
    return client.get(reverse("openid_connect_callback", kwargs={"provider_id": "kommun"}), query)


def sso_login(client, idp, claims=CLAIMS, **kwargs):
    code, params = idp.authorize(start(client), claims, **kwargs)
    return finish(client, code, params)


def logged_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_new_person_is_created_with_unit_and_allow_listed_roles(cast, client, idp):
    response = sso_login(client, idp)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    user = logged_in_as(client)
    assert user.email == "anna.ny@test.example" and user.name == "Anna Ny"
    assert user.unit == cast.school and not user.has_usable_password()
    # Only the mapped value became a role; "hacker" maps to no real role, "okänd" to none.
    assert [(a.unit, a.role) for a in user.roles.all()] == [(cast.school, Role.INNOVATION_LEAD)]
    # Created and granted through the org actions: audited.
    assert Event.objects.filter(verb=Event.Verb.CREATED, subject_id=user.pk).exists()
    # Nothing but the allow-listed claims is stored.
    account = SocialAccount.objects.get(user=user)
    assert account.provider == "kommun" and account.uid == "sub-anna"
    stored = json.dumps(account.extra_data)
    for secret in ("19800101-1234", "1980-01-01", "198001011234", "070-1234567", "nonce"):
        assert secret not in stored
    assert set(account.extra_data["id_token"]) <= {
        "sub", "iss", "email", "name", "enhet", "roles"
    }  # fmt: skip
    # The request carried PKCE and a nonce; the token endpoint was asked once.
    assert len(idp.token_requests) == 1


def test_existing_person_matched_by_email_is_updated_and_linked(cast, client, idp):
    do_update_unit(
        None,
        cast.social,
        name=cast.social.name,
        parent=cast.social.parent,
        is_support_function=False,
        is_active=True,
        external_id="SOC-1",
    )
    claims = {
        "email": cast.employee.email.upper(),
        "name": "Erik Elev-Nyman",
        "enhet": "SOC-1",
        "roles": "chef",
    }
    sso_login(client, idp, claims, sub="sub-erik")
    user = logged_in_as(client)
    assert user.pk == cast.employee.pk
    assert (user.name, user.unit, user.email) == (
        "Erik Elev-Nyman",
        cast.social,
        "employee@test.example",
    )
    assert [(a.unit, a.role) for a in user.roles.all()] == [(cast.social, Role.MANAGER)]
    assert SocialAccount.objects.filter(user=user, uid="sub-erik").exists()

    # Next time: found by the subject, even with a new e-mail; unknown unit keeps the current
    # one; the manager role is no longer claimed and goes; other roles are left alone.
    client.logout()
    claims = {"email": "erik.ny@test.example", "name": "Erik Ny", "enhet": "Finns inte"}
    sso_login(client, idp, claims, sub="sub-erik")
    user = logged_in_as(client)
    assert (user.pk, user.email, user.unit) == (
        cast.employee.pk,
        "erik.ny@test.example",
        cast.social,
    )
    assert not user.roles.exists()


def test_coordinator_role_lands_on_the_municipality(cast, client, idp):
    with override_settings(
        IDEVERKET_SSO={
            "UNIT_CLAIM": "enhet",
            "ROLE_CLAIM": "roles",
            "ROLE_MAP": {"ins": "coordinator"},
        }
    ):
        sso_login(client, idp, {**CLAIMS, "roles": ["ins"]})
    user = logged_in_as(client)
    assert [(a.unit, a.role) for a in user.roles.all()] == [(cast.kommun, Role.COORDINATOR)]


def refused(client, response):
    assert logged_in_as(client) is None
    assert not User.objects.filter(email__iexact=CLAIMS["email"]).exists()
    assert not SocialAccount.objects.exists()
    return response


@pytest.mark.parametrize(
    "kwargs",
    [
        {"aud": "someone-else"},
        {"iss": "https://evil.example"},
        {"exp": int(time.time()) - 60, "iat": int(time.time()) - 600},
        {"nonce": "not-the-nonce"},
        {"nonce": None},
        {"sign": "none"},
        {"sign": "other-key"},
    ],
    ids=["audience", "issuer", "expired", "nonce", "no-nonce", "alg-none", "other-key"],
)
def test_bad_id_token_is_refused(cast, client, idp, kwargs):
    refused(client, sso_login(client, idp, **kwargs))


def test_wrong_state_is_refused(cast, client, idp):
    code, params = idp.authorize(start(client), CLAIMS)
    refused(client, finish(client, code, {**params, "state": "forged"}))
    assert idp.token_requests == []  # the code was never even exchanged


def test_replayed_callback_and_reused_code_are_refused(cast, client, idp, django_user_model):
    code, params = idp.authorize(start(client), CLAIMS)
    finish(client, code, params)
    assert logged_in_as(client).email == "anna.ny@test.example"
    client.logout()
    # The same callback again: its state was used up; a fresh state with the old code: the
    # provider refuses the code. Either way nobody is logged in.
    finish(client, code, params)
    assert logged_in_as(client) is None
    _new_code, new_params = idp.authorize(start(client), CLAIMS)
    finish(client, code, new_params)
    assert logged_in_as(client) is None
    assert django_user_model.objects.filter(email="anna.ny@test.example").count() == 1


def test_unknown_unit_refuses_a_new_person_with_a_swedish_message(cast, client, idp):
    response = refused(client, sso_login(client, idp, {**CLAIMS, "enhet": "Månbasen"}))
    assert response["Location"] == reverse("account_login")
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Månbasen" in text and "Kontakta administratören" in text


def test_deactivated_person_is_refused(cast, client, idp):
    do_update_user(
        None,
        cast.employee,
        name=cast.employee.name,
        email=cast.employee.email,
        unit=cast.employee.unit,
        title="",
        is_active=False,
    )
    response = sso_login(client, idp, {**CLAIMS, "email": cast.employee.email})
    assert logged_in_as(client) is None
    assert "inaktiverat" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert not SocialAccount.objects.exists()


def test_login_page_shows_the_sso_button_first_when_configured(cast, client, idp):
    html = client.get(reverse("account_login")).content.decode()
    assert "Logga in med kommunens konto" in html
    assert html.index("Logga in med kommunens konto") < html.index('name="password"')
    # The button's POST is redirected to the identity provider: the CSP must allow that there,
    # and only on the account pages.
    csp = client.get(reverse("account_login"))["Content-Security-Policy"]
    assert f"form-action 'self' {idp.url};" in csp
    client.force_login(cast.employee)
    assert "form-action 'self';" in client.get(reverse("home"))["Content-Security-Policy"]


def test_without_configuration_no_button_and_local_login_works(cast, client):
    html = client.get(reverse("account_login")).content.decode()
    assert "kommunens konto" not in html and "/konto/oidc/" not in html
    assert "form-action 'self';" in client.get(reverse("account_login"))["Content-Security-Policy"]
    response = client.post(
        reverse("account_login"), {"login": cast.employee.email, "password": "test-pass-123"}
    )
    assert response.status_code == 302 and logged_in_as(client) == cast.employee
    url = reverse("openid_connect_login", kwargs={"provider_id": "kommun"})
    assert client.post(url).status_code == 404


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,5/5m/key"})
def test_login_is_throttled_after_five_failures(cast, client):
    cache.clear()
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": cast.employee.email, "password": "fel"})
    # Now even the right password is turned away for a while.
    response = client.post(url, {"login": cast.employee.email, "password": "test-pass-123"})
    assert logged_in_as(client) is None
    assert response.status_code in (200, 429)
    cache.clear()


def test_email_taken_by_someone_else_is_refused_and_nothing_changes(cast, client, idp):
    sso_login(client, idp, {**CLAIMS, "email": cast.employee.email}, sub="sub-erik")
    client.logout()
    # The identity provider now says Erik's e-mail is the colleague's: refused, nobody changed.
    response = sso_login(client, idp, {**CLAIMS, "email": cast.colleague.email}, sub="sub-erik")
    assert logged_in_as(client) is None
    assert "e-postadressen" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert cast.fresh("employee").email == cast.employee.email
    assert cast.fresh("employee").roles.count() == 1  # the role granted at the first login


def test_a_login_that_stores_nothing_else_also_on_later_logins(cast, client, idp):
    sso_login(client, idp)
    client.logout()
    sso_login(client, idp, {**CLAIMS, "hetu": "010180-123A", "address": {"street": "Storgatan 1"}})
    stored = json.dumps(SocialAccount.objects.get().extra_data)
    assert "010180-123A" not in stored and "Storgatan" not in stored
    assert "19800101-1234" not in stored
