import pytest
from django.urls import reverse

from ideverket.challenges.models import Theme

pytestmark = pytest.mark.django_db

THEMES = reverse("challenges:themes")


@pytest.mark.parametrize("persona", ["employee", "lead", "manager", "outsider"])
def test_theme_pages_are_404_for_others(cast, login, persona):
    client = login(cast.fresh(persona))
    theme = Theme.objects.first()
    assert client.get(THEMES).status_code == 404
    assert client.post(THEMES, {"name": "Nytt"}).status_code == 404
    assert client.get(reverse("challenges:theme_edit", args=[theme.pk])).status_code == 404
    assert not Theme.objects.filter(name="Nytt").exists()


@pytest.mark.parametrize("persona", ["coordinator", "admin"])
def test_list_and_add(cast, login, persona):
    client = login(cast.fresh(persona))
    html = client.get(THEMES).content.decode()
    assert "Kompetensförsörjning" in html and "Heltid som norm" in html
    response = client.post(THEMES, {"name": "Folkhälsa", "description": "", "is_active": "on"})
    assert response.status_code == 302
    assert Theme.objects.get(name="Folkhälsa").is_active


def test_duplicate_name_gets_a_friendly_message(cast, login):
    response = login(cast.fresh("coordinator")).post(
        THEMES, {"name": "digitalisering", "description": "Min text"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Det finns redan ett tema som heter ”digitalisering”." in html
    assert "Min text" in html
    assert Theme.objects.filter(name__iexact="digitalisering").count() == 1


def test_edit(cast, login):
    theme = Theme.objects.get(name="Hållbarhet")
    client = login(cast.fresh("coordinator"))
    url = reverse("challenges:theme_edit", args=[theme.pk])
    assert 'value="Hållbarhet"' in client.get(url).content.decode()
    response = client.post(url, {"name": "Hållbar utveckling", "description": "Agenda 2030"})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.name, theme.description, theme.is_active) == (
        "Hållbar utveckling",
        "Agenda 2030",
        False,  # the unchecked box means inactive
    )


def test_edit_to_an_existing_name_is_refused(cast, login):
    theme = Theme.objects.get(name="Hållbarhet")
    url = reverse("challenges:theme_edit", args=[theme.pk])
    response = login(cast.fresh("coordinator")).post(url, {"name": "Digitalisering"})
    assert response.status_code == 200
    assert "Det finns redan ett tema" in response.content.decode()
    assert Theme.objects.get(pk=theme.pk).name == "Hållbarhet"
