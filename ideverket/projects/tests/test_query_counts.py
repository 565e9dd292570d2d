"""Query budgets: every project page costs the same number of queries for 3 items as for 23.

Each test measures a page, adds twenty more of what it lists, and measures again: the counts
must be equal (no query per row) and match the count listed in the comment. Every full page
also pays for the request itself — "the request" below: session; user with their unit; the
user's role assignments, read only for someone who holds a role (the person's row says whether
they hold any): 3 with a role, 2 without. The unread badge asks nothing when nothing is unread (a stored count on
the person's row); with unread notifications it reads them and the subjects they point to. A
rule's "no" costs no query: model permissions are read for staff only
(ideverket/org/backends.py).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas.actions import do_create_idea
from ideverket.ideas.models import Idea
from ideverket.projects import actions
from ideverket.projects.models import Project

from .conftest import go_gate

MORE = 20


def long_ago():
    """400 days ago, read when the test runs (not when this module is imported)."""
    return timezone.now() - datetime.timedelta(days=400)


def measure(client, url, params=None):
    """Queries of one GET, after a warm-up GET (content types and other process caches)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response, [q["sql"] for q in queries.captured_queries]


def assert_flat(small, large, expected):
    (n_small, _r, _sql), (n_large, _r2, sql_large) = small, large
    listing = "\n".join(sql_large)
    assert n_small == n_large, (
        f"{n_small} queries for the small page, {n_large} for the large:\n{listing}"
    )
    assert n_large == expected, f"{n_large} queries, expected {expected}:\n{listing}"


def listed_project(cast, make_project, n):
    """A project with two units involved and a status report, some restricted."""
    project = make_project(
        f"Projekt {n}",
        visibility=Project.Visibility.RESTRICTED if n % 2 else Project.Visibility.OPEN,
        looking_for_partners=n % 3 == 0,
    )
    lead = cast.fresh("lead")
    actions.do_invite_unit(lead, project, cast.social)
    actions.do_invite_unit(lead, project, cast.hr, as_partner=True)
    actions.do_report_status(lead, project, health="green", text="Bra")
    return project


def partner_idea(cast, n):
    return do_create_idea(
        cast.colleague,
        title=f"Partneridé {n}",
        problem="P",
        proposal="F",
        owner_unit=cast.school,
        looking_for_partners=True,
    )


# The list, for the employee (no role): the request (session, user with their unit for
# visibility) 2; the paginator's count 3; projects looking for partners 4; ideas looking for
# partners 5; the department options 6; the page of projects with lead unit 7; their involved
# units, prefetched 8 (nothing unread: the badge asks nothing). Filtered by department, the
# same: the department list is read once, for the choice and the options.
LIST_QUERIES = {"plain": 8, "filtered": 8}
LIST_PARAMS = {
    "plain": {},
    "filtered": {"department": "education", "status": "active", "q": "projekt", "sort": "title"},
}


@pytest.mark.parametrize("case", LIST_QUERIES)
def test_project_list(cast, login, make_project, case):
    params = dict(LIST_PARAMS[case])
    if "department" in params:
        params["department"] = cast.education.pk
    for n in range(3):
        listed_project(cast, make_project, n)
        partner_idea(cast, n)
    client = login(cast.fresh("employee"))
    url = reverse("projects:list")
    small = measure(client, url, params)
    for n in range(3, 3 + MORE):
        listed_project(cast, make_project, n)
        partner_idea(cast, n)
    large = measure(client, url, params)
    assert len(large[1].context["page_obj"].object_list) == 20
    assert_flat(small, large, LIST_QUERIES[case])


def test_project_list_htmx_partial(cast, login, make_project):
    """The results partial skips the partner section, the option lists and the badge: the
    request 2 (the employee holds no role), count 3, page 4, units 5."""
    for n in range(3):
        listed_project(cast, make_project, n)
    client = login(cast.fresh("employee"))
    url = reverse("projects:list")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HX_REQUEST="true")
    assert len(queries) == 5, "\n".join(q["sql"] for q in queries.captured_queries)


