"""Sessions are Django's database sessions, read with a statement written once
(ideverket/lib/sessions.py): the same sessions, fewer milliseconds."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.lib.sessions import SessionStore

pytestmark = pytest.mark.django_db


def stored(data):
    store = SessionStore()
    store.update(data)
    store.create()
    return store.session_key


def test_a_stored_session_reads_back_in_one_query():
    key = stored({"a": 1, "ord": "åäö"})
    store = SessionStore(key)
    with CaptureQueriesContext(connection) as queries:
        assert dict(store.items()) == {"a": 1, "ord": "åäö"}
    assert len(queries) == 1
    assert store.session_key == key


@pytest.mark.parametrize("key", ["unknown-key-0123456789abcdef", None, "short"])
def test_an_unknown_key_reads_as_a_new_empty_session(key):
    store = SessionStore(key)
    assert dict(store.items()) == {}
    assert store.session_key is None


def test_an_expired_session_is_not_read():
    key = stored({"a": 1})
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    store = SessionStore(key)
    assert dict(store.items()) == {}
    assert store.session_key is None


def test_signing_out_ends_the_session_for_every_request(client, cast):
    client.force_login(cast.employee)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(reverse("ideas:list")).status_code == 200
    client.post(reverse("account_logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the old cookie, kept by someone
    response = client.get(reverse("ideas:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
