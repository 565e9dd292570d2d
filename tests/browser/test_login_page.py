"""The login page: the first page everyone sees, in Swedish, on a phone and with a screen reader."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser


def test_login_page_is_swedish_accessible_and_fits_a_phone(
    page, live_server, assert_accessible, assert_no_horizontal_scroll
):
    page.goto(live_server.url + reverse("account_login"))
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("button", name="English").is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)  # the narrow layout too


def test_wrong_password_keeps_the_email_and_stays_accessible(
    page, live_server, cast, assert_accessible
):
    page.goto(live_server.url + reverse("account_login"))
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(cast.employee.email)
    form.locator("input[name=password]").fill("fel-lösenord")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    assert reverse("account_login") in page.url
    assert form.locator("input[name=login]").input_value() == cast.employee.email
    assert_accessible(page)


def test_employee_logs_in_and_lands_on_min_sida(page, cast, browser_login):
    browser_login(page, cast.employee)
    assert page.url.endswith(reverse("ideas:mine"))
    assert page.get_by_role("link", name="Min sida").first.is_visible()
    assert page.get_by_text(cast.employee.name).first.is_visible()
