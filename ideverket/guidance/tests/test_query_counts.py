"""Query budgets: each page costs the same with one page, answer or report as with many.

A logged-in request pays for the session, the user and their role assignments, which are read
only for someone who holds a role (the person's row says whether they hold any): 3 with a role,
2 without; the unread badge asks nothing when nothing is unread (a stored count on the person's row). An anonymous
visitor pays for nothing until they have a session (after answering).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.actions import recount_unread
from ideverket.activity.models import Notification
from ideverket.guidance import actions

from .builders import a_page, answers

pytestmark = pytest.mark.django_db


def count(client, url, params=None):
    # New defect reports notify the coordinator; what the unread badge costs is the activity
    # app's budget, so it is the same (none unread, stored counts too: no query) here.
    Notification.objects.update(read_at=timezone.now())
    recount_unread()
    client.get(url, params)  # warm-up: content types and other process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"][:150] for q in queries.captured_queries)


def more_pages(cast, parent, n, prefix):
    for i in range(n):
        page = a_page(cast, f"{prefix}-{i}", parent=parent if i % 2 else None)
        answers(page, 2, 1, comment="Kommentar")
        actions.do_report_defect(None, page_url=f"/{prefix}/{i}/", description="Fel")


def login(client, cast, role):
    if role != "anonymous":
        client.force_login(cast.fresh(role))
    return client


# Index: the request (3, 2 without a role, none when anonymous); the pages of the table of
# contents (1).
@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 1), ("employee", 3), ("coordinator", 4)]
)
def test_index(client, cast, role, expected):
    top = a_page(cast, "topp")
    login(client, cast, role)
    small = count(client, reverse("guidance:index"))
    more_pages(cast, top, 12, "fler")
    large = count(client, reverse("guidance:index"))
    assert small[0] == large[0] == expected, large[1]


# A page: the request (3, 2 without a role, anonymous none); the page with its parent and contact's unit (1);
# its child pages (1). An anonymous visitor who has answered also loads their session (+1).
@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 2), ("employee", 4), ("coordinator", 5)]
)
def test_page(client, cast, role, expected):
    top = a_page(cast, "topp")
    login(client, cast, role)
    url = top.get_absolute_url()
    small = count(client, url)
    more_pages(cast, top, 12, "fler")
    answers(top, 10, 5, comment="Bra")
    large = count(client, url)
    assert small[0] == large[0] == expected, large[1]


# The overview: the request (3); the pages with their yes/no counts (1): 4, for any period.
@pytest.mark.parametrize("period", ["month", "3m", "12m", "all"])
def test_feedback_overview(client, cast, period):
    top = a_page(cast, "topp")
    answers(top, 1, 0)
    login(client, cast, "coordinator")
    small = count(client, reverse("guidance:feedback_overview"), {"period": period})
    more_pages(cast, top, 12, "fler")
    large = count(client, reverse("guidance:feedback_overview"), {"period": period})
    assert small[0] == large[0] == 4, large[1]


# A page's feedback: the request (3); the page (1); the months (1); the comment count and
# the page of comments with their authors (2): 7.
def test_page_feedback(client, cast):
    top = a_page(cast, "topp")
    answers(top, 1, 1, comment="Första")
    login(client, cast, "coordinator")
    url = reverse("guidance:page_feedback", args=[top.slug])
    small = count(client, url)
    answers(top, 40, 20, comment="Fler")
    actions.do_give_feedback(cast.employee, top, helpful=True, comment="Mitt", anonymous=False)
    large = count(client, url)
    assert small[0] == large[0] == 7, large[1]


# Defect reports: the request (3); the open count (1); the count and the page of reports (2).
def test_defects(client, cast):
    report = actions.do_report_defect(None, page_url="/x/", description="Fel")
    login(client, cast, "coordinator")
    small = count(client, reverse("guidance:defects"))
    more_pages(cast, None, 30, "fler")
    actions.do_handle_defect_report(cast.coordinator, report, status="fixed", reply="Klart")
    large = count(client, reverse("guidance:defects"))
    assert small[0] == large[0] == 6, large[1]


# One report: the request (3); the report with who handled it (1); its timeline (1): 5.
def test_defect(client, cast):
    report = actions.do_report_defect(None, page_url="/x/", description="Fel")
    login(client, cast, "coordinator")
    url = reverse("guidance:defect", args=[report.pk])
    small = count(client, url)
    actions.do_handle_defect_report(cast.coordinator, report, status="fixed", reply="Klart")
    actions.do_handle_defect_report(cast.coordinator, report, status="new", reply="Igen")
    large = count(client, url)
    assert small[0] == large[0] == 5, large[1]


# The edit page: the request (3); the page (1); the parent choices (1); its timeline (1): 6.
def test_edit_page(client, cast):
    top = a_page(cast, "topp")
    login(client, cast, "coordinator")
    url = reverse("guidance:edit", args=[top.slug])
    small = count(client, url)
    more_pages(cast, top, 8, "fler")
    for n in range(5):
        actions.do_edit_guide_page(cast.coordinator, top, title=f"Rubrik {n}")
    large = count(client, url)
    assert small[0] == large[0] == 6, large[1]


# The statement: the request (2 for the employee, who holds no role; anonymous none); the
# municipality's name (1).
@pytest.mark.parametrize(("role", "expected"), [("anonymous", 1), ("employee", 3)])
def test_accessibility(client, cast, role, expected):
    login(client, cast, role)
    assert count(client, reverse("guidance:accessibility"))[0] == expected
