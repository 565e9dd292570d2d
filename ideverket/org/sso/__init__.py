"""Single sign-on through allauth's OpenID Connect provider, made strict (see docs/sso.md).

allauth accepts an ID token from the token endpoint without checking its signature (the OIDC spec
allows that over TLS) and sends no nonce. Idéverket checks both: the provider class below is
installed through SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"], and allauth then
takes the login/callback URLs from this package's urls.py (same names and paths as allauth's).
"""
