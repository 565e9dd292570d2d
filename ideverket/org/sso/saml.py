"""SAML 2.0 through allauth's saml provider (docs/sso.md): only allow-listed attributes are
stored, and the attributes become the same claims the OIDC login uses."""

from allauth.socialaccount.providers.saml.provider import SAMLProvider
from django.conf import settings

# Attribute names read for e-mail and name (Entra ID / ADFS claim URIs, eduPerson OIDs, plain).
EMAIL_ATTRIBUTES = (
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    "urn:oid:0.9.2342.19200300.100.1.3",
    "email",
    "mail",
)
NAME_ATTRIBUTES = (
    "http://schemas.microsoft.com/identity/claims/displayname",
    "urn:oid:2.16.840.1.113730.3.1.241",
    "displayName",
    "name",
)
GIVEN_NAME_ATTRIBUTES = (
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
    "urn:oid:2.5.4.42",
)
FAMILY_NAME_ATTRIBUTES = (
    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
    "urn:oid:2.5.4.4",
)
UID_ATTRIBUTES = ("urn:oasis:names:tc:SAML:attribute:subject-id",)


def _first(attributes, names):
    for name in names:
        values = attributes.get(name) or []
        if values:
            return values[0]
    return None


class StrictSAMLProvider(SAMLProvider):
    package = "allauth.socialaccount.providers.saml"  # allauth's URLs and views
    default_attribute_mapping = {
        "uid": list(UID_ATTRIBUTES),
        "email": list(EMAIL_ATTRIBUTES),
        "first_name": list(GIVEN_NAME_ATTRIBUTES),
        "last_name": list(FAMILY_NAME_ATTRIBUTES),
    }

    def kept_attributes(self):
        sso = getattr(settings, "IDEVERKET_SSO", {})
        names = {*EMAIL_ATTRIBUTES, *NAME_ATTRIBUTES, *GIVEN_NAME_ATTRIBUTES}
        names |= {*FAMILY_NAME_ATTRIBUTES, *UID_ATTRIBUTES}
        return names | {c for c in (sso.get("UNIT_CLAIM"), sso.get("ROLE_CLAIM")) if c}

    def extract_extra_data(self, data):
        keep = self.kept_attributes()
        return {k: v for k, v in data.get_attributes().items() if k in keep}

    def sso_claims(self, extra_data):
        """The attributes as the claims sync_sso_user reads (e-mail, name, unit, roles)."""
        sso = getattr(settings, "IDEVERKET_SSO", {})
        given = _first(extra_data, GIVEN_NAME_ATTRIBUTES)
        family = _first(extra_data, FAMILY_NAME_ATTRIBUTES)
        claims = {
            "email": _first(extra_data, EMAIL_ATTRIBUTES),
            "name": _first(extra_data, NAME_ATTRIBUTES)
            or " ".join(p for p in (given, family) if p),
        }
        if sso.get("UNIT_CLAIM"):
            claims[sso["UNIT_CLAIM"]] = _first(extra_data, [sso["UNIT_CLAIM"]])
        if sso.get("ROLE_CLAIM"):
            claims[sso["ROLE_CLAIM"]] = list(extra_data.get(sso["ROLE_CLAIM"]) or [])
        return claims


provider_classes = [StrictSAMLProvider]
