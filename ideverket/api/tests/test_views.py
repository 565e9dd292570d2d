"""The token page: create (shown once), list, revoke; only one's own tokens."""

from django.urls import reverse

from ideverket.api.models import ApiToken, hash_token

from .helpers import api_get, token_for

URL = "/api/nycklar/"


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/konto/" in response["Location"]
    assert client.post(URL, {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_create_shows_the_token_once(client, cast):
    client.force_login(cast.employee)
    assert reverse("api_tokens:index") == URL
    assert client.get(URL).status_code == 200
    response = client.post(URL, {"name": "Power BI"})
    assert response.status_code == 200
    token = response.context["new_token"]
    api_token = ApiToken.objects.get()
    assert (api_token.user, api_token.name, api_token.token_hash) == (
        cast.employee,
        "Power BI",
        hash_token(token),
    )
    assert token in response.content.decode()
    page = client.get(URL).content.decode()
    assert "Power BI" in page and token not in page
    assert api_get(client, "/ideas", token).status_code == 200


def test_empty_name_is_422_and_creates_nothing(client, cast):
    client.force_login(cast.employee)
    response = client.post(URL, {"name": "  \u200b"})
    assert response.status_code == 422
    assert "Fältet får inte vara tomt." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoke_own_token(client, cast):
    token = token_for(cast.employee, "Skript")
    api_token = ApiToken.objects.get()
    client.force_login(cast.employee)
    response = client.post(reverse("api_tokens:revoke", args=[api_token.pk]))
    assert response.status_code == 302
    api_token.refresh_from_db()
    assert api_token.revoked_at is not None
    assert api_get(client, "/ideas", token).status_code == 401
    assert "Återkallad" in client.get(URL).content.decode()


def test_someone_elses_token_is_404_and_not_listed(client, cast):
    token_for(cast.employee, "Eriks nyckel")
    api_token = ApiToken.objects.get()
    client.force_login(cast.colleague)
    assert "Eriks nyckel" not in client.get(URL).content.decode()
    assert client.post(reverse("api_tokens:revoke", args=[api_token.pk])).status_code == 404
    assert client.get(reverse("api_tokens:revoke", args=[api_token.pk])).status_code == 405
    api_token.refresh_from_db()
    assert api_token.revoked_at is None


def test_page_queries_do_not_grow(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.employee)
    token_for(cast.employee, "En")
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(5):
        token_for(cast.employee, f"Nyckel {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(few) == len(many), "\n".join(q["sql"][:120] for q in many.captured_queries)


def test_docs_page_uses_no_cdn(client, db):
    response = client.get("/api/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_at_most_twenty_active_tokens(client, cast, monkeypatch):
    from ideverket.api import actions

    monkeypatch.setattr(actions, "MAX_ACTIVE_TOKENS", 2)
    token_for(cast.employee, "En")
    token_for(cast.employee, "Två")
    client.force_login(cast.employee)
    response = client.post(URL, {"name": "Tre"})
    assert response.status_code == 422
    assert "Du har redan 2 aktiva nycklar. Återkalla en först." in response.content.decode()
    assert 'value="Tre"' in response.content.decode()
    assert ApiToken.objects.count() == 2
