"""The API token page in a real Chromium: create a token by keyboard, see it once, revoke it.
axe and 320 px on each state. And the API docs (Swagger UI) load from our own static files
under our Content-Security-Policy (the page fixture fails on any CSP violation)."""

import re

import pytest
from django.urls import reverse

from ideverket.api.models import ApiToken, hash_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_create_see_once_and_revoke_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("api_tokens:index"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert "Du har inga API-nycklar ännu." in page.inner_text("main")

    # Empty name: the message next to the field, nothing created.
    page.get_by_label("Vad ska nyckeln användas till?").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Ge nyckeln ett namn." in page.inner_text("main")
    assert not ApiToken.objects.exists()

    page.get_by_label("Vad ska nyckeln användas till?").focus()
    page.keyboard.type("Power BI-rapporten")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    shown = page.get_by_label("Kopiera nyckeln nu. Den visas bara den här gången.")
    token = shown.input_value()
    assert re.fullmatch(r"idv_[\w-]{40,}", token)
    assert ApiToken.objects.get().token_hash == hash_token(token)
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Shown once: the next visit lists the token by name only.
    page.goto(live_server.url + reverse("api_tokens:index"))
    assert token not in page.content()
    assert "Power BI-rapporten" in page.inner_text("main")

    page.get_by_role("button", name="Återkalla nyckeln Power BI-rapporten").focus()
    with page.expect_navigation():  # the POST, then its redirect back to the same page
        page.keyboard.press("Enter")
    page.get_by_text("är återkallad").wait_for()
    assert "är återkallad" in page.inner_text("body")
    assert ApiToken.objects.get().revoked_at is not None
    check(page, assert_accessible, assert_no_horizontal_scroll)


def test_api_docs_load_without_a_cdn(page, live_server, db):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/api/docs")
    page.get_by_text("Idéverket API").first.wait_for()
    page.get_by_text("/api/ideas/{id}/comments").first.wait_for()
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requests), [
        url for url in requests if not url.startswith(live_server.url)
    ]
