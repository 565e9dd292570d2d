"""Effects and lessons in a real Chromium: axe on every page visited, 320 px on each new page.

An innovation lead adds an expected effect on an idea in trial, records a realised value (first
with a date in the future: refused, the note kept), and sees expected against realised on the
idea and on the sums page. An employee searches the lessons for "åsa" and finds "Åsa".
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.effects.models import Effect, Measurement
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson

pytestmark = pytest.mark.browser


def check(page, assert_accessible, assert_no_horizontal_scroll):
    """axe at desktop width, then at 320 px (and axe again there), then back to desktop."""
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_lead_adds_and_measures_an_effect(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    idea = idea_in_stage(cast, Stage.TRIAL)
    idea_url = live_server.url + idea.get_absolute_url()
    browser_login(page, cast.lead)

    # 1. From the idea page, add an expected effect.
    page.goto(idea_url)
    assert_accessible(page)
    page.get_by_role("link", name="Lägg till förväntad effekt").click()
    page.wait_for_url(re.compile(r"/effekter/ideas\.idea/\d+/ny/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Timmar per år").check()
    page.get_by_label("Beskriv effekten").fill("Mindre tid på närvarolistor för lärarna")
    page.get_by_label("Utgångsläge").fill("1 000")
    page.get_by_label("Målvärde").fill("1 400")
    page.get_by_role("button", name="Spara effekten").click()
    page.wait_for_url(re.compile(r"/ideer/\d+/#effekter$"))
    assert page.get_by_text("Den förväntade effekten är tillagd.").is_visible()
    effects = page.locator("#effekter")
    assert "+400" in effects.inner_text()
    assert "Inte uppmätt än" in effects.inner_text()
    assert_accessible(page)
    effect = Effect.objects.get()

    # 2. Record a value: a future date is refused with the reason, and the note is kept.
    effects.get_by_role("link", name="Registrera uppmätt värde").click()
    page.wait_for_url(re.compile(r"/effekter/\d+/matning/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Uppmätt värde").fill("1 300")
    page.get_by_label("Mätdatum").fill(tomorrow.isoformat())
    page.get_by_label("Kommentar").fill("Mätt vid tertialuppföljningen")
    page.get_by_role("button", name="Spara mätningen").click()
    alert = page.get_by_role("alert")
    assert "Mätdatumet kan inte ligga i framtiden" in alert.inner_text()
    assert page.get_by_label("Kommentar").input_value() == "Mätt vid tertialuppföljningen"
    assert not Measurement.objects.exists()
    assert_accessible(page)

    # 3. With today's date it is saved, and the idea shows expected against realised.
    page.get_by_label("Mätdatum").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Spara mätningen").click()
    page.wait_for_url(re.compile(r"/ideer/\d+/#effekter$"))
    text = page.locator("#effekter").inner_text()
    assert "+400" in text
    assert "+300" in text
    assert "75 % av den förväntade" in text
    assert_accessible(page)
    assert Measurement.objects.get().effect == effect

    # 4. The sums page counts it for the department, and per unit within it.
    page.goto(live_server.url + reverse("effects:sums"))
    table = page.get_by_role("table", name="Timmar per år per förvaltning (timmar per år)")
    row = table.get_by_role("row", name=re.compile("Utbildningsförvaltningen"))
    assert "+400" in row.inner_text()
    assert "+300" in row.inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    row.get_by_role("link", name="Utbildningsförvaltningen").click()
    page.wait_for_url(re.compile(r"department="))
    assert page.get_by_role("heading", name="Effekter i Utbildningsförvaltningen").is_visible()
    assert page.get_by_role("row", name=re.compile("Skola Norr")).is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # 5. And the lead can write a lesson from the idea page.
    page.goto(idea_url)
    page.get_by_role("link", name="Lägg till lärdom").click()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Rubrik").fill("Börja med en årskurs")
    page.get_by_label("Vad lärde ni er?").fill(
        "En årskurs i taget gav tid att rätta barnsjukdomar."
    )
    page.get_by_label("Det fungerade delvis").check()
    page.get_by_role("button", name="Spara lärdomen").click()
    page.wait_for_url(re.compile(r"/lardomar/\d+/$"))
    assert page.get_by_role("heading", name="Börja med en årskurs").is_visible()
    assert Lesson.objects.get().subject == idea


def test_employee_searches_lessons(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    idea = idea_in_stage(cast, Stage.EVALUATED)
    lead = cast.fresh("lead")
    do_record_lesson(
        lead,
        subject=idea,
        title="Åsa i hemtjänsten visade vägen",
        text="Schemat blev stabilare när personalen fick lägga det själv.",
        unit=None,
        outcome=Lesson.Outcome.WORKED,
    )
    do_record_lesson(
        lead,
        subject=idea,
        title="Surfplattor utan laddare",
        text="Laddningen glömdes bort.",
        unit=None,
        outcome=Lesson.Outcome.DID_NOT_WORK,
    )
    browser_login(page, cast.employee)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Lärdomar").click()
    page.wait_for_url(re.compile(r"/lardomar/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Typed in lower case, found in upper case; the results and the count update in place.
    page.get_by_label("Sök bland lärdomarna").fill("åsa")
    page.get_by_label("Sök bland lärdomarna").press("Enter")
    page.wait_for_url(re.compile(r"q=%C3%A5sa"))
    results = page.locator("#lesson-results")
    results.get_by_role("link", name="Åsa i hemtjänsten visade vägen").wait_for()
    assert "Surfplattor" not in results.inner_text()
    assert "1 lärdom" in page.locator("#lesson-count").inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Each lesson links to what it came from.
    assert results.get_by_role("link", name=idea.title).count() == 1
    results.get_by_role("link", name="Åsa i hemtjänsten visade vägen").click()
    page.wait_for_url(re.compile(r"/lardomar/\d+/$"))
    assert page.get_by_role("link", name=idea.title).is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Filtering by outcome works without JavaScript too (a plain GET form).
    page.goto(live_server.url + reverse("lessons:list") + "?outcome=did_not_work")
    assert page.get_by_role("link", name="Surfplattor utan laddare").is_visible()
    assert page.get_by_role("link", name="Åsa i hemtjänsten visade vägen").count() == 0
