"""Guidance in a real Chromium: an anonymous visitor reads a page and answers Nej with a comment
by keyboard alone (htmx swaps in the thanks), the coordinator sees the answer in the feedback
overview; the accessibility statement and its defect form, anonymously and by keyboard. axe on
every page, and each page at 320 px."""

import re

import pytest
from django.urls import reverse

from ideverket.guidance import actions
from ideverket.guidance.models import DefectReport, PageFeedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = """Idéer prövas i liten skala innan de införs.

## Så går det till

1. Du beskriver behovet.
2. Ett **test** planeras med en mottagare.
3. Resultatet avgör om idén införs.

Läs mer hos [Digg](https://www.digg.se/).
"""


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def guide_page(cast):
    top = actions.do_create_guide_page(
        cast.coordinator,
        title="Så fungerar idéprocessen",
        slug="ideprocessen",
        summary="Från behov till införande.",
        body=BODY,
        is_published=True,
        contact=cast.lead,
    )
    actions.do_create_guide_page(
        cast.coordinator,
        title="Testa i liten skala",
        slug="testa",
        body="Text.",
        parent=top,
        is_published=True,
        contact=cast.lead,
    )
    return top


def test_anonymous_reader_answers_no_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    guide = guide_page(cast)
    page.goto(live_server.url + reverse("guidance:index"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("link", name="Så fungerar idéprocessen").click()
    page.wait_for_url(re.compile(r"/vagledning/ideprocessen/$"))
    assert page.get_by_role("heading", level=1, name="Så fungerar idéprocessen").is_visible()
    assert page.get_by_role("link", name=cast.lead.email).is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Keyboard only: focus "Ja", arrow to "Nej", Tab to the comment, type, Tab to Skicka.
    page.get_by_role("radio", name="Ja").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.get_by_role("radio", name="Nej").is_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("Jag saknar ett exempel från hemtjänsten.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    thanks = page.get_by_text("Tack för att du hjälper oss!")
    thanks.wait_for()
    assert page.url.endswith("/vagledning/ideprocessen/")  # htmx swapped, no reload
    check(page, assert_accessible, assert_no_horizontal_scroll)
    answer = PageFeedback.objects.get()
    assert (answer.page, answer.helpful, answer.user) == (guide, False, None)
    assert answer.comment == "Jag saknar ett exempel från hemtjänsten."

    # After a reload the thanks stays: one answer per page and session.
    page.reload()
    assert page.get_by_text("Tack för att du hjälper oss!").is_visible()
    assert page.get_by_role("radio", name="Nej").count() == 0

    # The coordinator sees it in the overview and on the page's feedback.
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("guidance:feedback_overview"))
    row = page.get_by_role("row", name=re.compile("Så fungerar idéprocessen"))
    assert re.search(r"0\s+1\s+0 %", row.inner_text())
    check(page, assert_accessible, assert_no_horizontal_scroll)
    row.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/vagledning/aterkoppling/ideprocessen/"))
    assert page.get_by_text("Jag saknar ett exempel från hemtjänsten.").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # And edits the page: a missing contact is pointed out, the text kept; then saved.
    page.goto(live_server.url + reverse("guidance:edit", args=["ideprocessen"]))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Informationsansvarig (e-postadress)").fill("ingen@exempel.se")
    page.get_by_role("button", name="Spara sidan").click()
    assert "Det finns ingen aktiv person" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Rubrik").input_value() == "Så fungerar idéprocessen"
    assert_accessible(page)
    page.get_by_label("Informationsansvarig (e-postadress)").fill(cast.social_lead.email)
    page.get_by_role("button", name="Spara sidan").click()
    page.wait_for_url(re.compile(r"/redigera/$"))
    assert page.get_by_text("Cora Samordnare ändrade informationsansvarig").is_visible()


def test_accessibility_statement_and_defect_report(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    page.goto(live_server.url + reverse("guidance:accessibility"))
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Tillgänglighetsredogörelse för Idéverket"
    )
    assert (
        page.get_by_role(
            "link", name="Anmäl brister i digital offentlig service till Digg"
        ).get_attribute("href")
        == "https://www.digg.se/tdosanmalan"
    )
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # By keyboard, anonymously: the description is missing first.
    page.get_by_label("Vilken sida gäller det?").focus()
    page.keyboard.type("/ideer/ny/")
    page.get_by_role("button", name="Skicka rapporten").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Vad är problemet?" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Vilken sida gäller det?").input_value() == "/ideer/ny/"
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Vad är problemet?").focus()
    page.keyboard.type("Fokusmarkeringen syns inte på knappen Skicka in.")
    page.get_by_role("button", name="Skicka rapporten").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Vi har tagit emot din rapport.").wait_for()  # the same page, a message
    report = DefectReport.objects.get()
    assert report.page_url == "/ideer/ny/" and report.status == "new"

    # The coordinator marks it fixed with a note.
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("guidance:defects"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("link", name="/ideer/ny/").click()
    page.wait_for_url(re.compile(r"/tillganglighet/rapporter/\d+/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("radio", name="Åtgärdad").check()
    page.get_by_label("Svar och åtgärd").fill("Fokusramen är nu tydlig på alla knappar.")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(r"/tillganglighet/rapporter/$"))
    report.refresh_from_db()
    assert report.status == "fixed"
