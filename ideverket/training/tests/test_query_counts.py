"""Query budgets: the training pages cost the same with more courses, sessions and people.

Every page pays for "the request": session; user; role assignments, read only for someone who
holds a role (the person's row says whether they hold any): 3 for someone with a role, 2 for
someone without; the unread badge asks nothing when nothing is unread (a stored count on the person's row).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.org.models import RoleAssignment
from ideverket.training import actions
from ideverket.training.models import Audience

from .builders import course, held, people, session, sign_up_before


def count(client, url, params=None):
    client.get(url, params)  # warm-up: content types and other process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def grow(cast, n, tag):
    """`n` more courses, each with a held session (attendance marked) and a future one with
    sign-ups and a waiting list; the employee signed up to the future ones."""
    participants = people(cast.school, n + 2, f"p{tag}", RoleAssignment.Role.MANAGER)
    for i in range(n):
        c = course(cast, f"Kurs {tag}{i}", Audience.MANAGERS if i % 2 else Audience.EVERYONE)
        past = session(cast, c, days=-10 - i, capacity=n + 2)
        for p in participants:
            sign_up_before(past, p)
        held(past, attended=participants[:2], completed=participants[2:])
        future = session(cast, c, days=5 + i, capacity=2)
        for p in participants[:3]:
            actions.do_sign_up(p, future)
        actions.do_sign_up(cast.fresh("employee"), future)


# The list: the request (3, or 2 without a role); upcoming sessions with counts; the person's
# sign-ups among them (with the queue position); "Mina utbildningar"; completed; the courses
# with counts: 8, or 7 without a role.
LIST_QUERIES = {"employee": 7, "coordinator": 8}


@pytest.mark.parametrize("viewer", LIST_QUERIES)
def test_list(cast, login, viewer):
    grow(cast, 1, "a")
    client = login(cast.fresh(viewer))
    small = count(client, reverse("training:list"))
    grow(cast, 6, "b")
    large = count(client, reverse("training:list"))
    assert small[0] == large[0] == LIST_QUERIES[viewer], large[1]


# A course, for the employee: the request (2); the course; its sessions with organiser and
# counts; the person's sign-ups: 5.
def test_course(cast, login):
    c = course(cast, "Mätt kurs")
    session(cast, c)
    client = login(cast.fresh("employee"))
    url = reverse("training:course", args=[c.pk])
    small = count(client, url)
    for days in (3, 4, 8, 9, -4, -6):
        s = session(cast, c, days=days)
        for p in people(cast.school, 2, f"x{days + 10}"):
            sign_up_before(s, p)
    large = count(client, url)
    assert small[0] == large[0] == 5, large[1]


# A session: the request (3, or 2 without a role); the session with course, organiser and
# counts; the person's sign-up; for the organiser, the participants with their units: 4 for the
# employee / 6 for the lead.
@pytest.mark.parametrize(("viewer", "expected"), [("employee", 4), ("lead", 6)])
def test_session(cast, login, viewer, expected):
    s = session(cast, capacity=3)
    client = login(cast.fresh(viewer))
    url = reverse("training:session", args=[s.pk])
    small = count(client, url)
    for p in people(cast.school, 8):
        actions.do_sign_up(p, s)
    large = count(client, url)
    assert small[0] == large[0] == expected, large[1]


# Attendance: the request (3); the session; the confirmed participants with units: 5.
def test_attendance(cast, login):
    s = session(cast, days=-1, capacity=20)
    sign_up_before(s, cast.employee)
    client = login(cast.fresh("lead"))
    url = reverse("training:attendance", args=[s.pk])
    small = count(client, url)
    for p in people(cast.school, 12):
        sign_up_before(s, p)
    large = count(client, url)
    assert small[0] == large[0] == 5, large[1]


# Coverage: the request (3); departments; courses; people per department; people with a role
# per department; completions per course and department; the same for role holders: 9 for the
# coordinator. A lead's scope reads their role units' departments from the role list (no more).
@pytest.mark.parametrize(("viewer", "expected"), [("coordinator", 9), ("lead", 9)])
def test_coverage(cast, login, viewer, expected):
    grow(cast, 1, "a")
    client = login(cast.fresh(viewer))
    small = count(client, reverse("training:coverage"))
    grow(cast, 5, "b")
    large = count(client, reverse("training:coverage"))
    assert small[0] == large[0] == expected, large[1]


# Who completed what: the request (3); the count; the page of rows with everything joined; the
# department and course choices: 7. A chosen department is looked up once more (+1).
@pytest.mark.parametrize(("params", "expected"), [(None, 7), ("filtered", 8)])
def test_completions(cast, login, params, expected):
    grow(cast, 1, "a")
    if params:
        params = {"department": cast.education.pk}
    client = login(cast.fresh("coordinator"))
    small = count(client, reverse("training:completions"), params)
    grow(cast, 4, "b")
    large = count(client, reverse("training:completions"), params)
    assert small[0] == large[0] == expected, large[1]


# The feed: the feed with its person; the sessions with courses: 2, however many.
def test_feed(cast, client):
    token = actions.calendar_feed_for(cast.employee).token
    grow(cast, 1, "a")
    small = count(client, reverse("training:feed", args=[token]))
    grow(cast, 5, "b")
    large = count(client, reverse("training:feed", args=[token]))
    assert small[0] == large[0] == 2, large[1]
