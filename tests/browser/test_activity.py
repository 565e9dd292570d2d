"""E-mail settings in a real Chromium: from the notifications page to the settings by keyboard,
the choice made with arrow keys and saved; then the unsubscribe link from an e-mail, without a
login, confirmed with its button. axe on every page, and each page at 320 px."""

import re

import pytest
from django.urls import reverse

from ideverket.activity.email import unsubscribe_token
from ideverket.activity.models import EmailPreference

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_choose_email_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("activity:notifications"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("link", name="E-postinställningar").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/notiser/e-post/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)

    group = page.get_by_role("group", name="Hur vill du få e-post om dina notiser?")
    daily = group.get_by_role("radio", name="Sammanfattning en gång per dag")
    assert daily.is_checked()  # the default
    daily.focus()
    page.keyboard.press("ArrowUp")  # to "Direkt"
    assert group.get_by_role("radio", name="Direkt").is_checked()
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the Spara button
    assert page.get_by_text("Dina e-postinställningar är sparade.").is_visible()
    assert page.get_by_role("radio", name="Direkt").is_checked()
    assert EmailPreference.objects.get(user=cast.employee).frequency == "immediate"
    check(page, assert_accessible, assert_no_horizontal_scroll)


def test_unsubscribe_without_logging_in(
    page, live_server, cast, assert_accessible, assert_no_horizontal_scroll
):
    url = live_server.url + reverse("activity:unsubscribe", args=[unsubscribe_token(cast.employee)])
    page.goto(url)
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert not EmailPreference.objects.exists()  # opening the link changes nothing
    page.get_by_role("button", name="Ja, skicka ingen mer e-post").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("får inga fler e-postmeddelanden om notiser").is_visible()
    assert EmailPreference.objects.get(user=cast.employee).frequency == "none"
    check(page, assert_accessible, assert_no_horizontal_scroll)
