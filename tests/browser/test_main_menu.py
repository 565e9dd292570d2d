"""The main menu's "Uppföljning" group in a real Chromium: opened and followed by keyboard alone,
closed with Escape, the insights link only for those who may open them, and usable at 320 px."""

import re

import pytest

pytestmark = pytest.mark.browser


def menu(page):
    return page.get_by_role("navigation", name="Huvudmeny")


def test_follow_up_group_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    browser_login(page, cast.coordinator)
    group = menu(page).locator("summary", has_text="Uppföljning")
    assert not menu(page).get_by_role("link", name="Mål").is_visible()

    group.focus()
    page.keyboard.press("Enter")
    assert menu(page).get_by_role("link", name="Insikter").is_visible()
    assert_accessible(page)

    page.keyboard.press("Escape")
    assert not menu(page).get_by_role("link", name="Insikter").is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Mål"
    page.keyboard.press("Enter")
    page.wait_for_url("**/mal/**")
    assert menu(page).locator("summary.nav-group__summary--current").is_visible()
    goals = menu(page).get_by_role("link", name="Mål", exact=True, include_hidden=True)
    assert goals.get_attribute("aria-current") == "page"

    assert_no_horizontal_scroll(page)
    group.click()
    assert menu(page).get_by_role("link", name="Innovationsförmåga").is_visible()
    assert_accessible(page)


def test_employee_menu_has_no_insights(page, live_server, cast, browser_login):
    browser_login(page, cast.employee)
    menu(page).locator("summary", has_text="Uppföljning").click()
    assert menu(page).get_by_role("link", name="Uppföljningsrapport").is_visible()
    assert menu(page).get_by_role("link", name="Insikter").count() == 0
    page.locator("h1").first.click()
    assert not menu(page).get_by_role("link", name="Uppföljningsrapport").is_visible()


def test_support_group_and_footer(page, live_server, cast, browser_login, assert_accessible):
    browser_login(page, cast.inspirer)
    menu(page).locator("summary", has_text="Stöd").click()
    assert menu(page).get_by_role("link", name="Min inspiratörsprofil").is_visible()
    assert menu(page).get_by_role("link", name="Nätverksöversikt").count() == 0
    assert menu(page).get_by_role("link", name="Utbildningstäckning").count() == 0
    assert menu(page).get_by_role("link", name="Utbildning", exact=True).is_visible()
    menu(page).get_by_role("link", name="Idéinspiratörer").click()
    page.wait_for_url("**/inspiratorer/")
    assert menu(page).locator("summary.nav-group__summary--current", has_text="Stöd").is_visible()
    footer = page.get_by_role("contentinfo")
    assert footer.get_by_role("link", name="Tillgänglighetsredogörelse").is_visible()
    assert_accessible(page)


def test_anonymous_visitor_can_log_in_from_a_public_page(page, live_server, cast):
    page.goto(live_server.url + "/vagledning/tillganglighet/")
    page.get_by_role("link", name="Logga in").click()
    page.wait_for_url(re.compile(r"/konto/login/\?next="))
    page.get_by_label("E-post").fill(cast.employee.email)
    page.get_by_label("Lösenord").fill("test-pass-123")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/vagledning/tillganglighet/")
    assert page.get_by_role("navigation", name="Huvudmeny").is_visible()
