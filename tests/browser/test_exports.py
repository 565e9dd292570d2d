"""The idea list's download links in a real Chromium: axe clean, no sideways scroll at 320 px,
the links follow the filters when htmx swaps the results, and the CSV holds what is shown."""

from pathlib import Path

import pytest
from django.urls import reverse

from ideverket.ideas.tests.builders import new_idea

pytestmark = pytest.mark.browser


def test_the_idea_list_offers_its_filtered_rows_for_download(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    new_idea(cast, title="Digital närvarolista")
    new_idea(cast, title="Trygg hemgång", owner_unit=cast.homecare)
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("ideas:list"))

    links = page.locator(".export-links")
    assert links.get_by_role("link", name="Excel (XLSX)").get_attribute("href") == "?format=xlsx"
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Searching swaps the results (htmx); the links now carry the search.
    page.get_by_role("searchbox", name="Sök").fill("hemgång")
    csv_link = links.get_by_role("link", name="CSV")
    page.wait_for_function(
        "() => document.querySelector('.export-links a[href*=\"format=csv\"]')"
        ".getAttribute('href').includes('q=')"
    )
    href = csv_link.get_attribute("href")
    assert href.startswith("?q=hemg%C3%A5ng&") and href.endswith("&format=csv")

    with page.expect_download() as download_info:
        csv_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    assert "Trygg hemgång" in text
    assert "Digital närvarolista" not in text
