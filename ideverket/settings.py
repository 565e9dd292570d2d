"""Idéverket settings: one file, driven by the environment. SQLite unless DATABASE_URL is set."""

import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("IDEVERKET_ALLOW_DEV_KEY", default=True):
        raise RuntimeError("SECRET_KEY must be set in production")
    # The "django-insecure-" prefix makes `check --deploy` fail (security.W009) if it is ever used.
    SECRET_KEY = "django-insecure-dev-only-not-secret-" + "x" * 40

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "ninja",  # only so the API docs page serves Swagger UI from our own static files
    "ideverket.lib",
    "ideverket.org",
    "ideverket.activity",
    "ideverket.challenges",
    "ideverket.ideas",
    "ideverket.trials",
    "ideverket.implementation",
    "ideverket.effects",
    "ideverket.lessons",
    "ideverket.projects",
    "ideverket.goals",
    "ideverket.departments",
    "ideverket.insights",
    "ideverket.capability",
    "ideverket.training",
    "ideverket.network",
    "ideverket.guidance",
    "ideverket.api",
    "ideverket.webhooks",
    "ideverket.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ideverket.lib.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ideverket.lib.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ideverket.lib.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "ideverket.urls"
WSGI_APPLICATION = "ideverket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ideverket" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ideverket.activity.context_processors.unread_notifications",
                "ideverket.menu.menu",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # No JIT: our queries are short, but visibility subqueries make the planner's cost
        # estimates large, and compiling them took ~2 s of a 0.15 s query. Random reads priced
        # for SSDs (1.1, not the spinning-disk 4): the department overview then seeks its
        # units' ideas by index instead of reading every idea, 176 -> 47 ms (docs/decisions.md).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            "-c jit=off -c random_page_cost=1.1"
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"),
            # Kept open between requests, as on PostgreSQL: a new connection pays for the
            # PRAGMAs below and starts with an empty page cache (docs/performance.md).
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                # Writers queue behind each other instead of failing with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------------------
# "figures": the insights page's and the follow-up report's computed figures (insights/cache.py),
# in the database so every server process shares them; its table is created by `migrate`.
CACHES = {
    # Per process: rendered idea cards (keyed on what they show) and the department figures.
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10000},
    },
    "figures": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ideverket_cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# --- Accounts --------------------------------------------------------------------------------
AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # Django's and allauth's backends, reading model permissions only for staff: everything
    # else is decided by rules, so a "no" costs no query (ideverket/org/backends.py).
    "ideverket.org.backends.ModelBackend",
    "ideverket.org.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "ideverket.org.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}

# --- Single sign-on (OpenID Connect), from the environment only: see docs/sso.md ------------
# Without IDEVERKET_OIDC_SERVER_URL nothing is configured: no SSO button, local login as before.
INSTALLED_APPS += [
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]
# Innermost, so its CSP (form-action may reach the identity provider) is set before the outer
# ContentSecurityPolicyMiddleware's default.
MIDDLEWARE += ["ideverket.org.sso.middleware.SSOFormActionMiddleware"]
SOCIALACCOUNT_ADAPTER = "ideverket.org.adapters.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # matching by e-mail is done in our adapter
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False  # the button POSTs (CSRF-protected)
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        # Always checks the ID token's signature and a nonce (ideverket/org/sso/).
        "provider_class": "ideverket.org.sso.provider.StrictOpenIDConnectProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [],
    }
}
if os.environ.get("IDEVERKET_OIDC_SERVER_URL"):
    if not os.environ.get("IDEVERKET_OIDC_CLIENT_ID"):
        raise RuntimeError("IDEVERKET_OIDC_SERVER_URL needs IDEVERKET_OIDC_CLIENT_ID (docs/sso.md)")
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"].append(
        {
            "provider_id": os.environ.get("IDEVERKET_OIDC_PROVIDER_ID", "kommun"),
            "name": os.environ.get("IDEVERKET_OIDC_NAME", "Logga in med kommunens konto"),
            "client_id": os.environ.get("IDEVERKET_OIDC_CLIENT_ID", ""),
            "secret": os.environ.get("IDEVERKET_OIDC_CLIENT_SECRET", ""),
            "settings": {
                "server_url": os.environ["IDEVERKET_OIDC_SERVER_URL"],
                # The signed ID token is the source; the userinfo endpoint only on request.
                "fetch_userinfo": env_bool("IDEVERKET_OIDC_FETCH_USERINFO", default=False),
            },
        }
    )
