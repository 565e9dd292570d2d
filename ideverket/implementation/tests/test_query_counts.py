"""Query budgets: the implementation pages cost the same for 3 items as for 23.

"The request" is as in trials/tests/test_query_counts.py: session; user with their unit; role
assignments, read only for someone who holds a role (the employee holds none); the unread
notifications and one query per kind of subject among them (here ideas, trials and
implementations, since the employee follows the ideas): 6 queries.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas.models import Idea
from ideverket.ideas.tests.test_query_counts import assert_flat, measure
from ideverket.implementation import actions
from ideverket.implementation.models import Implementation
from ideverket.implementation.panels import load_implementation_panel
from ideverket.trials.tests.builders import implementing_idea

from .conftest import load

MORE = 20
DAY = datetime.timedelta(days=1)


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def listed(cast, n, **kwargs):
    implementation = load(implementing_idea(cast, title=f"Införande nummer {n}", **kwargs))
    for step in range(2):
        actions.do_add_milestone(
            cast.fresh("manager"), implementation, title=f"Steg {step}", progress=50 * step
        )
    return implementation


def hand_over(cast, implementation):
    day = today()
    actions.do_handover(
        cast.fresh("manager"),
        load(implementation),
        line_owner=cast.manager,
        line_unit=cast.school,
        runs_from=day,
        follow_up_dates=[day + 30 * DAY, day + 60 * DAY],
        note="Klart",
    )


# The list: the request; the filter form's units; the paginator's count; the page
# (idea, owner unit, owner, receiving unit, handover and line unit joined in; flag, progress and
# milestone count as columns): 9. Filtered by department, the chosen unit as well: 10.
LIST_CASES = {
    "plain": ({}, 9),
    "filtered": ("filtered", 10),
    "handed_over": ({"status": "handed_over"}, 9),
}


@pytest.mark.parametrize("case", LIST_CASES)
def test_implementation_list(cast, login, case):
    params, expected = LIST_CASES[case]
    if params == "filtered":
        params = {"department": cast.education.pk, "status": "active"}

    def add(n, **kwargs):
        implementation = listed(cast, n, **kwargs)
        if case == "handed_over":
            hand_over(cast, implementation)

    for n in range(3):
        add(n)
    add(99, visibility=Idea.Visibility.RESTRICTED)
    client = login(cast.fresh("employee"))
    url = reverse("implementation:list")
    small = measure(client, url, params)
    for n in range(3, 3 + MORE):
        add(n)
    large = measure(client, url, params)
    rows = large[1].context["page_obj"].object_list
    assert len(rows) == 3 + MORE + 1
    assert {row.progress for row in rows} == {25}
    assert_flat(small, large, ceiling=None)
    assert large[0] == expected, "\n".join(large[2])


# The page: the request; the implementation (idea, owner unit, owner, receiving unit, decision,
# decider, handover, line owner, line unit and who handed over joined in); milestones; the
# follow-ups (only once handed over); the timeline (actors, subject type): 9 active, 10 handed
# over — the same for 2 milestones as for 22.
@pytest.mark.parametrize("state, expected", [("active", 9), ("handed_over", 10)])
def test_implementation_detail(cast, login, state, expected):
    implementation = listed(cast, 1)
    if state == "handed_over":
        hand_over(cast, implementation)
    client = login(cast.fresh("employee"))
    url = reverse("implementation:detail", args=[implementation.pk])
    small = measure(client, url)
    for n in range(MORE):
        Implementation.objects.filter(pk=implementation.pk).update(status="active")
        actions.do_add_milestone(
            cast.fresh("manager"), load(implementation), title=f"Mer {n}", progress=n
        )
    if state == "handed_over":
        Implementation.objects.filter(pk=implementation.pk).update(status="handed_over")
    large = measure(client, url)
    assert len(large[1].context["milestones"]) == 2 + MORE
    assert_flat(small, large, ceiling=None)
    assert large[0] == expected, "\n".join(large[2])


def test_idea_panel_is_one_query(cast, rf):
    implementation = listed(cast, 1)
    hand_over(cast, implementation)
    idea = Idea.objects.get(pk=implementation.idea_id)
    with CaptureQueriesContext(connection) as queries:
        context = load_implementation_panel(rf.get("/"), idea)
    assert len(queries) == 1
    (shown,) = context["implementations"]
    assert shown.progress == 25 and shown.handover.line_unit == cast.school


def test_idea_panel_costs_nothing_before_implementation(cast, rf):
    from ideverket.trials.tests.builders import trial_for

    idea = Idea.objects.get(pk=trial_for(cast).idea_id)
    with CaptureQueriesContext(connection) as queries:
        assert load_implementation_panel(rf.get("/"), idea) is None
    assert len(queries) == 0
