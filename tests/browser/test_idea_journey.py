"""The foundation's journey in a real Chromium, axe on every page it visits.

An employee submits an idea → the innovation lead takes it into assessment → a manager tries to
send it to test without a receiving owner (refused, with the message) → then with owner and
resources (accepted) → the submitter sees the decision on Min sida and in the notifications.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ideverket.ideas.models import Decision, Idea
from ideverket.ideas.process import Outcome, Stage

pytestmark = pytest.mark.browser

TITLE = "Digital närvarolista i förskolan"
IDEA_URL = re.compile(r"/ideer/\d+/$")


def test_submit_assess_gate_and_follow_up(
    page, live_server, cast, browser_login, assert_accessible
):
    # 1. The employee submits an idea from Min sida, by keyboard-friendly controls.
    browser_login(page, cast.employee)
    assert_accessible(page)
    page.get_by_role("link", name="Skicka in en ny idé").click()
    assert_accessible(page)
    page.get_by_label("Rubrik").fill(TITLE)
    page.get_by_label("Vilket problem eller behov ser du?").fill(
        "Personalen för närvaro på papper och räknar för hand vid brandövning."
    )
    page.get_by_label("Vad föreslår du?").fill("En enkel närvarolista i surfplattan.")
    page.get_by_label("Vilken nytta skulle det ge?").fill(
        "Säkrare utrymning och mindre pappersarbete."
    )
    page.get_by_role("button", name="Skicka in idén").click()
    page.wait_for_url(IDEA_URL)
    assert page.get_by_role("heading", name=TITLE).is_visible()
    assert page.get_by_text("Tack! Din idé är inskickad.").is_visible()
    assert_accessible(page)
    idea = Idea.objects.get(title=TITLE)
    detail_url = live_server.url + reverse("ideas:detail", args=[idea.pk])

    # 2. The innovation lead takes it into assessment.
    page.context.clear_cookies()
    browser_login(page, cast.lead)
    page.goto(detail_url)
    assert_accessible(page)
    page.get_by_role("link", name=Outcome.TAKE.label).click()
    assert_accessible(page)
    page.get_by_role("button", name="Fatta beslutet").click()
    page.wait_for_url(detail_url)
    assert page.get_by_text("Beslutet är registrerat").is_visible()

    # 3. A manager tries to send it to test without a receiving owner: refused, with the reason.
    page.context.clear_cookies()
    browser_login(page, cast.manager)
    page.goto(detail_url)
    page.get_by_role("link", name=Outcome.TEST.label).click()
    expect(page.get_by_role("heading", name="Resursgrinden")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Varför ska idén testas?").fill("Många förskolor har samma problem.")
    page.get_by_role("button", name="Fatta beslutet").click()
    alert = page.get_by_role("alert")
    assert "Ange den mottagande enhet som tar över resultatet." in alert.inner_text()
    assert "Ange en namngiven ansvarig hos mottagaren." in alert.inner_text()
    # The typed text is kept and nothing was decided.
    assert (
        page.get_by_label("Varför ska idén testas?").input_value()
        == "Många förskolor har samma problem."
    )
    assert not Decision.objects.filter(idea=idea, outcome=Outcome.TEST).exists()
    assert_accessible(page)

    # 4. With the receiving unit, a named owner and the resources, the decision goes through.
    page.get_by_label("Mottagande enhet").select_option(label="– Skola Norr")
    page.get_by_label("Namngiven ansvarig hos mottagaren").select_option(label=cast.manager.name)
    page.get_by_label("Avsatta timmar").fill("60")
    page.get_by_label("Avsatta kronor").fill("15000")
    until = timezone.localdate() + datetime.timedelta(days=180)
    page.get_by_label("Resurserna är avsatta till och med").fill(until.isoformat())
    page.get_by_label("Framgångskriterier").fill("Närvaron tas på under en minut per grupp.")
    page.get_by_role("button", name="Fatta beslutet").click()
    page.wait_for_url(detail_url)
    commitment = page.locator(".commitment")
    assert "Skola Norr" in commitment.inner_text() and cast.manager.name in commitment.inner_text()
    assert_accessible(page)
    idea.refresh_from_db()
    assert idea.stage == Stage.TRIAL

    # 5. The submitter sees the decision on Min sida and in the notifications.
    page.context.clear_cookies()
    browser_login(page, cast.employee)
    news = page.get_by_role("region", name="Nytt sedan sist")
    assert f"{cast.manager.name} beslutade: {Outcome.TEST.label}" in news.inner_text()
    assert page.locator(".badge").is_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Notiser").click()
    assert f"{cast.lead.name} beslutade: {Outcome.TAKE.label}" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", name=Outcome.TEST.label)).to_be_visible()


def test_keyboard_and_phone(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    """The idea pages reflow at 320 px, and an idea can be submitted with the keyboard alone."""
    from ideverket.ideas.actions import do_create_idea

    idea = do_create_idea(
        cast.colleague,
        title="Gemensam kalender för vikarier",
        problem="Svårt att boka vikarier.",
        proposal="En delad kalender.",
        owner_unit=cast.school,
    )
    browser_login(page, cast.employee)
    for url in (
        reverse("ideas:mine"),
        reverse("ideas:list"),
        reverse("ideas:create"),
        reverse("ideas:detail", args=[idea.pk]),
        reverse("activity:notifications"),
    ):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + url)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("ideas:create"))
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent").strip() == "Hoppa till innehållet"
    page.get_by_label("Rubrik").focus()
    page.keyboard.type("Tangentbordsidé")
    page.keyboard.press("Tab")
    page.keyboard.type("Ett problem")
    page.keyboard.press("Tab")
    page.keyboard.type("Ett förslag")
    page.get_by_role("button", name="Skicka in idén").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(IDEA_URL)
    assert page.get_by_role("heading", name="Tangentbordsidé").is_visible()
    # Support by keyboard, through htmx; focus stays on the toggled button.
    page.get_by_role("button", name="Stötta idén (0 stöd)").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Du stöttar idén (1 stöd)").wait_for()
    assert_accessible(page)


def test_waiting_too_long_for_the_innovation_lead(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    """An idea left in "submitted" past its limit shows on Min sida and the waiting list."""
    from ideverket.ideas.actions import do_create_idea

    idea = do_create_idea(
        cast.employee,
        title="Bortglömd idé om skolgården",
        problem="Ingen har svarat.",
        proposal="Fler bänkar.",
        owner_unit=cast.school,
    )
    Idea.objects.filter(pk=idea.pk).update(
        stage_changed_at=timezone.now() - datetime.timedelta(days=40)
    )
    browser_login(page, cast.lead)
    notice = page.locator(".message--warning")
    assert "har väntat för länge" in notice.inner_text()
    notice.get_by_role("link", name="Visa dem").click()
    expect(page.get_by_role("heading", name="Idéer som väntat för länge")).to_be_visible()
    assert page.get_by_role("link", name="Bortglömd idé om skolgården").is_visible()
    assert page.get_by_text("Väntat för länge").first.is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
