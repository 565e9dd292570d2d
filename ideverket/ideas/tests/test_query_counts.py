"""Query budgets: every idea page costs the same number of queries for 3 items as for 23.

Each test measures a page with three items, adds twenty more, and measures again. The two
numbers must be equal (no query per row) and at most CEILING. Every full page also pays for the
request itself, listed once here and called "the request" below (4 queries for the employee):
  session; user with their unit (for visibility), which also says whether they hold a role;
  the user's role assignments, read only for someone who holds one (the employee holds none);
  and, since the employee has unread notifications about ideas, the unread badge and one query
  checking that those ideas are still visible. For someone with nothing unread the badge asks
  nothing (a stored count on the person's row): 3 with a role, 2 without. (No permission queries: Django's model permissions
  are read for staff only, ideverket/org/backends.py.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.challenges.models import Challenge, Theme
from ideverket.ideas import actions
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Outcome, Stage

from .builders import full_commitment, idea_in_stage, new_idea

CEILING = 15
MORE = 20


def measure(client, url, params=None):
    """Queries of one GET, after a warm-up GET (content types and other process caches)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response, [q["sql"] for q in queries.captured_queries]


def assert_flat(small, large, ceiling=CEILING):
    (n_small, _r, _sql), (n_large, _r2, sql_large) = small, large
    listing = "\n".join(sql_large)
    assert n_small == n_large, f"{n_small} queries for 3 items, {n_large} for 23:\n{listing}"
    if ceiling is not None:
        assert n_large <= ceiling, f"{n_large} queries:\n{listing}"


@pytest.fixture
def tags(cast):
    theme = Theme.objects.create(name="Testtema Mätning")
    challenge = Challenge.objects.create(
        title="Mindre papper", question="Hur kan vi minska pappret?", owner_unit=cast.education
    )
    return theme, challenge


def listed_idea(cast, n, tags, **kwargs):
    """An idea for the list, with a challenge, a theme, a comment and a support."""
    theme, challenge = tags
    idea = new_idea(
        cast,
        title=f"Närvarolista nummer {n}",
        challenge=challenge,
        themes=[theme],
        **kwargs,
    )
    actions.do_comment(cast.colleague, idea, f"Kommentar {n}")
    actions.do_support(cast.colleague, idea)
    return idea


# The idea list: the request (4); the ids of at most paging.COUNT_BOUND + 1 matching ideas (the
# count); the page of ideas (owner unit and challenge joined in, one row more than shown): 6.
# The filter form's unit, theme and challenge choices are kept per process once read
# (forms.filter_options): no query. Filtered, the chosen unit's path is read afresh: 7.
LIST_QUERIES = {"plain": 6, "filtered": 7, "search": 6}
LIST_CASES = {
    "plain": {},
    "filtered": "filtered",
    "search": {"q": "närvarolista"},
}


@pytest.mark.parametrize("case", LIST_CASES)
def test_idea_list(cast, login, tags, case):
    theme, challenge = tags
    params = LIST_CASES[case]
    if params == "filtered":
        params = {
            "department": cast.education.pk,
            "stage": Stage.SUBMITTED,
            "theme": theme.pk,
            "challenge": challenge.pk,
            "sort": "support",
        }
    for n in range(3):
        listed_idea(cast, n, tags)
    # One idea of the restricted kind, so the visibility conditions are exercised too.
    listed_idea(cast, 99, tags, visibility=Idea.Visibility.RESTRICTED)
    client = login(cast.fresh("employee"))
    url = reverse("ideas:list")
    small = measure(client, url, params)
    for n in range(3, 3 + MORE):
        listed_idea(cast, n, tags)
    large = measure(client, url, params)
    assert len(large[1].context["page_obj"].object_list) == 3 + MORE + 1
    assert_flat(small, large)
    assert large[0] == LIST_QUERIES[case], "\n".join(large[2])


def grow_decisions(cast, idea, rounds):
    """Evaluate and test again, `rounds` times: two decisions and one commitment per round."""
    manager = cast.fresh("manager")
    for _ in range(rounds):
        actions.do_decide(manager, idea, Outcome.EVALUATE, seen_stage=Stage.TRIAL, reason="Ok")
        actions.do_decide(
            manager,
            idea,
            Outcome.TEST_AGAIN,
            seen_stage=Stage.EVALUATED,
            reason="En gång till",
            commitment=full_commitment(cast),
        )


