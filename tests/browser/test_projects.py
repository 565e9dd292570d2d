"""A cross-department project in a real Chromium, axe on every page it visits, 320 px too.

Lena (innovation lead, Utbildningsförvaltningen) starts a restricted project → invites
Socialförvaltningen to take part and HR as a partner → Sara (Socialförvaltningen) accepts → Hanna
(HR) finds it on the partner page → Erik asks to join and Lena accepts → a "go" at the start gate
without a commitment is refused with the message, then accepted with one → a yellow status
report reads "Gul" in text.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ideverket.projects.models import GateDecision, Project, ProjectMember, ProjectUnit

pytestmark = pytest.mark.browser

TITLE = "Heltid som norm i skola och omsorg"
PROJECT_URL = re.compile(r"/projekt/\d+/(#.*)?$")


@pytest.fixture
def check(page, assert_accessible, assert_no_horizontal_scroll):
    """check(): axe on the page as it is, then again at 320 px with no sideways scrolling."""

    def _check():
        assert_accessible(page)
        size = page.viewport_size
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
        page.set_viewport_size(size)

    return _check


def switch_to(page, browser_login, user):
    page.context.clear_cookies()
    browser_login(page, user)


def test_cross_department_project(page, live_server, cast, browser_login, check):
    # 1. Lena starts a restricted project from the project list.
    browser_login(page, cast.lead)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Projekt").click()
    expect(page.get_by_role("heading", name="Söker samarbetspartner")).to_be_visible()
    check()
    page.get_by_role("link", name="Nytt projekt").click()
    check()
    page.get_by_label("Projektets namn").fill(TITLE)
    page.get_by_label("Syfte").fill("Fler medarbetare ska kunna arbeta heltid.")
    page.get_by_label("Ledande enhet").select_option(label="Utbildningsförvaltningen")
    page.get_by_label("Budget i kronor").fill("250000")
    page.get_by_label("Bara berörda enheter och teamet").check()
    page.get_by_role("button", name="Skapa projektet").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_role("heading", name=TITLE).is_visible()
    assert page.get_by_text("Projektet är skapat.").is_visible()
    check()
    project = Project.objects.get(title=TITLE)
    detail_url = live_server.url + reverse("projects:detail", args=[project.pk])

    # 2. She invites Socialförvaltningen to take part and HR as a partner.
    page.get_by_role("link", name="Bjud in en enhet").first.click()
    check()
    page.get_by_label("Enhet att bjuda in").select_option(label="Socialförvaltningen")
    page.get_by_label("Som deltagare").check()
    page.get_by_label("Meddelande till enheten").fill("Hemtjänsten har samma utmaning.")
    page.get_by_role("button", name="Skicka inbjudan").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_text("Socialförvaltningen är inbjuden att delta.").is_visible()
    page.get_by_role("link", name="Bjud in en enhet").first.click()
    page.get_by_label("Enhet att bjuda in").select_option(label="– HR")
    page.get_by_label("Som partner").check()
    page.get_by_role("button", name="Skicka inbjudan").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_text("HR är inbjuden som partner.").is_visible()
    check()

    # 3. Sara answers for Socialförvaltningen.
    switch_to(page, browser_login, cast.social_lead)
    page.goto(detail_url)
    check()
    page.get_by_role("button", name="Tacka ja för Socialförvaltningen").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_text("Du har tackat ja för Socialförvaltningen.").is_visible()
    units = page.get_by_role("region", name="Enheter")
    assert "Socialförvaltningen – deltar" in units.inner_text()
    check()

    # 4. Hanna in HR sees what she is asked into, although the project is restricted.
    switch_to(page, browser_login, cast.hr_person)
    page.goto(live_server.url + reverse("projects:partner"))
    assert page.get_by_role("link", name=TITLE).is_visible()
    assert page.get_by_text("HR som partner").is_visible()
    check()
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(PROJECT_URL)
    check()

    # 5. Erik asks to join; Lena accepts.
    switch_to(page, browser_login, cast.employee)
    page.goto(detail_url)
    page.get_by_role("link", name="Be om att få vara med").click()
    check()
    page.get_by_label("Vad vill du bidra med?").fill("Jag har gjort scheman i tio år.")
    page.get_by_role("button", name="Skicka förfrågan").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_text("Din förfrågan är skickad.").is_visible()
    check()
    switch_to(page, browser_login, cast.lead)
    page.goto(detail_url)
    assert page.get_by_text("Jag har gjort scheman i tio år.").is_visible()
    request = page.locator(".join-request", has_text=cast.employee.name)
    request.get_by_role("button", name="Godkänn").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_text(f"{cast.employee.name} är nu med i teamet.").is_visible()
    assert ProjectMember.objects.filter(project=project, user=cast.employee).exists()
    check()

    # 6. A "go" at the start gate without a commitment is refused, with the reason.
    page.get_by_role("link", name="Fatta grindbeslut").click()
    check()
    page.get_by_label("Start", exact=True).check()
    page.get_by_label("Gå vidare").check()
    page.get_by_label("Motivering").fill("Kartläggningen visar att det går.")
    page.get_by_role("button", name="Fatta beslutet").click()
    alert = page.get_by_role("alert")
    assert "Ange den mottagande enhet som tar över resultatet." in alert.inner_text()
    assert "Ange en namngiven ansvarig hos mottagaren." in alert.inner_text()
    assert page.get_by_label("Motivering").input_value() == "Kartläggningen visar att det går."
    assert not GateDecision.objects.filter(project=project).exists()
    check()

    # 7. With the receiving unit, a named owner and the resources, it goes through.
    page.get_by_label("Mottagande enhet").select_option(label="– Skola Norr")
    page.get_by_label("Namngiven ansvarig hos mottagaren").select_option(
        label=f"{cast.manager.name} (Skola Norr)"
    )
    page.get_by_label("Avsatta timmar").fill("400")
    until = timezone.localdate() + datetime.timedelta(days=365)
    page.get_by_label("Resurserna är avsatta till och med").fill(until.isoformat())
    page.get_by_label("Framgångskriterier").fill("Andelen heltid ökar med tio procentenheter.")
    page.get_by_role("button", name="Fatta beslutet").click()
    page.wait_for_url(PROJECT_URL)
    assert page.get_by_text("Beslutet är registrerat: Start – Gå vidare.").is_visible()
    commitment = page.locator(".commitment")
    assert "Skola Norr" in commitment.inner_text() and cast.manager.name in commitment.inner_text()
    check()

    # 8. Erik reports yellow: the page says "Gul" in words, not only in colour.
    switch_to(page, browser_login, cast.employee)
    page.goto(detail_url)
    page.get_by_role("link", name="Lämna statusrapport").click()
    check()
    page.get_by_label("Gul – vissa problem, vi hanterar dem").check()
    page.get_by_label("Rapport").fill("Schemaverktyget är försenat en månad.")
    page.get_by_role("button", name="Spara rapporten").click()
    page.wait_for_url(PROJECT_URL)
    status = page.get_by_role("region", name="Status")
    assert "Läge: Gul" in status.inner_text()
    assert "Schemaverktyget är försenat en månad." in status.inner_text()
    check()

    assert ProjectUnit.objects.get(project=project, unit=cast.social).status == "accepted"


def test_outsider_and_keyboard(page, live_server, cast, browser_login, check):
    """The outsider gets the 404 page for a restricted project; the list filters by keyboard."""
    from ideverket.projects.actions import do_create_project

    project = do_create_project(
        cast.fresh("lead"),
        title="Begränsat projekt",
        purpose="Syfte",
        lead_unit=cast.education,
        visibility=Project.Visibility.RESTRICTED,
    )
    open_project = do_create_project(
        cast.fresh("social_lead"),
        title="Öppet projekt",
        purpose="Syfte",
        lead_unit=cast.social,
        looking_for_partners=True,
        partner_note="Någon från IT",
    )
    browser_login(page, cast.outsider)
    response = page.goto(live_server.url + reverse("projects:detail", args=[project.pk]))
    assert response.status == 404
    page.goto(live_server.url + reverse("projects:list"))
    section = page.get_by_role("region", name="Söker samarbetspartner")
    assert "Öppet projekt" in section.inner_text() and "Någon från IT" in section.inner_text()
    assert "Begränsat projekt" not in page.locator("main").inner_text()
    page.get_by_label("Status", exact=True).focus()
    page.keyboard.press("End")  # the last status, "Stoppat": nothing matches
    page.get_by_text("0 projekt").wait_for()
    check()
    page.goto(live_server.url + open_project.get_absolute_url())
    check()
