"""Choosing how one gets e-mail: the default, the action, its event, the settings page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ideverket.activity.actions import do_set_email_frequency
from ideverket.activity.describe import describe
from ideverket.activity.models import EmailPreference, Event

from .helpers import Frequency, choose

pytestmark = pytest.mark.django_db


def test_the_daily_digest_is_the_default(cast, login):
    page = login(cast.employee).get(reverse("activity:email_settings"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="daily" required id="id_frequency_1" checked>' in html
    for label in ("Direkt", "Sammanfattning en gång per dag", "Inga e-postmeddelanden"):
        assert label in html
    assert not EmailPreference.objects.exists()


def test_each_choice_is_saved_with_an_event(cast):
    for frequency in (Frequency.IMMEDIATE, Frequency.NONE, Frequency.DAILY):
        choose(cast.employee, frequency)
        assert EmailPreference.objects.get(user=cast.employee).frequency == frequency
    events = Event.objects.filter(verb=Event.Verb.EDITED, data__change="email_frequency")
    assert [e.data["new"] for e in events.order_by("pk")] == ["immediate", "none", "daily"]
    assert all(e.actor_id == cast.employee.pk for e in events)
    assert str(describe(events.first())) == "Erik Elev valde e-post om notiser: Direkt"


def test_choosing_the_same_again_records_nothing(cast):
    choose(cast.employee, Frequency.IMMEDIATE)
    choose(cast.employee, Frequency.IMMEDIATE)
    assert Event.objects.filter(data__change="email_frequency").count() == 1


def test_nobody_chooses_for_someone_else(cast):
    with pytest.raises(PermissionDenied):
        do_set_email_frequency(cast.admin, cast.employee, Frequency.NONE)
    with pytest.raises(PermissionDenied):
        do_set_email_frequency(None, cast.employee, Frequency.NONE)
    assert not EmailPreference.objects.exists()


def test_the_settings_page_saves_the_choice(cast, login):
    client = login(cast.employee)
    response = client.post(reverse("activity:email_settings"), {"frequency": "immediate"})
    assert response.status_code == 302
    assert EmailPreference.objects.get(user=cast.employee).frequency == Frequency.IMMEDIATE
    page = client.get(response["Location"]).content.decode()
    assert "Dina e-postinställningar är sparade." in page


@pytest.mark.parametrize("data", [{}, {"frequency": "weekly"}])
def test_bad_input_is_explained_and_nothing_saved(cast, login, data):
    response = login(cast.employee).post(reverse("activity:email_settings"), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Något behöver rättas" in html
    assert not EmailPreference.objects.exists()


def test_the_settings_page_cannot_name_another_person(cast, login):
    login(cast.employee).post(
        reverse("activity:email_settings"), {"frequency": "none", "user": cast.colleague.pk}
    )
    assert EmailPreference.objects.get().user == cast.employee


def test_the_notifications_page_links_to_the_settings(cast, login):
    html = login(cast.employee).get(reverse("activity:notifications")).content.decode()
    assert reverse("activity:email_settings") in html
    assert "E-postinställningar" in html
