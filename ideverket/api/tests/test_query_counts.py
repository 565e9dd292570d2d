"""Each list costs the same number of queries for one row and for many.

Every API request pays for the token (1: token joined with its user and unit). A list then
adds its count (1) and its page (1); challenges prefetch their themes (+1); a visibility
check that needs the person's roles reads them once (+1, ideas and what follows them).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideverket.effects.tests.builders import hours_effect
from ideverket.goals.tests.builders import goal_tree
from ideverket.ideas.tests.builders import new_idea
from ideverket.trials.tests.builders import trial_for

from .helpers import api_get, token_for


def count(client, path, token, **params):
    api_get(client, path, token, **params)  # warm-up: content types, last_used_at
    with CaptureQueriesContext(connection) as queries:
        response = api_get(client, path, token, **params)
    assert response.status_code == 200, response.content
    return len(queries), "\n".join(q["sql"][:160] for q in queries.captured_queries)


def add_rows(cast, make_challenge, make_project, n):
    for i in range(n):
        challenge = make_challenge(f"Utmaning {i}")
        idea = new_idea(cast, title=f"Idé {i}", challenge=challenge)
        hours_effect(cast, idea)
        make_project(f"Projekt {i}")
    trial_for(cast)


# token; count; page; + challenges: themes (prefetch); + ideas, trials, projects, effects: the
# person's role assignments (the visibility filter); goals: nothing more.
LISTS = {
    "/challenges": 4,
    "/ideas": 4,
    "/trials": 4,
    "/projects": 4,
    "/effects": 4,
    "/goals": 3,
}


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("viewer", ["employee", "coordinator"])
def test_list_queries_do_not_grow(client, cast, make_challenge, make_project, path, viewer):
    goal_tree(cast)
    token = token_for(getattr(cast, viewer))
    add_rows(cast, make_challenge, make_project, 1)
    few, few_sql = count(client, path, token)
    add_rows(cast, make_challenge, make_project, 6)
    many, many_sql = count(client, path, token)
    assert few == many, f"{few_sql}\n---\n{many_sql}"
    assert many == LISTS[path], many_sql


def test_filters_cost_at_most_the_unit_lookup(client, cast, make_challenge, make_project):
    token = token_for(cast.employee)
    add_rows(cast, make_challenge, make_project, 3)
    plain, _sql = count(client, "/ideas", token)
    filtered, sql = count(client, "/ideas", token, unit=cast.school.pk, stage="submitted", q="idé")
    assert filtered == plain + 1, sql


@pytest.mark.parametrize("path", ["/ideas/{}", "/trials/{}", "/effects/{}"])
def test_detail_queries(client, cast, path):
    trial = trial_for(cast)
    effect = hours_effect(cast, trial.idea)
    pk = {"/ideas/{}": trial.idea_id, "/trials/{}": trial.pk, "/effects/{}": effect.pk}[path]
    queries, sql = count(client, path.format(pk), token_for(cast.employee))
    assert queries <= 3, sql