DETAIL_PEOPLE = ("colleague", "inspirer", "outsider")


def detail_idea(cast, tags):
    """An idea in trial with a coach, a merged idea, and three comments and supports."""
    theme, challenge = tags
    idea = idea_in_stage(cast, Stage.TRIAL, challenge=challenge, themes=[theme])
    actions.do_set_coach(cast.fresh("lead"), idea, cast.inspirer)
    merged = new_idea(cast, title="Sammanslagen närvaro")
    actions.do_decide(
        cast.fresh("lead"), merged, Outcome.MERGE, seen_stage=Stage.SUBMITTED, target_idea=idea
    )
    for key in DETAIL_PEOPLE:
        actions.do_comment(getattr(cast, key), idea, f"Kommentar från {key}")
        actions.do_support(getattr(cast, key), idea)
    return idea


# The idea page: the request (session, user with their unit, role assignments for someone who
# holds a role); the idea with
# owner unit, challenge, handler, coach and merged-into joined in and "do I support / follow",
# "has decisions" as EXISTS columns and its submitters, themes, merged ideas and
# comments (with their authors' names) as JSON arrays; decisions (decider, target unit and
# idea, commitment with its receiving unit and owner joined in; left out when there are none);
# the timeline's events (actors, subject type). Deciders also get the
# assign form's choices (deciders and inspirers in one query). Then the panels other apps add
# (ideas/panels.py): the trial (1), the implementation (1), effects with their latest
# measurements (1) and lessons (1) (who may edit them is known from the decisions'
# commitments); the goals (1; for someone who may link it, with the current period's goals to
# choose from in the same query). The lead, with nothing unread (the badge asks nothing): 11,
# with the assign choices. The employee, who holds no role (no role assignments read): 9, and 3
# more for the unread badge, which reads their unread notifications and checks that their
# subjects (an idea and a trial) are still visible, one query per kind: 12. An idea that is only submitted, as most are, costs fewer
# (test_submitted_idea_page below).
DETAIL_QUERIES = {"employee": 12, "lead": 11}
# The richest idea page (trial, decisions, commitments, merged ideas): its own ceiling.
DETAIL_CEILING = 13


