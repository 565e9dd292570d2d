"""Cross-cutting security bars (QUALITY.md): headers, deploy settings, throttling, redirects."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

PASSWORD = "test-pass-123"
EVIL = "https://evil.example/steal"


def _production_env(**extra):
    """The environment of a production process: no test mode, no DEBUG, behind TLS."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        DEBUG="0",
        HTTPS="1",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="ideverket.kommun.example",
    )
    env.update(extra)
    return env


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- Response headers ------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["account_login", "home", "health"])
def test_security_headers(client, db, url_name):
    response = client.get(reverse(url_name))
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_headers_on_logged_in_page(login, cast):
    response = login(cast.employee).get(reverse("ideas:mine"))
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_session_cookie_is_http_only():
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE in {"Lax", "Strict"}


# --- Production settings ---------------------------------------------------------------------


def test_check_deploy_passes_in_production():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_catches_a_forgotten_secret_key():
    """Without SECRET_KEY the development key is used, and the deploy check must say so."""
    env = _production_env()
    del env["SECRET_KEY"]
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_production_settings_secure_cookies_and_hsts():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.DEBUG, s.ACCOUNT_RATE_LIMITS]))"
    )
    env = _production_env(DJANGO_SETTINGS_MODULE="ideverket.settings")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    cookie_secure, csrf_secure, ssl_redirect, hsts, debug, rate_limits = json.loads(result.stdout)
    assert cookie_secure and csrf_secure and ssl_redirect
    assert hsts >= 31536000
    assert debug is False
    # Login throttling on local accounts: allauth counts failed logins per IP and per account.
    assert rate_limits and "login_failed" in rate_limits


# --- Login throttling ------------------------------------------------------------------------


@pytest.fixture
def throttled(settings):
    """Turn allauth's rate limits back on (the test settings switch them off)."""
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,3/5m/key"}
    cache.clear()
    yield
    cache.clear()


def test_login_is_throttled_after_failed_attempts(client, cast, throttled):
    url = reverse("account_login")
    for _ in range(3):
        response = client.post(url, {"login": cast.employee.email, "password": "wrong"})
        assert response.status_code == 200
    # The right password no longer helps: the account is locked for a while.
    response = client.post(url, {"login": cast.employee.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


# --- Redirect targets ------------------------------------------------------------------------


@pytest.mark.parametrize("next_url", [EVIL, "//evil.example/", "https:evil.example", "\\\\evil"])
def test_login_does_not_follow_next_to_another_host(client, cast, next_url):
    url = reverse("account_login")
    response = client.post(
        f"{url}?next={next_url}",
        {"login": cast.employee.email, "password": PASSWORD, "next": next_url},
    )
    assert client.session.get("_auth_user_id") == str(cast.employee.pk)
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_login_follows_next_on_our_host(client, cast):
    target = reverse("ideas:list")
    response = client.post(
        reverse("account_login"),
        {"login": cast.employee.email, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == target


def test_language_switch_does_not_redirect_to_another_host(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": EVIL})
    assert "evil" not in response.get("Location", "")


# --- CSRF ------------------------------------------------------------------------------------


def test_login_post_without_csrf_token_is_refused(cast):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("account_login"), {"login": cast.employee.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
