"""The unsubscribe link: works without a login, changes nothing on GET, unsubscribes only the
person its signed token names."""

import pytest
from django.core import signing
from django.urls import reverse

from ideverket.activity.email import UNSUBSCRIBE_SALT, unsubscribe_token
from ideverket.activity.models import EmailPreference, Event
from ideverket.org.actions import do_update_user

from .helpers import Frequency, choose

pytestmark = pytest.mark.django_db


def url_for(user):
    return reverse("activity:unsubscribe", args=[unsubscribe_token(user)])


def frequency_of(user):
    preference = EmailPreference.objects.filter(user=user).first()
    return preference.frequency if preference else Frequency.DAILY


def test_get_only_asks(cast, client):
    choose(cast.employee, Frequency.IMMEDIATE)
    response = client.get(url_for(cast.employee))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ja, skicka ingen mer e-post" in html
    assert cast.employee.email in html
    assert frequency_of(cast.employee) == Frequency.IMMEDIATE


def test_post_unsubscribes_without_a_login(cast, client):
    choose(cast.employee, Frequency.IMMEDIATE)
    url = url_for(cast.employee)
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    assert frequency_of(cast.employee) == Frequency.NONE
    event = Event.objects.filter(data__change="email_frequency").latest("pk")
    assert event.actor == cast.employee and event.data["via"] == "unsubscribe"
    html = client.get(url).content.decode()
    assert "får inga fler e-postmeddelanden" in html
    assert "Ja, skicka ingen mer e-post" not in html
    # Twice is harmless.
    assert client.post(url).status_code == 302


def test_the_token_changes_only_its_own_person(cast, client, login):
    choose(cast.colleague, Frequency.IMMEDIATE)
    # Logged in as someone else, with the employee's link: the employee is unsubscribed, the
    # logged-in colleague is not.
    login(cast.colleague).post(url_for(cast.employee), {"user": cast.colleague.pk})
    assert frequency_of(cast.employee) == Frequency.NONE
    assert frequency_of(cast.colleague) == Frequency.IMMEDIATE


@pytest.mark.parametrize(
    "make_token",
    [
        lambda user: unsubscribe_token(user)[:-2] + "xx",  # tampered signature
        lambda user: signing.dumps({"u": user.pk}, salt="another.purpose"),  # other salt
        lambda user: signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT),  # not the expected shape
        lambda user: "inte-en-nyckel",
    ],
)
def test_a_tampered_or_foreign_token_is_refused(cast, client, make_token):
    choose(cast.employee, Frequency.IMMEDIATE)
    url = reverse("activity:unsubscribe", args=[make_token(cast.employee)])
    assert client.get(url).status_code == 400
    response = client.post(url)
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()
    assert frequency_of(cast.employee) == Frequency.IMMEDIATE


def test_changing_the_user_id_in_the_token_breaks_it(cast, client):
    # The employee's signature on the colleague's id: refused.
    _payload, rest = unsubscribe_token(cast.employee).split(":", 1)
    other_payload = signing.dumps({"u": cast.colleague.pk}, salt=UNSUBSCRIBE_SALT).split(":")[0]
    url = reverse("activity:unsubscribe", args=[f"{other_payload}:{rest}"])
    assert client.post(url).status_code == 400
    assert frequency_of(cast.colleague) == Frequency.DAILY


def test_unknown_or_deactivated_person_is_404(cast, client):
    gone = signing.dumps({"u": 10**9}, salt=UNSUBSCRIBE_SALT)
    assert client.get(reverse("activity:unsubscribe", args=[gone])).status_code == 404
    colleague = cast.colleague
    url = url_for(colleague)
    do_update_user(
        cast.admin,
        colleague,
        name=colleague.name,
        email=colleague.email,
        unit=colleague.unit,
        title=colleague.title,
        is_active=False,
    )
    assert client.post(url).status_code == 404
