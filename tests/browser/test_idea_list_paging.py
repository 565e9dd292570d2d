"""The idea list's pages in a real Chromium: Föregående/Nästa with the filters kept, without
JavaScript too, and "Fler än …" when there are more ideas than the list counts."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ideverket.ideas import paging
from ideverket.ideas.tests.builders import new_idea

pytestmark = pytest.mark.browser


@pytest.fixture
def seven(cast, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 3}
    return [new_idea(cast, title=f"Idé nummer {n}") for n in range(7)]


def test_pages_without_javascript(browser, live_server, cast, browser_login, seven):
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", java_script_enabled=False
    )
    page = context.new_page()
    try:
        browser_login(page, cast.employee)
        page.goto(live_server.url + reverse("ideas:list") + "?q=nummer&sort=oldest")
        expect(page.locator(".result-count")).to_have_text("7 idéer")
        expect(page.get_by_text("Sida 1 av 3")).to_be_visible()
        page.get_by_role("link", name="Nästa").click()
        expect(page.get_by_text("Sida 2 av 3")).to_be_visible()
        assert re.search(r"q=nummer&sort=oldest&page=2$", page.url)
        expect(page.get_by_role("link", name="Idé nummer 3")).to_be_visible()
        page.get_by_role("link", name="Föregående").click()
        expect(page.get_by_text("Sida 1 av 3")).to_be_visible()
        expect(page.get_by_role("link", name="Idé nummer 0")).to_be_visible()
    finally:
        context.close()


def test_more_than_the_bound(
    page, live_server, cast, browser_login, seven, monkeypatch, assert_accessible
):
    monkeypatch.setattr(paging, "COUNT_BOUND", 4)
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("ideas:list"))
    expect(page.locator(".result-count")).to_have_text("Fler än 4 idéer")
    expect(page.get_by_text("Sida 1", exact=True)).to_be_visible()
    assert_accessible(page)
    for number in (2, 3):
        page.get_by_role("link", name="Nästa").click()
        expect(page.get_by_text(f"Sida {number}", exact=True)).to_be_visible()
    # The last page: the oldest idea, and no Nästa.
    expect(page.get_by_role("link", name="Idé nummer 0")).to_be_visible()
    expect(page.get_by_role("link", name="Nästa")).to_have_count(0)
