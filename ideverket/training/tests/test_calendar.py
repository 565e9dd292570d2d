"""Calendar files and the personal feed, read back with the icalendar library."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from ideverket.training import actions

from .builders import course, session


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://ideverket.kommun.example"


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    return list(cal.walk("VEVENT"))


def test_session_ics_has_uid_times_place_url_and_description(cast, login):
    s = session(
        cast,
        course(cast, "Tjänstedesign – grund", description="Stycke ett.\n\nStycke två."),
        place="Stadshuset, sal 3",
        online_url="https://meet.example/td",
    )
    response = login(cast.fresh("employee")).get(reverse("training:session_ics", args=[s.pk]))
    assert response["Content-Disposition"].startswith('attachment; filename="utbildning-')
    (event,) = events(response)
    assert str(event["UID"]) == f"training-session-{s.pk}@ideverket.kommun.example"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.utcoffset() == datetime.timedelta(0)  # written in UTC
    assert start == s.starts_at and end == s.ends_at
    assert str(event["SUMMARY"]) == "Tjänstedesign – grund"
    assert str(event["LOCATION"]) == "Stadshuset, sal 3, https://meet.example/td"
    assert str(event["URL"]) == f"https://ideverket.kommun.example/utbildning/tillfallen/{s.pk}/"
    description = str(event["DESCRIPTION"])
    assert "Stycke ett.\n\nStycke två." in description
    assert "https://meet.example/td" in description
    assert str(event["STATUS"]) == "CONFIRMED"


def test_feed_lists_the_confirmed_sessions_only_without_a_login(cast, client):
    first = session(cast, course(cast, "Innovationsledning för chefer"), capacity=1, days=5)
    second = session(cast, course(cast, "Introduktion till idéprocessen"), days=9)
    full = session(cast, course(cast, "Tjänstedesign – grund"), capacity=1, days=12)
    employee = cast.fresh("employee")
    actions.do_sign_up(employee, first)
    actions.do_sign_up(employee, second)
    actions.do_sign_up(cast.fresh("colleague"), full)
    actions.do_sign_up(employee, full)  # waiting: not in the feed
    actions.do_sign_up(cast.fresh("colleague"), second)  # someone else's: not in the feed
    actions.do_cancel_session(cast.fresh("coordinator"), second, reason="Sjukdom")
    token = actions.calendar_feed_for(employee).token

    response = client.get(reverse("training:feed", args=[token]))  # anonymous
    found = {str(e["SUMMARY"]): e for e in events(response)}
    assert set(found) == {
        "Innovationsledning för chefer",
        "Inställt: Introduktion till idéprocessen",
    }
    assert str(found["Inställt: Introduktion till idéprocessen"]["STATUS"]) == "CANCELLED"
    assert (
        str(found["Innovationsledning för chefer"]["UID"])
        == f"training-session-{first.pk}@ideverket.kommun.example"
    )

    # Cancelling one's sign-up takes it out of the feed.
    actions.do_cancel_sign_up(employee, first)
    summaries = {
        str(e["SUMMARY"]) for e in events(client.get(reverse("training:feed", args=[token])))
    }
    assert "Innovationsledning för chefer" not in summaries


def test_unknown_and_renewed_tokens_are_404(cast, client, login):
    assert client.get(reverse("training:feed", args=["not-a-token"])).status_code == 404
    old = actions.calendar_feed_for(cast.employee).token
    logged_in = login(cast.fresh("employee"))
    page = logged_in.get(reverse("training:calendar")).content.decode()
    assert f"https://ideverket.kommun.example/utbildning/kalender/{old}.ics" in page
    logged_in.post(reverse("training:calendar_renew"))
    logged_in.logout()
    assert client.get(reverse("training:feed", args=[old])).status_code == 404
    new = actions.calendar_feed_for(cast.employee).token
    assert client.get(reverse("training:feed", args=[new])).status_code == 200


def test_a_deactivated_persons_feed_is_404(cast, client):
    token = actions.calendar_feed_for(cast.outsider).token
    cast.outsider.is_active = False
    cast.outsider.save(update_fields=["is_active"])
    assert client.get(reverse("training:feed", args=[token])).status_code == 404
