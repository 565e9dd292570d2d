"""Calendar files (iCalendar, RFC 5545) for sessions, built with the icalendar library.

Times are written in UTC, which every calendar app converts to the reader's zone. Links use
settings.SITE_URL (the address people reach the service on, whichever host a calendar server
fetched the feed through). The UID is stable per session (`training-session-<id>@<host>`), so a re-downloaded file or the feed
updates the same event instead of adding a copy; a cancelled session keeps its UID and is sent
with STATUS:CANCELLED so subscribed calendars drop it.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODID = "-//Idéverket//Utbildning//SV"


def _calendar(name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def session_uid(session, host):
    return f"training-session-{session.pk}@{host}"


def site_url(path):
    return settings.SITE_URL + path


def session_event(session):
    """One VEVENT for `session` (its course selected)."""
    host = urlsplit(settings.SITE_URL).hostname or "ideverket"
    event = CalendarEvent()
    event.add("uid", session_uid(session, host))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session.ends_at.astimezone(datetime.UTC))
    title = session.course.title
    event.add(
        "summary", _("Inställt: %(title)s") % {"title": title} if session.is_cancelled else title
    )
    location = ", ".join(part for part in (session.place, session.online_url) if part)
    event.add("location", location)
    url = site_url(session.get_absolute_url())
    event.add("url", url)
    lines = [session.course.description]
    if session.online_url:
        lines.append(_("Delta på distans: %(url)s") % {"url": session.online_url})
    lines.append(_("Mer information och avanmälan: %(url)s") % {"url": url})
    event.add("description", "\n\n".join(lines))
    event.add("last-modified", session.updated_at.astimezone(datetime.UTC))
    if session.is_cancelled:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def calendar_bytes(name, sessions):
    cal = _calendar(name)
    for session in sessions:
        cal.add_component(session_event(session))
    return cal.to_ical()


def calendar_response(name, sessions, *, filename=None):
    response = HttpResponse(
        calendar_bytes(name, sessions), content_type="text/calendar; charset=utf-8"
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
