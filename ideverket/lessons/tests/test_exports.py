"""Downloads of the lesson list: the page's search and filters, only lessons whose source the
user may see, formula-like text as text, and a cost that does not grow with the rows (nor
with the trials among the sources, whose titles read their idea)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.ideas.models import Idea
from ideverket.ideas.tests.builders import new_idea
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson
from ideverket.lib.tests.export_helpers import (
    FORMULA,
    PLUS_FORMULA,
    assert_formulas_are_text,
    assert_unknown_formats_give_the_page,
    both,
    column,
    csv_rows,
    export_queries,
    get,
)
from ideverket.trials.tests.builders import trial_for

LIST = reverse("lessons:list")


def lesson(cast, subject, title, outcome=Lesson.Outcome.WORKED, unit=None):
    return do_record_lesson(
        cast.fresh("lead"),
        subject=subject,
        title=title,
        text="Börja smått.",
        unit=unit or cast.school,
        outcome=outcome,
    )


def test_csv_and_xlsx_hold_the_filtered_rows(cast, login, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 1}
    idea = new_idea(cast, title="Närvaroappen")
    trial = trial_for(cast, title="Testad idé")
    lesson(cast, idea, "Det gick bra")
    lesson(cast, trial, "Det gick också bra")
    lesson(cast, idea, "Det gick inte", outcome=Lesson.Outcome.DID_NOT_WORK)
    client = login(cast.fresh("employee"))
    for fmt, rows in both(client, LIST, {"outcome": "worked"}).items():
        assert sorted(column(rows, "Rubrik")) == ["Det gick bra", "Det gick också bra"], fmt
        values = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
        from_trial = values["Det gick också bra"]
        assert from_trial["Från"] == "Test: Testad idé"
        assert from_trial["Länk till källan"] == f"http://testserver{trial.get_absolute_url()}"
        assert from_trial["Förvaltning"] == "Utbildningsförvaltningen"
        assert from_trial["Enhet"] == "Skola Norr"
        assert from_trial["Skriven av"] == "Lena Ledare"
        assert from_trial["Hur gick det?"] == "Det fungerade"
    rows = csv_rows(get(client, LIST, "csv", {"q": "inte"}))
    assert column(rows, "Rubrik") == ["Det gick inte"]


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("social_lead", False), ("employee", True), ("coordinator", True)],
)
def test_a_restricted_ideas_lessons_are_only_for_those_who_may_see_it(cast, login, key, sees):
    lesson(cast, new_idea(cast, title="Öppen"), "Öppen lärdom")
    hidden = new_idea(cast, title="Hemlig", visibility=Idea.Visibility.RESTRICTED)
    lesson(cast, hidden, "Hemlig lärdom")
    lesson(
        cast,
        trial_for(cast, title="Hemligt test", visibility=Idea.Visibility.RESTRICTED),
        "Hemlig testlärdom",
    )
    for fmt, rows in both(login(cast.fresh(key)), LIST).items():
        titles = column(rows, "Rubrik")
        assert "Öppen lärdom" in titles
        assert ("Hemlig lärdom" in titles) == sees, fmt
        assert ("Hemlig testlärdom" in titles) == sees, fmt
        assert ("Hemlig" in column(rows, "Från")) == sees, fmt


def test_formula_like_titles_come_out_as_text(cast, login):
    idea = new_idea(cast)
    lesson(cast, idea, FORMULA)
    lesson(cast, idea, PLUS_FORMULA)
    client = login(cast.fresh("employee"))
    assert_formulas_are_text(client, LIST)
    assert_unknown_formats_give_the_page(client, LIST)


# A lesson download: the request (session, user with their unit; no role assignments, the
# employee holds no role); the lessons (unit, department and author joined in, visibility as
# subqueries); their sources, one query per kind (ideas, trials with their idea joined in): 5,
# for 2 lessons or 10.
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login):
    lesson(cast, new_idea(cast, title="Idé 0"), "Lärdom 0")
    lesson(cast, trial_for(cast, title="Test 0"), "Testlärdom 0")
    client = login(cast.fresh("employee"))
    small = export_queries(client, LIST, "csv")[0]
    page_small = _page_queries(client)
    for i in range(1, 5):
        lesson(cast, new_idea(cast, title=f"Idé {i}"), f"Lärdom {i}")
        lesson(cast, trial_for(cast, title=f"Test {i}"), f"Testlärdom {i}")
    large, response, sql = export_queries(client, LIST, "xlsx")
    assert len(csv_rows(get(client, LIST, "csv"))) == 11
    assert small == large == 5, sql
    # The page shares the source prefetch: a trial's title no longer costs a query each.
    assert _page_queries(client) == page_small


def _page_queries(client):
    """Queries of the list page (notifications read: the badge's cost is measured elsewhere)."""
    Notification.objects.update(read_at=timezone.now())
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)
