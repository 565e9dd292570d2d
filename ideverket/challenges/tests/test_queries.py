"""The list and detail pages cost a fixed number of queries, however many rows there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideverket.challenges.models import Theme
from ideverket.ideas.actions import do_create_idea
from ideverket.ideas.models import Idea

pytestmark = pytest.mark.django_db

LIST = reverse("challenges:list")


def add_challenges(cast, make_challenge, count):
    themes = list(Theme.objects.all()[:3])
    for number in range(count):
        challenge = make_challenge(
            f"Utmaning {number}", themes=themes, responsible=[cast.employee, cast.colleague]
        )
        add_ideas(cast, challenge, 2)


def add_ideas(cast, challenge, count):
    for number in range(count):
        do_create_idea(
            cast.fresh("outsider"),
            title=f"Idé {number}",
            problem="P",
            proposal="F",
            owner_unit=cast.homecare,
            challenge=challenge,
            visibility=Idea.Visibility.RESTRICTED if number % 2 else Idea.Visibility.OPEN,
        )


def count_queries(client, url, params=None, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {}, **headers)
    assert response.status_code == 200
    return len(context.captured_queries)


# The list page, filtered by department and theme (each list read once, both to validate the
# choice and for the options):
#  1 session, 2 user with their unit (and whether they hold a role), 3 the department list,
#  4 the theme list, 5 count for the paginator, 6 the page of challenges with owner unit and
#  idea count (one subquery), 7 the themes of the page, prefetched. The user's role assignments
#  (for idea visibility) are read only for someone who holds a role: one more for them; the
#  employee holds none. The unread badge asks nothing when nothing is unread (a stored count on the
#  person's row). (A rule's "no" to "may create" costs no query: model permissions are read
#  for staff only, ideverket/org/backends.py.)
LIST_QUERIES = 7


def test_list_query_count_does_not_grow(cast, login, make_challenge, django_assert_max_num_queries):
    client = login(cast.fresh("employee"))
    params = {"department": cast.education.pk, "theme": Theme.objects.first().pk, "q": "utmaning"}
    add_challenges(cast, make_challenge, 3)
    with django_assert_max_num_queries(LIST_QUERIES):
        small = client.get(LIST, params)
    add_challenges(cast, make_challenge, 20)
    with django_assert_max_num_queries(LIST_QUERIES):
        large = client.get(LIST, params)
    assert len(small.context["page_obj"].object_list) == 3
    assert len(large.context["page_obj"].object_list) == 20
    assert count_queries(client, LIST, params) == LIST_QUERIES
    assert count_queries(client, LIST, params) == count_queries(client, LIST, {**params, "page": 2})


def test_htmx_results_query_count(cast, login, make_challenge, django_assert_max_num_queries):
    client = login(cast.fresh("employee"))
    add_challenges(cast, make_challenge, 23)
    # No filters: as the page without the two option lists (neither validated nor rendered).
    with django_assert_max_num_queries(LIST_QUERIES - 2):
        client.get(LIST, HTTP_HX_REQUEST="true")


# The detail page, for an employee without a role and with nothing unread:
#  1 session, 2 the user with their unit (and whether they hold a role: no, so no roles query),
#  3 the challenge with owner unit and creator, 4 responsible people with their units,
#  5 themes, 6 the number of visible ideas, 7 the visible ideas (owner unit and challenge
#  joined), 8 the goals panel (the challenge's goal links and the goals a linker may choose
#  from, in one query). The unread badge asks nothing when nothing is unread.
DETAIL_QUERIES = 8


def test_detail_query_count_does_not_grow(
    cast, login, make_challenge, django_assert_max_num_queries
):
    challenge = make_challenge(
        themes=list(Theme.objects.all()), responsible=[cast.employee, cast.colleague]
    )
    add_ideas(cast, challenge, 2)
    client = login(cast.fresh("employee"))
    with django_assert_max_num_queries(DETAIL_QUERIES):
        client.get(challenge.get_absolute_url())
    before = count_queries(client, challenge.get_absolute_url())
    add_ideas(cast, challenge, 20)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(challenge.get_absolute_url())
    assert response.context["idea_count"] == 11  # the restricted half is not visible
    assert count_queries(client, challenge.get_absolute_url()) == before == DETAIL_QUERIES
