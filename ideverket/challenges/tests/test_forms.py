"""Creating and editing challenges through the pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.challenges.models import Challenge, Theme

pytestmark = pytest.mark.django_db

CREATE = reverse("challenges:create")


def valid(cast, **overrides):
    data = {
        "title": "Fler heltider",
        "question": "Hur kan vi erbjuda fler heltider?",
        "background": "Många arbetar deltid ofrivilligt.",
        "needs": "Schema som går ihop.",
        "owner_unit": cast.school.pk,
        "responsible": [cast.employee.pk],
        "themes": [Theme.objects.get(name="Heltid som norm").pk],
        "step": "explore",
        "open_until": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("persona", ["employee", "inspirer", "outsider", "hr_person"])
def test_create_page_is_404_without_a_deciding_role(cast, login, persona):
    client = login(cast.fresh(persona))
    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, valid(cast)).status_code == 404
    assert not Challenge.objects.exists()


@pytest.mark.parametrize("persona", ["manager", "lead", "coordinator"])
def test_create(cast, login, persona):
    response = login(cast.fresh(persona)).post(CREATE, valid(cast))
    challenge = Challenge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == challenge.get_absolute_url()
    assert challenge.owner_unit == cast.school
    assert challenge.step == "explore"
    assert [u.pk for u in challenge.responsible.all()] == [cast.employee.pk]
    assert [t.name for t in challenge.themes.all()] == ["Heltid som norm"]
    assert Event.objects.for_subject(challenge).filter(verb=Event.Verb.CREATED).exists()


def test_owner_unit_choices_are_limited_to_ones_role_units(cast, login):
    response = login(cast.fresh("manager")).get(CREATE)
    choices = {u.pk for u in response.context["form"].fields["owner_unit"].queryset}
    assert choices == {cast.school.pk}
    response = login(cast.fresh("coordinator")).get(CREATE)
    choices = {u.pk for u in response.context["form"].fields["owner_unit"].queryset}
    assert cast.homecare.pk in choices and cast.school.pk in choices
    assert cast.kommun.pk not in choices


def test_lead_cannot_create_for_another_department(cast, login):
    response = login(cast.fresh("lead")).post(CREATE, valid(cast, owner_unit=cast.homecare.pk))
    assert response.status_code == 200
    assert "owner_unit" in response.context["form"].errors
    assert not Challenge.objects.exists()


def test_bad_input_gets_swedish_messages_and_keeps_the_text(cast, login):
    data = valid(cast, question="Varför är det så få heltider?", open_until="2001-01-01")
    response = login(cast.fresh("lead")).post(CREATE, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Formulera utmaningen som en fråga som börjar med ”Hur kan vi”" in html
    assert "Datumet har redan passerat" in html
    # What was typed is still there.
    assert 'value="Varför är det så få heltider?"' in html
    assert "Många arbetar deltid ofrivilligt." in html
    assert 'value="Fler heltider"' in html
    assert not Challenge.objects.exists()


def test_blank_title_is_refused(cast, login):
    response = login(cast.fresh("lead")).post(CREATE, valid(cast, title="   \u202e "))
    assert "title" in response.context["form"].errors
    assert not Challenge.objects.exists()


def test_garbage_choices_do_not_crash(cast, login):
    data = valid(cast, step="nope", owner_unit="abc", responsible=["x"], themes=["-1"])
    data["open_until"] = "31/31/2031"
    response = login(cast.fresh("lead")).post(CREATE, data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "step",
        "owner_unit",
        "responsible",
        "themes",
        "open_until",
    }


def test_inactive_themes_are_not_offered(cast, login):
    Theme.objects.filter(name="Hållbarhet").update(is_active=False)
    response = login(cast.fresh("lead")).get(CREATE)
    names = {t.name for t in response.context["form"].fields["themes"].queryset}
    assert "Hållbarhet" not in names and "Digitalisering" in names


def edit_url(challenge):
    return reverse("challenges:edit", args=[challenge.pk])


@pytest.mark.parametrize("persona", ["outsider", "social_lead", "employee", "inspirer"])
def test_edit_is_404_for_those_who_may_not(cast, login, make_challenge, persona):
    challenge = make_challenge()
    client = login(cast.fresh(persona))
    assert client.get(edit_url(challenge)).status_code == 404
    response = client.post(edit_url(challenge), valid(cast, title="Kapad"))
    assert response.status_code == 404
    assert Challenge.objects.get(pk=challenge.pk).title == "Kortare köer"


def test_edit_by_a_responsible_person(cast, login, make_challenge):
    challenge = make_challenge(responsible=[cast.colleague])
    client = login(cast.fresh("colleague"))
    response = client.get(edit_url(challenge))
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == "Kortare köer"
    data = valid(cast, title="Kortare köer till skolmaten", responsible=[cast.colleague.pk])
    response = client.post(edit_url(challenge), data)
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Kortare köer till skolmaten"
    event = Event.objects.for_subject(challenge).get(verb=Event.Verb.EDITED)
    assert "title" in event.data["fields"]


def test_edit_keeps_a_past_date_and_an_inactive_theme(cast, login, make_challenge, close):
    theme = Theme.objects.get(name="Hållbarhet")
    challenge = close(make_challenge(themes=[theme]))
    Theme.objects.filter(pk=theme.pk).update(is_active=False)
    data = valid(
        cast, title="Ny rubrik", open_until=challenge.open_until.isoformat(), themes=[theme.pk]
    )
    response = login(cast.fresh("lead")).post(edit_url(challenge), data)
    assert response.status_code == 302
    assert list(challenge.themes.all()) == [theme]


def test_edit_invalid_saves_nothing(cast, login, make_challenge):
    challenge = make_challenge()
    data = valid(cast, title="Ny rubrik", question="Inte en fråga")
    response = login(cast.fresh("lead")).post(edit_url(challenge), data)
    assert response.status_code == 200
    assert 'value="Ny rubrik"' in response.content.decode()
    assert Challenge.objects.get(pk=challenge.pk).title == "Kortare köer"
