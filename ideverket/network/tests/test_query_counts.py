"""Query budgets: every network page costs the same with one inspirer, idea and activity as
with many.

"The request" is: session; user with their unit; the viewer's role assignments, read only for
someone who holds a role (the person's row says whether they hold any): 3 for someone with a
role, 2 for someone without (the employee, the outsider). The unread-notification badge asks nothing when nothing is unread (a stored count on the person's
row). A viewer with unread notifications about ideas (the employee here: the submitter, told
when a coach is set) pays for the badge (+1) and has those ideas looked up through
`visible_to` (+1: `notes`).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.ideas.actions import do_set_coach
from ideverket.ideas.tests.builders import make_person, new_idea
from ideverket.network.actions import do_register
from ideverket.org.actions import do_create_unit
from ideverket.org.models import RoleAssignment

from .builders import activity, attended, profile

pytestmark = pytest.mark.django_db
_made = [0]


def count(client, url, params=None):
    client.get(url, params)  # warm-up: content types and other process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def grow(cast, n):
    """`n` more inspirers (with profiles, in new units), coached ideas, and past and upcoming
    activities with sign-ups and attendance."""
    coordinator = cast.fresh("coordinator")
    inspirer = cast.fresh("inspirer")
    people = []
    for _ in range(n):
        _made[0] += 1
        key = f"extra{_made[0]}"
        unit = do_create_unit(None, name=f"Enhet {key}", parent=cast.social)
        person = make_person(key, f"Inspiratör {key}", unit, (RoleAssignment.Role.INSPIRER, unit))
        profile(person, help_with=f"Hjälp {key}", contact=f"Ring {key}")
        people.append(person)
        idea = new_idea(cast, title=f"Idé {key}")
        do_set_coach(inspirer, idea, inspirer)
        hidden = new_idea(cast, title=f"Dold {key}", visibility="restricted")
        do_set_coach(coordinator, hidden, person)
        past = activity(coordinator, days=-10 - _made[0], department=cast.education)
        attended(coordinator, past, inspirer, person)
        coming = activity(coordinator, days=10 + _made[0])
        do_register(person, coming)
        do_register(cast.fresh("employee"), coming)
    return people


def budget(cast, login, who, url_of, params=None):
    """(queries with little data, queries with much, SQL of the latter)."""
    profile(cast.fresh("inspirer"))
    grow(cast, 1)
    client = login(cast.fresh(who))
    small = count(client, url_of(), params)
    grow(cast, 6)
    large = count(client, url_of(), params)
    return small[0], large[0], large[1]


# Find: the request (3, or 2 without a role); the viewer's unit with its department; the unit
# choices; every inspirer with units, department and profile: 6 (5 without a role), + badge and
# notes for the employee (7). A chosen unit comes with its department from the form's own
# lookup instead: the same.
@pytest.mark.parametrize(
    ("who", "params", "expected"),
    [
        ("employee", None, 7),
        ("employee", "unit", 7),
        ("outsider", None, 5),
        ("coordinator", None, 6),
    ],
)
def test_find(cast, login, who, params, expected):
    if params == "unit":
        params = {"unit": cast.homecare.pk}
    small, large, sql = budget(cast, login, who, lambda: reverse("network:find"), params)
    assert small == large == expected, sql


# Profile: the request (3, or 2 without a role); the inspirer with unit and department; their
# role units; the coached ideas; the profile: 7 (6 without a role); badge and notes add two
# queries for the employee: 8.
@pytest.mark.parametrize(
    ("who", "expected"), [("employee", 8), ("outsider", 6), ("coordinator", 7)]
)
def test_profile(cast, login, who, expected):
    small, large, sql = budget(
        cast, login, who, lambda: reverse("network:profile", args=[cast.inspirer.pk])
    )
    assert small == large == expected, sql


# Profile form: the request (3); the inspirer; the profile: 5.
def test_profile_form(cast, login):
    small, large, sql = budget(
        cast, login, "inspirer", lambda: reverse("network:profile_edit", args=[cast.inspirer.pk])
    )
    assert small == large == 5, sql


# Activities: the request (3, or 2 without a role); upcoming with counts and the viewer's
# sign-up; past: count and page: 6, for the employee 5 + badge and notes (7).
@pytest.mark.parametrize(("who", "expected"), [("employee", 7), ("coordinator", 6)])
def test_activities(cast, login, who, expected):
    small, large, sql = budget(cast, login, who, lambda: reverse("network:activities"))
    assert small == large == expected, sql


def _first_past():
    from ideverket.network.models import NetworkActivity

    return NetworkActivity.objects.order_by("starts_at").first()


# Activity: the request (3, or 2 without a role); the activity with department and organiser;
# its participations with people and units: 5, for the employee 4 + badge and notes (6).
@pytest.mark.parametrize(("who", "expected"), [("coordinator", 5), ("lead", 5), ("employee", 6)])
def test_activity(cast, login, who, expected):
    small, large, sql = budget(
        cast, login, who, lambda: reverse("network:activity", args=[_first_past().pk])
    )
    assert small == large == expected, sql


# Attendance form: the request (3); the activity; the marks; the candidates (rendered once): 6.
def test_attendance(cast, login):
    small, large, sql = budget(
        cast, login, "coordinator", lambda: reverse("network:attendance", args=[_first_past().pk])
    )
    assert small == large == 6, sql


# Activity form: the request (3); the activity; the department choices: 5.
def test_activity_form(cast, login):
    small, large, sql = budget(
        cast,
        login,
        "coordinator",
        lambda: reverse("network:activity_edit", args=[_first_past().pk]),
    )
    assert small == large == 5, sql


# Overview: the request (3); departments; inspirers with units and profiles; employees per
# department; coached ideas per coach; attendances per person: 8 for the coordinator and for a
# lead (the unit their visible_to needs comes with the user).
@pytest.mark.parametrize(("who", "expected"), [("coordinator", 8), ("lead", 8)])
def test_overview(cast, login, who, expected):
    small, large, sql = budget(cast, login, who, lambda: reverse("network:overview"))
    assert small == large == expected, sql


# The download: the same, 8 (no page rendered; with nothing unread the badge asks nothing anyway).
def test_overview_download(cast, login):
    small, large, sql = budget(
        cast, login, "coordinator", lambda: reverse("network:overview"), {"format": "xlsx"}
    )
    assert small == large == 8, sql
