"""Bearer tokens: only a hash is stored; revoked tokens and deactivated people get 401."""

import pytest
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.api.actions import do_create_api_token, do_revoke_api_token
from ideverket.api.models import ApiToken, hash_token
from ideverket.org.models import User

from .helpers import api_get, token_for


def test_only_the_hash_is_stored(cast):
    api_token, token = do_create_api_token(cast.employee, name="Power BI")
    assert token.startswith("idv_") and len(token) > 40
    assert api_token.token_hash == hash_token(token)
    assert not ApiToken.objects.filter(token_hash=token).exists()
    assert Event.objects.for_subject(api_token).get().verb == Event.Verb.CREATED


def test_valid_token_reads_and_records_use(client, cast):
    token = token_for(cast.employee)
    response = api_get(client, "/ideas", token)
    assert response.status_code == 200
    assert response.json() == {"count": 0, "items": []}
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer idv_wrong", "Basic dXNlcjpwYXNz", "Token x", "Bearer " + "x" * 500],
)
def test_missing_or_wrong_token_is_401(client, cast, header):
    token_for(cast.employee)
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/ideas", **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "API-nyckel" in response.json()["detail"]


def test_a_session_login_is_not_enough(client, cast):
    """The API is for tokens: a browser session alone gets 401 (and so no CSRF question)."""
    client.force_login(cast.employee)
    assert client.get("/api/ideas").status_code == 401


def test_revoked_token_is_401_on_the_next_request(client, cast):
    api_token, token = do_create_api_token(cast.employee, name="Skript")
    assert api_get(client, "/ideas", token).status_code == 200
    assert do_revoke_api_token(cast.employee, api_token) is True
    assert api_get(client, "/ideas", token).status_code == 401
    assert do_revoke_api_token(cast.employee, api_token) is False  # twice changes nothing
    revoked = Event.objects.for_subject(api_token).filter(verb=Event.Verb.EDITED).get()
    assert revoked.data["change"] == "token_revoked"


def test_deactivated_person_is_401(client, cast):
    token = token_for(cast.employee)
    User.objects.filter(pk=cast.employee.pk).update(is_active=False)
    assert api_get(client, "/ideas", token).status_code == 401


def test_someone_elses_token_cannot_be_revoked(cast):
    api_token, _token = do_create_api_token(cast.employee, name="Skript")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        do_revoke_api_token(cast.colleague, api_token)
    assert ApiToken.objects.get().revoked_at is None


def test_last_used_is_written_at_most_every_few_minutes(client, cast):
    token = token_for(cast.employee)
    api_get(client, "/ideas", token)
    first = ApiToken.objects.get().last_used_at
    api_get(client, "/ideas", token)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - timezone.timedelta(hours=1))
    api_get(client, "/ideas", token)
    assert ApiToken.objects.get().last_used_at > first


def test_token_events_read_in_swedish(cast):
    from ideverket.activity.describe import describe

    api_token, _token = do_create_api_token(cast.employee, name="Power BI")
    do_revoke_api_token(cast.employee, api_token)
    texts = [str(describe(e)) for e in Event.objects.for_subject(api_token).order_by("pk")]
    assert texts == [
        "Erik Elev skapade API-nyckeln ”Power BI”",
        "Erik Elev återkallade API-nyckeln ”Power BI”",
    ]