# SAML 2.0: an IdP by metadata URL, or by entity id + SSO URL + signing certificate.
INSTALLED_APPS += ["allauth.socialaccount.providers.saml"]
SOCIALACCOUNT_PROVIDERS["saml"] = {
    "provider_class": "ideverket.org.sso.saml.StrictSAMLProvider",
    "APPS": [],
}
if os.environ.get("IDEVERKET_SAML_IDP_ENTITY_ID"):
    _idp = {"entity_id": os.environ["IDEVERKET_SAML_IDP_ENTITY_ID"]}
    if os.environ.get("IDEVERKET_SAML_IDP_METADATA_URL"):
        _idp["metadata_url"] = os.environ["IDEVERKET_SAML_IDP_METADATA_URL"]
    elif os.environ.get("IDEVERKET_SAML_IDP_SSO_URL") and os.environ.get(
        "IDEVERKET_SAML_IDP_X509CERT"
    ):
        _idp["sso_url"] = os.environ["IDEVERKET_SAML_IDP_SSO_URL"]
        _idp["x509cert"] = os.environ["IDEVERKET_SAML_IDP_X509CERT"]
    else:
        raise RuntimeError(
            "IDEVERKET_SAML_IDP_ENTITY_ID needs IDEVERKET_SAML_IDP_METADATA_URL, or "
            "IDEVERKET_SAML_IDP_SSO_URL and IDEVERKET_SAML_IDP_X509CERT (docs/sso.md)"
        )
    _sp = {}
    if os.environ.get("IDEVERKET_SAML_SP_ENTITY_ID"):
        _sp["entity_id"] = os.environ["IDEVERKET_SAML_SP_ENTITY_ID"]
    SOCIALACCOUNT_PROVIDERS["saml"]["APPS"].append(
        {
            "name": os.environ.get("IDEVERKET_SAML_NAME", "Logga in med kommunens konto"),
            "provider_id": "saml",
            "client_id": os.environ.get("IDEVERKET_SAML_SLUG", "kommun"),  # in the URLs
            "settings": {
                "idp": _idp,
                "sp": _sp,
                # Signed assertions only; no IdP-initiated logins (allauth's default).
                "advanced": {"strict": True, "want_assertion_signed": True},
            },
        }
    )
IDEVERKET_SSO = {
    "UNIT_CLAIM": os.environ.get("IDEVERKET_SSO_UNIT_CLAIM", ""),
    "ROLE_CLAIM": os.environ.get("IDEVERKET_SSO_ROLE_CLAIM", ""),
    # "claim value=role,…", e.g. "innovationsledare=innovation_lead,chef=manager"
    "ROLE_MAP": {
        value.strip(): role.strip()
        for value, _eq, role in (
            pair.partition("=") for pair in os.environ.get("IDEVERKET_SSO_ROLE_MAP", "").split(",")
        )
        if value.strip() and role.strip()
    },
}
# --- end of single sign-on -------------------------------------------------------------------

# --- Language and time -----------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
LOCALE_PATHS = [BASE_DIR / "ideverket" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "ideverket" / "static"]

# --- E-mail and tasks ------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Idéverket <ideverket@kommun.example>"
)  # ASCII address: not every SMTP relay speaks SMTPUTF8
# The address people reach the service on: absolute links in e-mails and calendar files.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Security --------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, read with a statement written once (ideverket/lib/sessions.py).
SESSION_ENGINE = "ideverket.lib.sessions"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the body's hx-headers, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("HTTPS", default=False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Paths reachable without logging in; every other URL requires a session (see tests/test_urls).
# /api/ authenticates with a bearer token and answers 401 itself (its token page logs in).
PUBLIC_PATH_PREFIXES = ("/konto/", "/static/", "/i18n/", "/halsa/", "/api/")

# --- Product settings ------------------------------------------------------------------------
IDEVERKET = {
    "PAGE_SIZE": 25,
    "SIMILAR_IDEAS_LIMIT": 5,
    # Days an idea may stay in a stage before it shows as waiting too long (parked ideas: past
    # their revisit date). Stages not listed never count as waiting.
    "STAGE_LIMITS_DAYS": {
        "submitted": 14,
        "in_assessment": 30,
        "evaluated": 30,
        "trial": 365,
        "implementing": 365,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Under test: fast hashing, tasks run inline, mail kept in memory --------------------------
TESTING = "pytest" in sys.modules  # set before Django loads settings, so no separate module
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ACCOUNT_RATE_LIMITS = False
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
