"""Query budgets: the goal list and a goal's page cost the same for a small tree as for a grown
one, with more goals, indicators, values, links and effects.

The goal list: the request (session, user, roles, read only for someone who holds a role: the
person's row says whether they hold any; a rule's "no" to a permission costs no query,
ideverket/org/backends.py), the periods (one list for the chooser and the current period), the
departments for the filter, the count and the page of goals (indicator counts annotated): 7 for
someone with a role, 6 without. The goal page: the request (the viewer's unit comes with them,
3 with a role, 2 without), the goal with its ancestors and children (one query), its indicators
left-joined to their values (one query), one query per kind of item (challenges, ideas, trials,
projects: visible items linked to the subtree), and the effects summed in one grouped query: 10
with a role, 9 without.
Notifications are read before counting, so the unread badge asks nothing (a stored count on
the person's row).
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.actions import recount_unread
from ideverket.activity.models import Notification
from ideverket.effects.actions import do_add_effect, do_record_measurement
from ideverket.goals import actions
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage

from .builders import goal_tree

pytestmark = pytest.mark.django_db


def count(client, url, params=None):
    Notification.objects.update(read_at=timezone.now())
    recount_unread()  # the stored counts too: nothing unread
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:160] for q in queries.captured_queries)


def grow(cast, goals, n):
    lead = cast.fresh("lead")
    for i in range(n):
        goal = actions.do_create_goal(
            cast.coordinator,
            period=goals[0].period,
            parent=goals[1],
            level="department",
            reference=f"G{i}",
            title=f"Mål {i}",
            owner_unit=cast.school,
        )
        indicator = actions.do_save_indicator(
            cast.coordinator, goal, reference="I", name=f"Indikator {i}", target=Decimal(10)
        )
        for month in (4, 8, 12):
            actions.do_record_indicator_value(
                cast.coordinator,
                indicator,
                measured_on=datetime.date(2025, month, 1),
                value=Decimal(month),
            )
        indicator = actions.do_save_indicator(
            cast.coordinator, goals[0], reference=f"K{i}", name=f"KF-indikator {i}"
        )
        actions.do_record_indicator_value(
            cast.coordinator, indicator, measured_on=datetime.date(2025, 4, 1), value=Decimal(1)
        )
        idea = idea_in_stage(cast, Stage.IN_ASSESSMENT, title=f"Idé {i}")
        actions.do_link_goal(lead, idea, goal)
        effect = do_add_effect(
            lead, idea, kind="hours_per_year", description="Tid", target=Decimal(100)
        )
        do_record_measurement(lead, effect, Decimal(50), timezone.localdate())


LIST_QUERIES = {"employee": 6, "coordinator": 7}


@pytest.mark.parametrize("viewer", ["employee", "coordinator"])
def test_goal_list(cast, login, viewer):
    goals = goal_tree(cast)
    client = login(cast.fresh(viewer))
    small = count(client, reverse("goals:list"))
    grow(cast, goals, 6)
    large = count(client, reverse("goals:list"))
    assert small[0] == large[0] == LIST_QUERIES[viewer], large[1]
    filtered = count(client, reverse("goals:list"), {"department": cast.education.pk, "q": "mål"})
    assert filtered[0] == large[0] + 1, filtered[1]  # the chosen department's lookup


GOAL_PAGE_QUERIES = {"employee": 9, "lead": 10, "outsider": 9}


@pytest.mark.parametrize("viewer", ["employee", "lead", "outsider"])
def test_goal_page(cast, login, viewer):
    goals = goal_tree(cast)
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    actions.do_link_goal(cast.fresh("lead"), idea, goals[2])
    # one indicator from the start: without any, the values prefetch is skipped
    actions.do_save_indicator(cast.coordinator, goals[0], reference="I0", name="Indikator")
    client = login(cast.fresh(viewer))
    small = count(client, goals[0].get_absolute_url())
    grow(cast, goals, 6)
    large = count(client, goals[0].get_absolute_url())
    assert small[0] == large[0] == GOAL_PAGE_QUERIES[viewer], large[1]


def test_idea_page_goals_panel(cast, login):
    goals = goal_tree(cast)
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    client = login(cast.fresh("lead"))
    actions.do_link_goal(cast.fresh("lead"), idea, goals[2])
    small = count(client, idea.get_absolute_url())
    for goal in goals[:2]:
        actions.do_link_goal(cast.fresh("lead"), idea, goal)
    large = count(client, idea.get_absolute_url())
    assert small[0] == large[0], large[1]
