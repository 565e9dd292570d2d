"""Single sign-on with SAML 2.0 against a stub identity provider whose assertions are really
signed (RSA-SHA256, xmlsec through python3-saml) with a certificate made in the test."""

import base64
import datetime as dt
import json
import uuid
import zlib
from urllib.parse import parse_qs, urlparse
from xml.etree import ElementTree

import pytest
from allauth.socialaccount.models import SocialAccount
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.utils import OneLogin_Saml2_Utils

from ideverket.org.models import RoleAssignment, User

Role = RoleAssignment.Role
HOST = "ideer.kommun.test"  # python3-saml refuses single-label hosts such as "testserver"
IDP_ENTITY = "https://idp.kommun.test/saml"
SSO_URL = "https://idp.kommun.test/saml/sso"
ACS = "http://ideer.kommun.test/konto/saml/kommun/acs/"
SP_ENTITY = "http://ideer.kommun.test/konto/saml/kommun/metadata/"
EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
NAME = "http://schemas.microsoft.com/identity/claims/displayname"


def make_key_and_cert():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "idp.kommun.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()


KEY, CERT = make_key_and_cert()


@pytest.fixture
def saml(client):
    client.defaults["HTTP_HOST"] = HOST  # python3-saml builds URLs from the Host header
    providers = {
        "openid_connect": {"APPS": []},
        "saml": {
            "provider_class": "ideverket.org.sso.saml.StrictSAMLProvider",
            "APPS": [
                {
                    "name": "Logga in med kommunens konto",
                    "provider_id": "saml",
                    "client_id": "kommun",
                    "settings": {
                        "idp": {"entity_id": IDP_ENTITY, "sso_url": SSO_URL, "x509cert": CERT},
                        "sp": {},
                        "advanced": {"strict": True, "want_assertion_signed": True},
                    },
                }
            ],
        },
    }
    sso = {
        "UNIT_CLAIM": "enhet",
        "ROLE_CLAIM": "roller",
        "ROLE_MAP": {"innovationsledare": Role.INNOVATION_LEAD, "chef": Role.MANAGER},
    }
    with override_settings(
        SOCIALACCOUNT_PROVIDERS=providers, IDEVERKET_SSO=sso, ALLOWED_HOSTS=[HOST]
    ):
        cache.clear()
        yield


def _time(delta):
    moment = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=delta)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


ATTRIBUTES = {
    EMAIL: ["anna.ny@test.example"],
    NAME: ["Anna Ny"],
    "enhet": ["Skola Norr"],
    "roller": ["innovationsledare", "okänd"],
    "personnummer": ["198001011234"],
}


def response_xml(request_id, *, attributes=ATTRIBUTES, audience=SP_ENTITY, expires=300,
                 sign=True, key=KEY, cert=CERT):  # fmt: skip
    assertion_id = "_" + uuid.uuid4().hex
    attrs = "".join(
        f'<saml:Attribute Name="{name}">'
        + "".join(f"<saml:AttributeValue>{v}</saml:AttributeValue>" for v in values)
        + "</saml:Attribute>"
        for name, values in attributes.items()
    )
    assertion = (
        '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" '
        f'ID="{assertion_id}" Version="2.0" IssueInstant="{_time(0)}">'
        f"<saml:Issuer>{IDP_ENTITY}</saml:Issuer>"
        "<saml:Subject>"
        '<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">'
        "anna.ny@test.example</saml:NameID>"
        '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
        f'<saml:SubjectConfirmationData NotOnOrAfter="{_time(expires)}" Recipient="{ACS}" '
        f'InResponseTo="{request_id}"/>'
        "</saml:SubjectConfirmation></saml:Subject>"
        f'<saml:Conditions NotBefore="{_time(-60)}" NotOnOrAfter="{_time(expires)}">'
        f"<saml:AudienceRestriction><saml:Audience>{audience}</saml:Audience>"
        "</saml:AudienceRestriction></saml:Conditions>"
        f'<saml:AuthnStatement AuthnInstant="{_time(0)}" SessionIndex="{assertion_id}">'
        "<saml:AuthnContext><saml:AuthnContextClassRef>"
        "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
        "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
        f"<saml:AttributeStatement>{attrs}</saml:AttributeStatement>"
        "</saml:Assertion>"
    )
    if sign:
        assertion = OneLogin_Saml2_Utils.add_sign(
            assertion,
            key,
            cert,
            sign_algorithm=OneLogin_Saml2_Constants.RSA_SHA256,
            digest_algorithm=OneLogin_Saml2_Constants.SHA256,
        )
        if isinstance(assertion, bytes):
            assertion = assertion.decode()
        assertion = assertion.split("?>", 1)[-1] if assertion.startswith("<?xml") else assertion
    return (
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
        'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" '
        f'ID="_{uuid.uuid4().hex}" Version="2.0" IssueInstant="{_time(0)}" '
        f'Destination="{ACS}" InResponseTo="{request_id}">'
        f"<saml:Issuer>{IDP_ENTITY}</saml:Issuer>"
        '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>'
        f"</samlp:Status>{assertion}</samlp:Response>"
    )


