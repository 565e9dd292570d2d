"""Courses, sessions and people for the training tests, made through the actions."""

import datetime
from unittest import mock

from django.utils import timezone

from ideverket.org.actions import do_create_user, do_grant_role
from ideverket.training import actions
from ideverket.training.models import Audience


def course(cast, title="Introduktion till idéprocessen", audience=Audience.EVERYONE, **kw):
    return actions.do_create_course(
        cast.fresh("coordinator"),
        title=title,
        description=kw.get("description", "Första stycket.\n\nAndra stycket."),
        audience=audience,
        is_published=kw.get("is_published", True),
    )


def session(cast, the_course=None, *, days=7, capacity=3, organiser=None, **kw):
    """A session `days` from now (negative: in the past), 09:00–12:00 local time."""
    the_course = the_course or course(cast)
    day = timezone.localdate() + datetime.timedelta(days=days)
    zone = timezone.get_current_timezone()
    return actions.do_create_session(
        cast.fresh("coordinator"),
        the_course,
        starts_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=zone),
        ends_at=datetime.datetime.combine(day, datetime.time(12), tzinfo=zone),
        place=kw.get("place", "Stadshuset, sal 3"),
        online_url=kw.get("online_url", ""),
        capacity=capacity,
        organiser=organiser or cast.fresh("lead"),
    )


def people(unit, n, prefix="deltagare", role=None):
    made = []
    for i in range(n):
        person = do_create_user(
            None,
            email=f"{prefix}{i}.{unit.pk}@test.example",
            name=f"{prefix.title()} {i} {unit.name}",
            unit=unit,
            password="test-pass-123",
        )
        if role is not None:
            do_grant_role(None, person, unit, role)
        made.append(person)
    return made


def at(moment):
    """Patch Django's clock to `moment` (for signing up to a session that is now past)."""
    return mock.patch("django.utils.timezone.now", lambda: moment)


def held(session, attended=(), completed=(), by=None):
    """Mark attendance on a past `session`: people (users) who attended / completed."""
    enrollments = {e.person_id: e.pk for e in session.enrollments.confirmed()}
    return actions.do_mark_attendance(
        by or session.organiser,
        session,
        attended_ids=[enrollments[p.pk] for p in attended],
        completed_ids=[enrollments[p.pk] for p in completed],
    )


def sign_up_before(session, person):
    """Sign `person` up to `session` as if it were the day before it started."""
    with at(session.starts_at - datetime.timedelta(days=1)):
        return actions.do_sign_up(person, session)
