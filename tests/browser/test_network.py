"""The inspirer network in a real Chromium: an employee finds their inspirer (and the nearest
ones for another unit, by htmx), an inspirer writes their profile by keyboard alone (a missing
field pointed out in Swedish, the text kept), and the coordinator reads the overview and marks
attendance. axe on every page, and each page at 320 px."""

import re

import pytest
from django.urls import reverse

from ideverket.ideas.actions import do_set_coach
from ideverket.ideas.tests.builders import make_person, new_idea
from ideverket.network.models import InspirerProfile, Participation
from ideverket.network.tests.builders import activity, attended, profile
from ideverket.org.models import RoleAssignment

# No serialized_rollback: its teardown skips post_migrate, which leaves the next transactional
# test without content types.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_employee_finds_their_inspirer(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    profile(
        cast.fresh("inspirer"),
        help_with="Jag hjälper dig att formulera idén och planera ett test.",
        contact="Teams, eller drop-in onsdagar 15–16 i arbetsrummet.",
    )
    make_person(
        "selma", "Selma Social", cast.homecare, (RoleAssignment.Role.INSPIRER, cast.homecare)
    )
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("network:find"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    near = page.get_by_role("region", name=re.compile("Närmast Skola Norr"))
    assert "Ines Inspiratör" in near.inner_text()
    assert "drop-in onsdagar" in near.inner_text()
    others = page.get_by_role("region", name=re.compile("I andra förvaltningar"))
    assert "Selma Social" in others.inner_text()

    # Another unit, by keyboard: the list answers in place (htmx), the address follows.
    select = page.get_by_label("Enhet", exact=True)
    select.focus()
    select.select_option(label="– Hemtjänst Öst")
    page.wait_for_url(re.compile(r"unit="))
    near = page.get_by_role("region", name=re.compile("Närmast Hemtjänst Öst"))
    near.wait_for()
    assert "Selma Social" in near.inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    page.get_by_role("link", name="Ines Inspiratör").click()
    page.wait_for_url(re.compile(r"/inspiratorer/\d+/$"))
    assert page.get_by_role("heading", name="Ines Inspiratör", level=1).is_visible()
    assert page.get_by_text("Jag hjälper dig att formulera idén").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)


def test_inspirer_writes_their_profile_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    do_set_coach(cast.fresh("inspirer"), new_idea(cast, title="Läxhjälp på lunchen"), cast.inspirer)
    browser_login(page, cast.inspirer)
    page.goto(live_server.url + reverse("network:find"))
    page.get_by_role("link", name="Ändra min profil").click()
    page.wait_for_url(re.compile(r"/inspiratorer/\d+/redigera/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)

    help_box = page.get_by_label("Det här kan jag hjälpa till med")
    help_box.focus()
    page.keyboard.type("Idéverkstäder på arbetsplatsträffar och små tester.")
    page.keyboard.press("Tab")  # to "Så når du mig", left empty
    page.keyboard.press("Tab")  # to "Tar emot nya idéer"
    page.keyboard.press("Space")  # untick
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Spara profilen"
    alert = page.get_by_role("alert")
    assert "Skriv hur kollegor når dig." in alert.inner_text()
    assert help_box.input_value() == "Idéverkstäder på arbetsplatsträffar och små tester."
    assert not page.get_by_label("Tar emot nya idéer").is_checked()
    assert not InspirerProfile.objects.exists()
    assert_accessible(page)

    page.get_by_label("Så når du mig").focus()
    page.keyboard.type("Teams eller telefon 013-20 00 00.")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # tick again
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/inspiratorer/\d+/$"))
    assert page.get_by_text("Profilen är sparad.").is_visible()
    saved = InspirerProfile.objects.get()
    assert saved.is_available and saved.contact == "Teams eller telefon 013-20 00 00."
    assert page.get_by_role("link", name="Läxhjälp på lunchen").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)


def test_coordinator_reads_the_overview_and_marks_attendance(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    coordinator = cast.fresh("coordinator")
    profile(cast.fresh("inspirer"))
    do_set_coach(coordinator, new_idea(cast, title="Digital närvaro"), cast.inspirer)
    held = activity(coordinator, days=-20, title="Nätverksträff i november")
    attended(coordinator, held, cast.inspirer)
    later = activity(coordinator, days=-2, title="Workshop: Testa i liten skala")
    activity(coordinator, days=14, title="Nätverksträff: Heltid som norm")

    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("network:overview"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    table = page.get_by_role("table", name="Idéinspiratörer per förvaltning")
    row = table.get_by_role("row", name=re.compile("Utbildningsförvaltningen"))
    # 1 inspirer among 6 people: 16.7 per hundred; 1 idea coached; 1 attendance.
    cells = [c.strip() for c in row.get_by_role("cell").all_inner_texts()]
    assert cells == ["1", "6", "16.7", "1", "1.0", "1", "1"] or cells == [
        "1",
        "6",
        "16,7",
        "1",
        "1,0",
        "1",
        "1",
    ]
    assert page.get_by_role("link", name="Excel (XLSX)").is_visible()

    page.goto(live_server.url + reverse("network:activities"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("link", name="Workshop: Testa i liten skala").click()
    page.get_by_role("link", name="Registrera närvaro").click()
    page.wait_for_url(re.compile(r"/narvaro/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Ines Inspiratör (Skola Norr)").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Spara närvaron").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aktiviteter/\d+/$"))
    assert page.get_by_text("Närvaron är sparad: 1 deltog.").is_visible()
    assert Participation.objects.filter(activity=later, attended=True).count() == 1
    check(page, assert_accessible, assert_no_horizontal_scroll)
