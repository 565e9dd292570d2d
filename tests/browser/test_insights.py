"""The insights page in a real Chromium: axe on the whole page (charts, tables, filters) at
desktop width and at 320 px, filtering by department, and a table downloaded as CSV.
"""

import pytest
from django.urls import reverse

from ideverket.insights.tests.dataset import build

pytestmark = pytest.mark.browser


def test_coordinator_reads_and_filters_the_insights(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    build(cast)
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("insights:overview"))
    assert page.get_by_role("heading", level=1, name="Insikter").is_visible()
    assert page.get_by_role("img", name="Idéer per steg under perioden").is_visible()
    assert page.get_by_role("table", name="Beslut efter utvärderade tester per förvaltning").count()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Filter by a department, without JavaScript doing anything special.
    page.get_by_label("Förvaltning", exact=True).select_option(label="Socialförvaltningen")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(f"**department={cast.social.pk}**")
    assert "Förvaltning: Socialförvaltningen." in page.locator(".lead").inner_text()
    assert_accessible(page)

    # A bad value is dropped with a message at the field.
    page.goto(live_server.url + reverse("insights:overview") + "?theme=%25")
    assert page.get_by_text("Det temat finns inte.").first.is_visible()
    assert_accessible(page)

    # The funnel table downloads with the filters applied.
    page.goto(live_server.url + reverse("insights:overview") + f"?department={cast.social.pk}")
    with page.expect_download() as download:
        page.locator("#tratten").locator("..").get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename.startswith("tratten-")


def test_lead_sees_the_page_at_320_px(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    build(cast)
    browser_login(page, cast.lead)
    page.goto(live_server.url + reverse("insights:overview"))
    assert "Siffrorna räknas på det du kan se" in page.locator(".lead").inner_text()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