@pytest.mark.parametrize("viewer", DETAIL_QUERIES)
def test_idea_detail(cast, login, tags, viewer):
    idea = detail_idea(cast, tags)
    client = login(cast.fresh(viewer))
    url = reverse("ideas:detail", args=[idea.pk])
    small = measure(client, url)

    grow_decisions(cast, Idea.objects.get(pk=idea.pk), MORE // 2)
    for n in range(MORE):
        actions.do_comment(getattr(cast, DETAIL_PEOPLE[n % 3]), idea, f"Kommentar {n}")
    for persona in ("hr_person", "social_lead", "admin", "director", "manager"):
        actions.do_support(cast.fresh(persona), idea)
    large = measure(client, url)
    context = large[1].context
    assert len(context["decisions"]) >= MORE
    assert len(context["comments"]) == len(DETAIL_PEOPLE) + MORE
    assert len(context["timeline"]) > MORE
    assert "Åtagande från mottagaren" in large[1].text
    # Flat, at the count listed above; the ceiling is checked (and broken) below.
    assert_flat(small, large, ceiling=None)
    assert large[0] == DETAIL_QUERIES[viewer]


@pytest.mark.parametrize("viewer", DETAIL_QUERIES)
def test_idea_detail_within_ceiling(cast, login, tags, viewer):
    idea = detail_idea(cast, tags)
    count, _response, sql = measure(
        login(cast.fresh(viewer)), reverse("ideas:detail", args=[idea.pk])
    )
    assert count <= DETAIL_CEILING, "\n".join(sql)


def test_submitted_idea_page(cast, login, tags):
    """A submitted idea with comments and supports, as most are: the request (session, user with
    their unit; no roles read, the colleague holds none); the idea with its names and comments;
    timeline; the goals, effects and lessons panels: 7 (nothing unread, so the badge asks
    nothing)."""
    theme, challenge = tags
    idea = new_idea(cast, title="Inskickad idé", challenge=challenge, themes=[theme])
    client = login(cast.fresh("colleague"))
    url = reverse("ideas:detail", args=[idea.pk])
    actions.do_comment(cast.inspirer, idea, "Första")
    small = measure(client, url)
    for n in range(MORE):
        actions.do_comment(cast.inspirer, idea, f"Kommentar {n}")
        actions.do_support(cast.fresh(DETAIL_PEOPLE[n % 3]), idea)
    large = measure(client, url)
    assert len(large[1].context["comments"]) == 1 + MORE
    assert [person.name for person in large[1].context["submitters"]] == [cast.employee.name]
    assert [t.name for t in large[1].context["themes"]] == [theme.name]
    assert_flat(small, large, ceiling=None)
    assert large[0] == 7, "\n".join(large[2])


def test_min_sida_for_the_employee(cast, login, tags):
    """The request; my ideas; handling; coaching; following (the "not my own" subquery runs
    inside the same statement); the five newest unread notifications; their subjects (one
    query for ideas); and the request's unread badge with its own subject check. "Awaiting my
    decision" is not queried for someone without a role (its condition is empty), and their
    role assignments are not read. 13 queries."""
    followed = []
    for n in range(3):
        listed_idea(cast, n, tags)
        other = new_idea(cast, title=f"Kollegans idé {n}", user=cast.colleague)
        actions.do_follow(cast.employee, other)
        followed.append(other)
    client = login(cast.fresh("employee"))
    url = reverse("ideas:mine")
    small = measure(client, url)

    for n in range(3, 3 + MORE):
        listed_idea(cast, n, tags)
        other = new_idea(cast, title=f"Kollegans idé {n}", user=cast.colleague)
        actions.do_follow(cast.employee, other)
        actions.do_comment(cast.colleague, other, "Nytt")
    large = measure(client, url)
    context = large[1].context
    assert len(context["my_ideas"]) == 20 and len(context["following"]) == 20
    assert len(context["notifications"]) == 5
    assert_flat(small, large)


def test_min_sida_for_the_lead(cast, login, tags):
    """As for the employee, plus "awaiting my decision"; there are no notifications, so no
    subject queries and the badge asks nothing. 12 queries, "awaiting" and "handling" with
    rows."""
    lead = cast.fresh("lead")

    def arrive(n):
        idea = listed_idea(cast, n, tags)
        if n % 2:
            actions.do_decide(lead, idea, Outcome.TAKE, seen_stage=Stage.SUBMITTED)

    for n in range(3):
        arrive(n)
    client = login(cast.fresh("lead"))
    url = reverse("ideas:mine")
    small = measure(client, url)
    for n in range(3, 3 + MORE):
        arrive(n)
    large = measure(client, url)
    context = large[1].context
    assert len(context["awaiting"]) == 20 and len(context["handling"]) == 11
    assert_flat(small, large)


def test_notifications_page(cast, login, tags):
    """The request; the paginator's count; the page of notifications (event, actor, subject
    type joined in); their subjects (one query per subject type, here ideas). 7 queries (the
    employee holds no role: no role assignments read)."""
    ideas = [listed_idea(cast, n, tags) for n in range(3)]
    client = login(cast.fresh("employee"))
    url = reverse("activity:notifications")
    small = measure(client, url)
    for n in range(MORE):
        actions.do_comment(cast.fresh("inspirer"), ideas[n % 3], f"Mer {n}")
    large = measure(client, url)
    assert len(large[1].context["items"]) == 3 + MORE
    assert_flat(small, large)


def test_similar_ideas(cast, login, tags):
    """A fragment, so only session and user with their unit (the outsider holds no role, so no
    role assignments); then one query for the matching ideas (any of the three longest words;
    owner unit joined). 3 queries."""
    for n in range(3):
        listed_idea(cast, n, tags)
    client = login(cast.fresh("outsider"))
    url = reverse("ideas:similar")
    params = {"title": "Digital närvarolista för skolan"}
    small = measure(client, url, params)
    for n in range(3, 3 + MORE):
        listed_idea(cast, n, tags)
    large = measure(client, url, params)
    assert large[1].text.count("<li>") == 5
    assert_flat(small, large)
