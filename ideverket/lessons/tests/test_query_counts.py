"""Query budgets: lesson pages cost the same for 3 lessons as for 23.

Every full page pays for "the request": session; user with their unit; role assignments, read
only for someone who holds a role (the person's row says whether they hold any): 3 for someone
with a role, 2 for someone without; the unread badge asks nothing when nothing is unread (a stored count on the person's row).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.actions import recount_unread
from ideverket.activity.models import Notification
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson

MORE = 20


def count(client, url, params=None):
    """Queries of one GET after a warm-up GET; notifications read (the badge is measured with
    the idea pages, its cost depends on what the unread ones are about)."""
    Notification.objects.update(read_at=timezone.now())
    recount_unread()  # the stored counts too: nothing unread
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response, "\n".join(q["sql"][:200] for q in queries.captured_queries)


def lessons_on_new_ideas(cast, n, start=0):
    """`n` lessons, each on an idea of its own (so the sources really are many)."""
    for i in range(start, start + n):
        idea = new_idea(cast, title=f"Idé {i}")
        do_record_lesson(
            cast.fresh("lead"),
            subject=idea,
            title=f"Åsas lärdom {i}",
            text="Text",
            unit=cast.school if i % 2 else cast.education,
            outcome=Lesson.Outcome.WORKED,
        )


# The list, for the employee: the request (2); the department choices; the paginator's count;
# the page of lessons (unit and author joined in, visibility as subqueries); their sources, one
# query per kind of source on the page (ideas here): 6. Filtering by department looks it up
# too: 7.
@pytest.mark.parametrize(
    ("params", "expected"),
    [({}, 6), ({"q": "åsas lärdom"}, 6), ("department", 7), ({"outcome": "worked"}, 6)],
)
def test_lesson_list(cast, login, params, expected):
    if params == "department":
        params = {"department": cast.education.pk}
    lessons_on_new_ideas(cast, 3)
    client = login(cast.fresh("employee"))
    small = count(client, reverse("lessons:list"), params)
    lessons_on_new_ideas(cast, MORE, start=3)
    large = count(client, reverse("lessons:list"), params)
    assert len(large[1].context["page_obj"].object_list) > 3
    assert small[0] == large[0] == expected, large[2]


# One lesson, for the employee: the request (2); the lesson (visibility as subqueries; unit,
# department and author joined in); its source: 4.
def test_lesson_detail(cast, login):
    lessons_on_new_ideas(cast, 1)
    client = login(cast.fresh("employee"))
    assert count(client, Lesson.objects.get().get_absolute_url())[0] == 4


# The form: the request (3); the idea through its visibility (owner unit joined in); the unit
# choices: 5.
def test_lesson_form(cast, login):
    idea = idea_in_stage(cast, Stage.EVALUATED)
    client = login(cast.fresh("lead"))
    assert count(client, reverse("lessons:create", args=["ideas.idea", idea.pk]))[0] == 5