def start(client):
    response = client.post(reverse("saml_login", kwargs={"organization_slug": "kommun"}))
    assert response.status_code == 302, response.content
    location = response["Location"]
    assert location.startswith(SSO_URL)
    query = {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}
    request_xml = zlib.decompress(base64.b64decode(query["SAMLRequest"]), -15)
    return ElementTree.fromstring(request_xml).get("ID"), query.get("RelayState", "")


def post_response(client, xml, relay_state=""):
    data = {"SAMLResponse": base64.b64encode(xml.encode()).decode(), "RelayState": relay_state}
    response = client.post(reverse("saml_acs", kwargs={"organization_slug": "kommun"}), data)
    assert response.status_code == 302
    return client.get(response["Location"])


def saml_login(client, **kwargs):
    request_id, relay_state = start(client)
    return post_response(client, response_xml(request_id, **kwargs), relay_state)


def logged_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_saml_login_creates_the_person_with_unit_and_roles(cast, client, saml):
    response = saml_login(client)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    user = logged_in_as(client)
    assert (user.email, user.name, user.unit) == ("anna.ny@test.example", "Anna Ny", cast.school)
    assert [(a.unit, a.role) for a in user.roles.all()] == [(cast.school, Role.INNOVATION_LEAD)]
    account = SocialAccount.objects.get(user=user)
    assert "198001011234" not in json.dumps(account.extra_data)
    assert "personnummer" not in account.extra_data


def test_saml_login_updates_a_known_person(cast, client, saml):
    attributes = {**ATTRIBUTES, EMAIL: [cast.employee.email.upper()], "roller": ["chef"]}
    saml_login(client, attributes=attributes)
    user = logged_in_as(client)
    assert user.pk == cast.employee.pk and user.name == "Anna Ny"
    assert [(a.unit, a.role) for a in user.roles.all()] == [(cast.school, Role.MANAGER)]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sign": False},
        {"audience": "https://someone-else.example/"},
        {"expires": -120},
        {"key": make_key_and_cert()[0]},
    ],
    ids=["unsigned", "audience", "expired", "other-key"],
)
def test_bad_saml_response_is_refused(cast, client, saml, kwargs):
    saml_login(client, **kwargs)
    assert logged_in_as(client) is None
    assert not User.objects.filter(email="anna.ny@test.example").exists()
    assert not SocialAccount.objects.exists()


def test_unsolicited_response_is_refused(cast, client, saml):
    post_response(client, response_xml("_not-ours"))
    assert logged_in_as(client) is None
    assert not SocialAccount.objects.exists()


def test_login_page_offers_saml_when_configured(cast, client, saml):
    html = client.get(reverse("account_login")).content.decode()
    assert "Logga in med kommunens konto" in html
    assert reverse("saml_login", kwargs={"organization_slug": "kommun"}) in html
    csp = client.get(reverse("account_login"))["Content-Security-Policy"]
    assert "form-action 'self' https://idp.kommun.test;" in csp
