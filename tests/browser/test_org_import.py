"""The organisation import in a real Chromium: an administrator uploads HR files with an error,
reads the row error, fixes the file and applies it, and sees the progress reach done (htmx
polling every second). axe on every page, and each page at 320 px."""

import re

import pytest
from django.urls import reverse

from ideverket.org.models import OrgImport, Unit, User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNITS = (
    "enhet_id;namn;överordnad_enhet_id;stödfunktion\nS9;Skola Söder;Utbildningsförvaltningen;nej\n"
)
PEOPLE = "anställnings_id;namn;e_post;befattning;enhet_id;aktiv;chef\n{row}\n"


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_admin_fixes_a_row_error_and_applies(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll, tmp_path
):
    units = tmp_path / "enheter.csv"
    units.write_text(UNITS, encoding="utf-8")
    people = tmp_path / "personer.csv"
    people.write_text(
        PEOPLE.format(row="A1;Stina Söder;stina.soder@test.example;Rektor;S10;ja;ja"),
        encoding="utf-8",
    )
    browser_login(page, cast.admin)
    page.goto(live_server.url + reverse("org:units"))
    page.get_by_role("link", name="Importera organisation").click()
    page.wait_for_url(re.compile(r"/org/import/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)

    page.get_by_label("Enheter").set_input_files(str(units))
    page.get_by_label("Personer").set_input_files(str(people))
    page.get_by_role("button", name="Förhandsgranska").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Inget har sparats" in page.get_by_role("alert").inner_text()
    table = page.get_by_role("table", name="Fel per rad").inner_text()
    assert "enhet_id" in table and "Enheten ”S10” finns varken" in table
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert not OrgImport.objects.exists()

    people.write_text(
        PEOPLE.format(row="A1;Stina Söder;stina.soder@test.example;Rektor;S9;ja;ja"),
        encoding="utf-8",
    )
    page.get_by_label("Enheter").set_input_files(str(units))
    page.get_by_label("Personer").set_input_files(str(people))
    page.get_by_role("button", name="Förhandsgranska").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/org/import/\d+/$"))
    assert "1 skapas, 0 ändras" in page.get_by_role("definition").first.inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert not Unit.objects.filter(external_id="S9").exists()

    page.get_by_role("button", name="Genomför").focus()
    page.keyboard.press("Enter")
    page.locator("#import-progress").wait_for()
    assert "Importen är genomförd." in page.locator("#import-progress").inner_text()
    assert page.locator("progress").get_attribute("value") == "100"
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert User.objects.get(email="stina.soder@test.example").unit.external_id == "S9"


def test_progress_is_polled_until_done(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    org_import = OrgImport.objects.create(
        units_filename="enheter.csv",
        sha256="0" * 64,
        rows={"units": [], "people": []},
        status=OrgImport.Status.CHECKING,
        progress_done=2500,
        progress_total=5000,
        summary={
            "units": {"create": 1, "change": 0, "unchanged": 0, "deactivate": 0},
            "people": {"create": 4999, "change": 0, "unchanged": 0, "deactivate": 0},
        },
        uploaded_by=cast.admin,
    )
    browser_login(page, cast.admin)
    page.goto(live_server.url + org_import.get_absolute_url())
    assert page.locator("progress").get_attribute("value") == "50"
    assert page.get_by_text("2500 av 5000 rader kontrollerade.").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    OrgImport.objects.filter(pk=org_import.pk).update(status=OrgImport.Status.DONE)
    page.get_by_text("Importen är genomförd.").wait_for(timeout=5000)  # no reload: htmx polls
    assert page.locator("progress").get_attribute("value") == "100"
    assert "4999 nya" in page.locator("#import-progress").inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)
