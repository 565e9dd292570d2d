"""The self-assessment in a real Chromium: an employee answers by keyboard alone (a missed
statement is pointed out in Swedish and the other answers kept), then a coordinator reads the
results. axe on every page, and each page at 320 px."""

import re

import pytest
from django.urls import reverse

from ideverket.capability.models import Answer, Response
from ideverket.capability.tests.builders import answer, close, open_round, people

# No serialized_rollback: its teardown skips post_migrate, which leaves the next transactional
# test without content types. open_round() puts the default statements back itself.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_employee_answers_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    round = open_round(cast)
    statements = list(round.questions.order_by("order"))
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("capability:home"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("link", name="Svara på självskattningen").click()
    page.wait_for_url(re.compile(r"/innovationsformaga/\d+/svara/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Keyboard only: Tab into each radio group, arrow keys to move the choice. Skip the first.
    page.get_by_role("group", name=statements[1].text).get_by_role(
        "radio", name="1 – Instämmer inte alls"
    ).focus()
    for index in range(1, len(statements)):
        page.keyboard.press("Space")  # choose the focused "1"
        for _ in range(index % 4):
            page.keyboard.press("ArrowDown")
        if index < len(statements) - 1:
            page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the submit button
    alert = page.get_by_role("alert")
    assert "Välj ett svar på påståendet, eller Vet inte." in alert.inner_text()
    first = page.get_by_role("group", name=statements[0].text)
    assert "Välj ett svar" in first.inner_text()
    assert not Response.objects.exists()
    # The other answers are kept.
    assert (
        page.get_by_role("group", name=statements[2].text)
        .get_by_role("radio", name="3 – Instämmer delvis")
        .is_checked()
    )
    assert_accessible(page)

    # Answer the missed one by keyboard, and send.
    first.get_by_role("radio", name="1 – Instämmer inte alls").focus()
    for _ in range(5):
        page.keyboard.press("ArrowDown")  # ends on "Vet inte"
    page.get_by_role("button", name="Skicka mina svar").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/innovationsformaga/\d+/mina-svar/$"))
    assert page.get_by_text("Tack! Dina svar är sparade.").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert Response.objects.count() == 1
    assert Answer.objects.get(round_question=statements[0]).value is None
    assert Answer.objects.get(round_question=statements[2]).value == 3
    assert page.get_by_role("link", name="Ändra mina svar").is_visible()


def test_coordinator_reads_the_results(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    for year, value in ((2024, 2), (2025, 4)):
        round = open_round(cast, year)
        for person in [*people(cast.school, 3), *people(cast.homecare, 4)]:
            answer(person, round, value)
        close(cast, round)
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("capability:results"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    table = page.get_by_role("table", name="Medelvärde per dimension 2025")
    row = table.get_by_role("row", name=re.compile("Utbildningsförvaltningen"))
    assert "4,0" in row.inner_text()
    central = table.get_by_role("row", name=re.compile("Kommunledningsförvaltningen"))
    assert "Färre än 3 svar" in central.inner_text()
    assert page.get_by_role("img", name=re.compile("Stapeldiagram")).is_visible()
    trend = page.get_by_role("table", name="Medelvärde per år: Hela kommunen")
    assert "2,0" in trend.inner_text() and "4,0" in trend.inner_text()

    page.get_by_label("Förvaltning över åren").select_option(label="Socialförvaltningen")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"department="))
    assert page.get_by_role("heading", name="Över åren: Socialförvaltningen").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.goto(live_server.url + reverse("capability:manage"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
