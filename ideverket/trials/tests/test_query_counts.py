"""Query budgets: the trial pages cost the same number of queries for 3 items as for 23.

Every full page pays for the request first (as in ideas/tests/test_query_counts.py): session;
user with their unit; the user's role assignments, read only for someone who holds a role (the
person's row says whether they hold any); and the unread badge: the unread notifications, then
one query per kind of subject among them (ideas and trials here). 6 queries with a role, 5
without (the employee), called "the request" below.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas.models import Idea
from ideverket.ideas.tests.test_query_counts import assert_flat, measure
from ideverket.trials import actions
from ideverket.trials.models import Trial, TrialUpdate
from ideverket.trials.panels import load_trials_panel

from .builders import load, trial_for

MORE = 20
DAY = datetime.timedelta(days=1)


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def listed_trial(cast, n, **kwargs):
    trial = trial_for(cast, title=f"Test nummer {n}", **kwargs)
    actions.do_report_trial(cast.fresh("manager"), trial, text="Går bra", health="green")
    return trial


def overdue(cast):
    day = today()
    Trial.objects.update(starts_on=day - 9 * DAY, ends_on=day - DAY)


# The trial list: the request; the filter form's units; the paginator's count; the page of
# trials (idea, owner unit, owner, decision, commitment and receiving unit joined in; flag and
# criteria counts as columns): 8 for the employee. Filtered by department, the form also loads
# the chosen unit.
LIST_CASES = {"plain": ({}, 8), "filtered": ("filtered", 9), "flagged": ({"flagged": "on"}, 8)}


@pytest.mark.parametrize("case", LIST_CASES)
def test_trial_list(cast, login, case):
    params, expected = LIST_CASES[case]
    if params == "filtered":
        params = {"department": cast.education.pk, "status": "open"}
    for n in range(3):
        listed_trial(cast, n)
    listed_trial(cast, 99, visibility=Idea.Visibility.RESTRICTED)
    client = login(cast.fresh("employee"))
    url = reverse("trials:list")
    if case == "flagged":
        overdue(cast)
    small = measure(client, url, params)
    for n in range(3, 3 + MORE):
        listed_trial(cast, n)
    if case == "flagged":
        overdue(cast)
    large = measure(client, url, params)
    assert len(large[1].context["page_obj"].object_list) == 3 + MORE + 1
    assert_flat(small, large, ceiling=None)
    assert large[0] == expected, "\n".join(large[2])


# The trial page: the request; the trial (idea, owner unit, owner, evaluator, decision,
# decider, commitment, receiving unit and the committed owner joined in); criteria; status
# updates (authors); the timeline's events (actors, subject type): 10 for the manager, 9 for the
# employee, who holds no role (the permission checks use the role assignments already loaded,
# or known empty); then the trial's effects with their latest measurement and its lessons: +2;
# its goals (the goals app's panel): +1, for someone who may link it (the manager, a decider
# on its idea) together with the goals to choose from, in the same query: 13 and 12.
DETAIL_QUERIES = {"employee": 12, "manager": 13}


@pytest.mark.parametrize("viewer", DETAIL_QUERIES)
def test_trial_detail(cast, login, viewer):
    trial = listed_trial(cast, 1)
    client = login(cast.fresh(viewer))
    url = reverse("trials:detail", args=[trial.pk])
    small = measure(client, url)
    for n in range(MORE):
        actions.do_report_trial(
            cast.fresh("lead"), load(trial), text=f"Rapport {n}", health="yellow"
        )
    trial = load(trial)
    actions.do_evaluate_trial(
        cast.fresh("manager"),
        trial,
        {c.pk: ("met", f"Not {c.pk}") for c in trial.criteria.all()},
        "Bra",
        "Lärdom",
    )
    large = measure(client, url)
    assert len(large[1].context["updates"]) == MORE + 1 == TrialUpdate.objects.count()
    assert_flat(small, large, ceiling=None)
    assert large[0] == DETAIL_QUERIES[viewer], "\n".join(large[2])


def test_idea_panel_is_one_query(cast, rf):
    trial = listed_trial(cast, 1)
    idea = Idea.objects.get(pk=trial.idea_id)
    with CaptureQueriesContext(connection) as queries:
        context = load_trials_panel(rf.get("/"), idea)
    assert len(queries) == 1 and [t.pk for t in context["trials"]] == [trial.pk]
    assert context["trials"][0].criteria_total == 2


def test_idea_panel_costs_nothing_before_a_test_decision(cast, rf):
    from ideverket.ideas.tests.builders import new_idea

    idea = new_idea(cast)
    with CaptureQueriesContext(connection) as queries:
        assert load_trials_panel(rf.get("/"), idea) is None
    assert len(queries) == 0