def grow(cast, project, rounds, start=0):
    """More of everything the project page lists: units, team, reports, milestones, ideas
    (waiting too long), gate decisions, join requests and timeline events."""
    lead = cast.fresh("lead")
    from ideverket.org.actions import do_create_unit, do_create_user

    for n in range(start, start + rounds):
        unit = do_create_unit(None, name=f"Enhet {n}", parent=cast.social)
        actions.do_invite_unit(lead, project, unit)
        person = do_create_user(None, email=f"p{n}@test.example", name=f"Person {n}", unit=unit)
        actions.do_add_member(lead, project, person)
        asker = do_create_user(None, email=f"a{n}@test.example", name=f"Fråga {n}", unit=unit)
        actions.do_ask_to_join(asker, project, "Gärna")
        actions.do_report_status(lead, project, health="yellow", text=f"Rapport {n}")
        actions.do_add_milestone(lead, project, title=f"Milstolpe {n}", progress=n)
        idea = do_create_idea(
            cast.employee, title=f"Idé {n}", problem="P", proposal="F", owner_unit=cast.school
        )
        actions.do_link_idea(lead, project, idea)
        # Waiting since long ago, so its card asks about the departments' time limits.
        Idea.objects.filter(pk=idea.pk).update(stage_changed_at=long_ago())
        go_gate(cast, Project.objects.select_related("lead_unit").get(pk=project.pk))


# The project page: the request 3 (session, user with their unit, roles; 2 for the employee,
# who holds no role); the project with lead unit and creator, carrying its team, units, pending
# join requests (the viewer's own unless they may manage the team), milestones, latest status
# reports, gate decisions, linked challenges, latest timeline events and the departments' own
# time limits (which the cards of ideas waiting long ask about) as JSON arrays 4
# (projects/page.py); linked visible ideas 5; then the panels other apps add: the goals app's
# (the project's goals) 6, effects with their latest measurement 7, lessons 8 (7 for the
# employee, who has nothing unread: the badge asks nothing). For the lead, who may link goals, the goals panel reads the linked goals and those
# to choose from in its one query, and, with unread notifications about the project, the badge
# reads them (+1) and looks up which of their subjects are still visible (+1). Object
# permissions never reach ModelBackend's tables.
DETAIL_QUERIES = {"employee": 7, "lead": 10}


@pytest.mark.parametrize("viewer", DETAIL_QUERIES)
def test_project_detail(cast, login, make_project, viewer):
    project = make_project(invite=True)
    grow(cast, project, 2)
    client = login(cast.fresh(viewer))
    url = project.get_absolute_url()
    small = measure(client, url)
    grow(cast, project, MORE, start=2)
    large = measure(client, url)
    context = large[1].context
    assert len(context["members"]) > MORE and len(context["gates"]) > MORE
    assert len(context["ideas"]) > MORE and len(context["milestones"]) > MORE
    if viewer == "lead":
        assert len(context["join_requests"]) > MORE
    assert_flat(small, large, DETAIL_QUERIES[viewer])


# The partner page, for the HR person (no role): the request 2; the paginator's count 3; the
# page of invitations with their projects, lead units, units and inviters 4 (nothing unread:
# the badge asks nothing). (Object permissions never reach ModelBackend's tables.)
PARTNER_QUERIES = 4


def test_partner_page(cast, login, make_project):
    for n in range(3):
        listed_project(cast, make_project, n)
    client = login(cast.fresh("hr_person"))
    url = reverse("projects:partner")
    small = measure(client, url)
    for n in range(3, 3 + MORE):
        listed_project(cast, make_project, n)
    large = measure(client, url)
    assert len(large[1].context["rows"]) == 20
    assert_flat(small, large, PARTNER_QUERIES)
