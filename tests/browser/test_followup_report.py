"""The follow-up report in a real Chromium: an innovation lead picks her department and a tertial,
reads the summary, and prints it (navigation, filters and buttons gone). axe at desktop width and
at 320 px; an outsider's report never shows the restricted idea.
"""

import re

import pytest
from django.urls import reverse

from ideverket.insights.tests.test_report import SECRET, build_world, current_tertial

pytestmark = pytest.mark.browser


def test_lead_builds_and_prints_the_report(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    period, _goals = build_world(cast)
    browser_login(page, cast.lead)
    page.goto(live_server.url + reverse("insights:report"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Uppföljningsrapport")
    assert_accessible(page)

    page.get_by_label("Förvaltning", exact=True).select_option(label="Utbildningsförvaltningen")
    page.get_by_label("Del av perioden").select_option(value=current_tertial())
    page.get_by_role("button", name="Visa rapporten").click()
    page.wait_for_url(re.compile(r"department="))
    summary = page.locator(".report__summary").inner_text()
    assert summary.startswith(f"Under T{current_tertial()} {period.name} lämnades 6 idéer in")
    assert page.get_by_role("heading", name="1. Mål").is_visible()
    assert page.get_by_role("link", name="Hela rapporten som Excel (XLSX)").is_visible()
    assert SECRET in page.content()  # the lead may see the restricted idea
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert not page.get_by_role("link", name="Hela rapporten som Excel (XLSX)").is_visible()
    assert page.locator(".report__summary").is_visible()
    assert page.locator(".report-section").nth(1).evaluate(
        "el => getComputedStyle(el).breakBefore"
    ) in ("page", "always")
    page.emulate_media(media="screen")


def test_outsider_and_a_bad_value(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    period, _goals = build_world(cast)
    browser_login(page, cast.outsider)
    page.goto(
        live_server.url
        + reverse("insights:report")
        + f"?period={period.pk}&department={cast.school.pk}"
    )
    assert page.get_by_text("Välj en förvaltning i listan").first.is_visible()
    assert SECRET not in page.content()
    assert "hela kommunen" in page.locator(".report__summary").inner_text()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
