"""Downloads of the implementation list: the page's filters, only implementations of ideas the
user may see, formula-like text as text, and a cost that does not grow with the rows."""

import datetime

import pytest
from django.urls import reverse

from ideverket.ideas.models import Idea
from ideverket.implementation import actions
from ideverket.implementation.models import Implementation
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
from ideverket.trials.tests.builders import implementing_idea

LIST = reverse("implementation:list")


def hand_over(cast, implementation):
    actions.do_handover(
        cast.fresh("manager"),
        Implementation.objects.get(pk=implementation.pk),
        line_owner=cast.inspirer,
        line_unit=cast.school,
        runs_from=implementation.starts_on,
        follow_up_dates=[implementation.starts_on + datetime.timedelta(days=365)],
        note="Skolan driver det.",
    )


def test_csv_and_xlsx_hold_the_filtered_rows(cast, login, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 1}
    implementing_idea(cast, title="Införs A")
    implementing_idea(cast, title="Införs B")
    done = implementing_idea(cast, title="Överlämnat")
    hand_over(cast, done)
    client = login(cast.fresh("employee"))
    for fmt, rows in both(client, LIST, {"status": "active"}).items():
        assert sorted(column(rows, "Idé")) == ["Införs A", "Införs B"], fmt
    for rows in both(client, LIST, {"status": "handed_over"}).values():
        (row,) = rows[1:]
        values = dict(zip(rows[0], row, strict=True))
        assert values["Idé"] == "Överlämnat"
        assert values["Status"] == "Överlämnad till linjen"
        assert values["Förvaltning"] == "Utbildningsförvaltningen"
        assert values["Drivs av"] == "Skola Norr"
        assert values["Ansvarig"] == "Maja Chef"
        assert values["Länk"] == f"http://testserver{done.get_absolute_url()}"


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("social_lead", False), ("employee", True), ("coordinator", True)],
)
def test_a_restricted_ideas_implementation_is_only_for_those_who_may_see_it(cast, login, key, sees):
    implementing_idea(cast, title="Öppet införande")
    implementing_idea(cast, title="Hemligt införande", visibility=Idea.Visibility.RESTRICTED)
    for fmt, rows in both(login(cast.fresh(key)), LIST).items():
        titles = column(rows, "Idé")
        assert "Öppet införande" in titles
        assert ("Hemligt införande" in titles) == sees, fmt


def test_formula_like_titles_come_out_as_text(cast, login):
    implementing_idea(cast, title=FORMULA)
    implementing_idea(cast, title=PLUS_FORMULA)
    client = login(cast.fresh("employee"))
    assert_formulas_are_text(client, LIST)
    assert_unknown_formats_give_the_page(client, LIST)


# An implementation download: the request (session, user with their unit; no role assignments,
# the employee holds no role); the implementations with idea, unit, department, owner, receiving
# unit and handover joined in, progress and milestones as subqueries: 3, for 1 implementation
# or 4.
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login):
    implementing_idea(cast, title="Införande 0")
    client = login(cast.fresh("employee"))
    small = export_queries(client, LIST, "xlsx")[0]
    for i in range(1, 4):
        hand_over(cast, implementing_idea(cast, title=f"Införande {i}"))
    large, response, sql = export_queries(client, LIST, "csv")
    assert len(csv_rows(get(client, LIST, "csv"))) == 5
    assert small == large == 3, sql
