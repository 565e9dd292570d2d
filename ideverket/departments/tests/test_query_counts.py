"""Query budgets: the department pages cost the same with little and with much data.

Every full page pays for "the request": session; user with their unit (for visibility); role
assignments, read only for someone who holds a role (the person's row says whether they hold
any); and the two permission lookups base.html makes (5 at most with a role, 4 without).
Notifications are read before counting, so the unread badge asks nothing (a stored count on the person's row).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.actions import recount_unread
from ideverket.activity.models import Notification
from ideverket.challenges.models import Challenge
from ideverket.departments import overview
from ideverket.departments.actions import do_save_innovation_plan
from ideverket.effects.tests.builders import hours_effect, measure
from ideverket.goals.models import Goal, Period
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea
from ideverket.org.actions import do_create_unit

from .builders import aged, set_limits

MORE = 6


def count(client, url, params=None):
    """Queries of one GET, after a warm-up GET (content types and other process caches)."""
    Notification.objects.update(read_at=timezone.now())
    recount_unread()  # the stored counts too: nothing unread
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response, "\n".join(q["sql"][:200] for q in queries.captured_queries)


def grow(cast, n, start=0):
    """`n` of each: old submitted ideas (waiting, some restricted), trials with an effect,
    implementations, challenges, department goals, and a department with limits of its own."""
    period = Period.for_year(timezone.localdate().year)
    for i in range(start, start + n):
        idea = new_idea(
            cast,
            title=f"Idé {i}",
            visibility=Idea.Visibility.RESTRICTED if i % 2 else Idea.Visibility.OPEN,
        )
        aged(idea, 40)
        trial = idea_in_stage(cast, Stage.TRIAL, title=f"Test {i}")
        measure(cast, hours_effect(cast, trial), "1100")
        idea_in_stage(cast, Stage.IMPLEMENTING, title=f"Införande {i}")
        Challenge.objects.create(
            title=f"Utmaning {i}", question="Hur kan vi …?", owner_unit=cast.education
        )
        goal = Goal.objects.create(
            period=period,
            level="department",
            reference=f"UF{i}",
            title=f"Mål {i}",
            owner_unit=cast.education,
        )
        goal.rebuild_path()
        do_create_unit(None, name=f"Förvaltning {i}", parent=cast.kommun, kind="department")
    set_limits(cast, cast.education, submitted=5 + start)
    lead = cast.fresh("lead")
    do_save_innovation_plan(
        lead,
        cast.education,
        Period.for_year(2000 + start),
        focus="Fokus",
        goals=list(Goal.objects.filter(period=period)),
    )


def count_cold(client, url):
    """Queries of one GET right after the shared counts expired (once per FRESH_FOR)."""
    client.get(url)
    overview.forget_shared()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# The overview: the request; the department with its settings, default handler, assessors,
# current period, goals, open challenges and innovation plans with their goals (one row, lists
# as JSON), which also reads every department's time limits for the waiting cards; the viewer's
# restricted ideas per stage (waiting counted in the same grouped query); the longest-waiting
# ideas (ids picked from the index, then 10 rows); open trials and active implementations (one
# UNION ALL). 7 for someone with a role, 6 without. What everyone sees (ideas per
# stage, effects on them) is counted for all departments at once and the viewer's part of the
# effects per viewer, both kept FRESH_FOR: three queries more when they expired.
OVERVIEW_QUERIES = {"employee": 6, "lead": 7, "outsider": 6, "coordinator": 7}


@pytest.mark.parametrize("viewer", OVERVIEW_QUERIES)
def test_overview(cast, login, viewer):
    grow(cast, 2)
    client = login(cast.fresh(viewer))
    url = reverse("departments:detail", args=[cast.education.pk])
    small = count(client, url)
    grow(cast, MORE, start=2)
    large = count(client, url)
    assert small[0] == large[0], f"{small[0]} then {large[0]}:\n{large[2]}"
    assert large[0] == OVERVIEW_QUERIES[viewer], large[2]
    assert len(large[1].context["trials"]) > len(small[1].context["trials"])
    assert count_cold(client, url) == OVERVIEW_QUERIES[viewer] + 3 <= 12


# The list: the request; the departments. 4 queries for someone with a role, 3 without: the
# counts are the shared ones (ideas everyone sees, their trials) plus the viewer's own part (the
# restricted ideas they may see, in progress and waiting in one grouped query; open trials of
# those), all kept FRESH_FOR. 4 more when they expired (two shared and two of the viewer's).
LIST_QUERIES = {"employee": 3, "coordinator": 4}


@pytest.mark.parametrize("viewer", LIST_QUERIES)
def test_department_list(cast, login, viewer):
    grow(cast, 2)
    client = login(cast.fresh(viewer))
    url = reverse("departments:list")
    small = count(client, url)
    grow(cast, MORE, start=2)
    large = count(client, url)
    assert small[0] == large[0], f"{small[0]} then {large[0]}:\n{large[2]}"
    assert large[0] == LIST_QUERIES[viewer], large[2]
    assert len(large[1].context["rows"]) == len(small[1].context["rows"]) + MORE
    assert count_cold(client, url) == LIST_QUERIES[viewer] + 4


def test_settings_and_plan_pages(cast, login):
    grow(cast, 1)
    client = login(cast.fresh("lead"))
    pages = [
        reverse("departments:settings", args=[cast.education.pk]),
        reverse("departments:plan", args=[cast.education.pk]),
    ]
    small = [count(client, page)[0] for page in pages]
    grow(cast, MORE, start=1)
    large = [count(client, page)[0] for page in pages]
    assert small == large
