"""The webhook pages: who may use them, creating (the secret once), editing, deactivating."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from ideverket.activity.describe import describe
from ideverket.activity.models import Event
from ideverket.webhooks.actions import do_create_endpoint
from ideverket.webhooks.models import Attempt, Delivery, Endpoint

pytestmark = pytest.mark.django_db

MANAGERS = ["admin", "coordinator"]
OTHERS = [
    "employee",
    "colleague",
    "inspirer",
    "manager",
    "lead",
    "director",
    "social_lead",
    "outsider",
    "hr_person",
]
GOOD = {"name": "Diariet", "url": "https://diarium.testkommun.se/hook", "events": ["idea.decided"]}


def events_of(endpoint):
    return Event.objects.filter(
        subject_type=ContentType.objects.get_for_model(Endpoint), subject_id=endpoint.pk
    )


def an_endpoint(cast, **kwargs):
    return do_create_endpoint(
        cast.admin,
        **{
            "name": "Diariet",
            "url": "https://diarium.testkommun.se/hook",
            "events": ["idea.decided"],
            **kwargs,
        },
    )


def urls(endpoint):
    return [
        ("get", reverse("webhooks:list")),
        ("get", reverse("webhooks:create")),
        ("get", reverse("webhooks:log", args=[endpoint.pk])),
        ("get", reverse("webhooks:edit", args=[endpoint.pk])),
        ("post", reverse("webhooks:deactivate", args=[endpoint.pk])),
        ("post", reverse("webhooks:new_secret", args=[endpoint.pk])),
        ("post", reverse("webhooks:test", args=[endpoint.pk])),
        ("post", reverse("webhooks:create")),
    ]


@pytest.mark.parametrize("role", OTHERS)
def test_everyone_else_gets_404_and_changes_nothing(cast, login, role):
    endpoint = an_endpoint(cast)
    client = login(cast.fresh(role))
    for method, url in urls(endpoint):
        data = GOOD if method == "post" else None
        assert getattr(client, method)(url, data).status_code == 404, url
    endpoint.refresh_from_db()
    assert endpoint.is_active
    assert Endpoint.objects.count() == 1


@pytest.mark.parametrize("role", MANAGERS)
def test_admin_and_coordinator_see_the_pages(cast, login, role):
    endpoint = an_endpoint(cast)
    client = login(cast.fresh(role))
    for _method, url in urls(endpoint)[:4]:
        assert client.get(url).status_code == 200, url


def test_unknown_endpoint_is_404(cast, login):
    client = login(cast.fresh("admin"))
    assert client.get(reverse("webhooks:log", args=[99999])).status_code == 404


def test_create_shows_the_secret_once(cast, login):
    client = login(cast.fresh("coordinator"))
    response = client.post(reverse("webhooks:create"), GOOD | {"department": cast.education.pk})
    endpoint = Endpoint.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("webhooks:log", args=[endpoint.pk])
    assert endpoint.department == cast.education
    assert endpoint.is_active and endpoint.events == ["idea.decided"]
    assert len(endpoint.secret) >= 40
    first = client.get(response.url)
    assert endpoint.secret in first.content.decode()
    second = client.get(response.url)
    assert endpoint.secret not in second.content.decode()
    assert client.get(reverse("webhooks:list")).content.decode().count(endpoint.secret) == 0
    event = events_of(endpoint).get(verb=Event.Verb.CREATED)
    assert event.actor == cast.coordinator
    assert endpoint.secret not in str(event.data)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://diarium.testkommun.se/hook", "måste börja med https://"),
        ("ftp://diarium.testkommun.se/", "fullständig adress"),
        ("inte en adress", "fullständig adress"),
        ("https://user:pw@diarium.testkommun.se/", "användarnamn eller lösenord"),
    ],
)
def test_bad_url_is_refused_next_to_the_field_and_kept(cast, login, url, message):
    client = login(cast.fresh("admin"))
    response = client.post(reverse("webhooks:create"), GOOD | {"url": url})
    assert response.status_code == 422
    assert response.context["form"].errors["url"]
    assert message in " ".join(response.context["form"].errors["url"])
    assert url in response.content.decode().replace("&amp;", "&") or "user:pw" in url
    assert not Endpoint.objects.exists()


def test_no_event_chosen_is_refused(cast, login):
    client = login(cast.fresh("admin"))
    response = client.post(reverse("webhooks:create"), {"name": "X", "url": GOOD["url"]})
    assert response.status_code == 422
    assert "Välj minst en händelse." in response.content.decode()
    assert 'value="X"' in response.content.decode()


def test_local_http_only_while_testing_or_debugging(cast, login, settings):
    client = login(cast.fresh("admin"))
    local = GOOD | {"url": "http://127.0.0.1:8765/hook"}
    assert client.post(reverse("webhooks:create"), local).status_code == 302
    settings.TESTING = False
    settings.DEBUG = False
    response = client.post(reverse("webhooks:create"), local)
    assert response.status_code == 422


def test_edit_and_deactivate(cast, login):
    endpoint = an_endpoint(cast)
    client = login(cast.fresh("admin"))
    response = client.post(
        reverse("webhooks:edit", args=[endpoint.pk]),
        {
            "name": "Målsystemet",
            "url": "https://mal.testkommun.se/in",
            "events": ["idea.decided"],
            "department": cast.social.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.url, endpoint.department) == (
        "Målsystemet",
        "https://mal.testkommun.se/in",
        cast.social,
    )
    assert client.post(reverse("webhooks:deactivate", args=[endpoint.pk])).status_code == 302
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    changes = list(
        events_of(endpoint).filter(verb=Event.Verb.EDITED).values_list("data__change", flat=True)
    )
    assert sorted(changes) == ["endpoint_deactivated", "endpoint_edited"]
    # Deactivating is a POST only.
    assert client.get(reverse("webhooks:deactivate", args=[endpoint.pk])).status_code == 405


def test_department_must_be_a_department(cast, login):
    client = login(cast.fresh("admin"))
    response = client.post(reverse("webhooks:create"), GOOD | {"department": cast.school.pk})
    assert response.status_code == 422
    assert not Endpoint.objects.exists()


def test_new_secret_replaces_the_old_and_is_shown_once(cast, login):
    endpoint = an_endpoint(cast)
    old = endpoint.secret
    client = login(cast.fresh("coordinator"))
    response = client.post(reverse("webhooks:new_secret", args=[endpoint.pk]))
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    page = client.get(response.url).content.decode()
    assert endpoint.secret in page and old not in page


def test_the_timeline_describes_the_changes(cast):
    endpoint = an_endpoint(cast)
    event = events_of(endpoint).get(verb=Event.Verb.CREATED)
    assert "lade till webhooken ”Diariet”" in str(describe(event))


def test_send_a_test_to_try_the_connection(
    cast, login, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint = endpoint_for(receiver)
    client = login(cast.fresh("coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("webhooks:test", args=[endpoint.pk]))
    assert response.status_code == 302
    headers, payload, signature_ok = receiver.received[0]
    assert signature_ok
    assert headers["X-Ideverket-Event"] == "ping"
    assert payload["data"] == {"endpoint": "Diariet"}
    assert Attempt.objects.get().http_status == 204
    page = client.get(response.url).content.decode()
    assert "ping" in page and "204" in page
    assert "skickade ett test" in " ".join(
        str(describe(e)) for e in events_of(endpoint).select_related("actor")
    )


def test_no_test_to_an_inactive_endpoint(cast, login):
    endpoint = an_endpoint(cast)
    Endpoint.objects.filter(pk=endpoint.pk).update(is_active=False)
    client = login(cast.fresh("admin"))
    response = client.post(reverse("webhooks:test", args=[endpoint.pk]), follow=True)
    assert "Webhooken är inaktiv. Aktivera den först." in response.content.decode()
    assert not Delivery.objects.exists()
