"""Training in a real Chromium: signing up by keyboard until a session is full, the waiting
list as the participant and the organiser see it, the coordinator's course and session forms
(a refused link kept with its message), attendance by keyboard, coverage and the calendar
page. axe on every page, and each page at 320 px."""

import re

import pytest
from django.urls import reverse

from ideverket.activity.models import Notification
from ideverket.training import actions
from ideverket.training.models import Course, Enrollment, Session
from ideverket.training.tests.builders import course, session, sign_up_before

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def switch_user(page, browser_login, user):
    page.context.clear_cookies()
    browser_login(page, user)


def test_sign_up_by_keyboard_until_full_then_the_waiting_list(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    s = session(cast, course(cast, "Tjänstedesign – grund"), capacity=2)  # organiser: lead
    actions.do_sign_up(cast.fresh("colleague"), s)

    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("training:list"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert page.get_by_text("1 ledig plats av 2").is_visible()
    page.get_by_role("button", name=re.compile(r"^Anmäl mig\W+Tjänstedesign")).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Du är anmäld. Välkommen!").is_visible()
    assert page.get_by_text("Fullt", exact=True).is_visible()
    mine = page.get_by_role("region", name="Mina utbildningar")
    assert "Tjänstedesign – grund" in mine.inner_text() and "anmäld" in mine.inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Someone else finds it full and joins the waiting list, by keyboard, from the session page.
    switch_user(page, browser_login, cast.inspirer)
    page.goto(live_server.url + reverse("training:session", args=[s.pk]))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("button", name=re.compile("^Ställ mig på väntelistan")).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Tillfället är fullt. Du står på väntelistan").is_visible()
    assert page.get_by_text("Du står på väntelistan, plats 1.").is_visible()
    assert page.get_by_text("1 på väntelistan").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # The organiser sees who is signed up and who waits.
    switch_user(page, browser_login, cast.lead)
    page.goto(live_server.url + reverse("training:session", args=[s.pk]))
    participants = page.get_by_role("table")
    assert "Erik Elev" in participants.inner_text()
    assert "Cecilia Kollega" in participants.inner_text()
    assert "Ines Inspiratör" in page.get_by_role("list", name="Väntelista (1)").inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # Erik cancels: Ines moves up and is told.
    switch_user(page, browser_login, cast.employee)
    page.goto(live_server.url + reverse("training:session", args=[s.pk]))
    page.get_by_role("button", name=re.compile("^Avanmäl mig")).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Din anmälan är avbokad.").is_visible()
    assert Enrollment.objects.get(session=s, person=cast.inspirer).status == "confirmed"
    assert Notification.objects.filter(recipient=cast.inspirer).exists()
    switch_user(page, browser_login, cast.inspirer)
    page.goto(live_server.url + reverse("activity:notifications"))
    assert page.get_by_text("Du har fått en plats på ”Tjänstedesign – grund”").is_visible()


def test_coordinator_creates_a_course_and_a_session_by_keyboard(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("training:list"))
    page.get_by_role("link", name="Ny utbildning").click()
    page.wait_for_url(re.compile(r"/utbildning/ny/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Namn på utbildningen").focus()
    page.keyboard.type("Innovationsledning för chefer")
    page.keyboard.press("Tab")
    page.keyboard.type("Två halvdagar för chefer.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Andra stycket.")
    page.get_by_role("radio", name="Alla medarbetare").focus()
    page.keyboard.press("ArrowDown")  # Chefer
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # published
    page.get_by_role("button", name="Spara utbildningen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/utbildning/\d+/$"))
    created = Course.objects.get()
    assert (created.audience, created.is_published) == ("managers", True)
    assert created.description == "Två halvdagar för chefer.\n\nAndra stycket."
    check(page, assert_accessible, assert_no_horizontal_scroll)

    page.get_by_role("link", name="Nytt tillfälle").click()
    page.wait_for_url(re.compile(r"/nytt-tillfalle/$"))
    page.get_by_label("Datum").fill("2031-03-04")
    page.get_by_label("Börjar klockan").fill("09:00")
    page.get_by_label("Slutar klockan").fill("12:00")
    page.get_by_label("Plats", exact=True).focus()
    page.keyboard.type("Stadshuset, sal Kronan")
    page.keyboard.press("Tab")
    page.keyboard.type("ftp://moten.example/chefer")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    assert "börjar med https:// eller http://" in alert.inner_text()
    assert page.get_by_label("Plats", exact=True).input_value() == "Stadshuset, sal Kronan"
    assert not Session.objects.exists()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Länk till distansmötet").fill("https://moten.example/chefer")
    page.get_by_role("button", name="Spara tillfället").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/utbildning/tillfallen/\d+/$"))
    made = Session.objects.get()
    assert (made.capacity, made.online_url) == (2, "https://moten.example/chefer")
    assert page.get_by_role("link", name="https://moten.example/chefer").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)


def test_attendance_coverage_and_calendar(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    held = session(cast, course(cast, "Innovationsledning för chefer", "managers"), days=-3)
    for person in (cast.manager, cast.director):
        sign_up_before(held, person)
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("training:attendance", args=[held.pk]))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("checkbox", name="Maja Chef har genomfört").focus()
    page.keyboard.press("Space")
    page.get_by_role("checkbox", name="Magnus Direktör deltog").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Spara närvaron").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/utbildning/tillfallen/{held.pk}/$"))
    assert page.get_by_text("Närvaron är sparad.").is_visible()
    maja = Enrollment.objects.get(session=held, person=cast.manager)
    assert maja.attended and maja.completed

    page.goto(live_server.url + reverse("training:coverage"))
    table = page.get_by_role(
        "table", name="Genomfört per förvaltning: Innovationsledning för chefer"
    )
    row = table.get_by_role("row", name=re.compile("Utbildningsförvaltningen"))
    assert "50 %" in row.inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.goto(live_server.url + reverse("training:completions"))
    assert page.get_by_role("cell", name="Maja Chef").is_visible() or "Maja Chef" in page.content()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.goto(live_server.url + reverse("training:calendar"))
    assert "/utbildning/kalender/" in page.get_by_label("Din kalenderadress").input_value()
    check(page, assert_accessible, assert_no_horizontal_scroll)
