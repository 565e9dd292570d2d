"""Downloads of the trial list: the page's filters, only trials of ideas the user may see,
formula-like text as text, and a cost that does not grow with the rows."""

import pytest
from django.urls import reverse

from ideverket.ideas.models import Idea
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

from .builders import evaluated_trial, trial_for

LIST = reverse("trials:list")


def test_csv_and_xlsx_hold_the_filtered_rows(cast, login, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 1}
    trial_for(cast, title="Pågående test A")
    trial_for(cast, title="Pågående test B")
    done = evaluated_trial(cast, title="Utvärderat test")
    client = login(cast.fresh("employee"))
    for fmt, rows in both(client, LIST, {"status": "open"}).items():
        assert sorted(column(rows, "Idé")) == ["Pågående test A", "Pågående test B"], fmt
    for rows in both(client, LIST, {"status": "evaluated"}).values():
        (row,) = rows[1:]
        values = dict(zip(rows[0], row, strict=True))
        assert values["Idé"] == "Utvärderat test"
        assert values["Status"] == "Utvärderat"
        assert values["Förvaltning"] == "Utbildningsförvaltningen"
        assert values["Enhet"] == "Skola Norr"
        assert values["Mottagande enhet"] == "Skola Norr"
        assert values["Ansvarig"] == "Maja Chef"
        assert str(values["Kriterier"]) == str(values["Kriterier uppfyllda"]) == "2"
        assert values["Länk"] == f"http://testserver{done.get_absolute_url()}"


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("hr_person", False), ("employee", True), ("coordinator", True)],
)
def test_a_restricted_ideas_trial_is_only_in_the_download_of_those_who_may_see_it(
    cast, login, key, sees
):
    trial_for(cast, title="Öppet test")
    trial_for(cast, title="Hemligt test", visibility=Idea.Visibility.RESTRICTED)
    for fmt, rows in both(login(cast.fresh(key)), LIST).items():
        titles = column(rows, "Idé")
        assert "Öppet test" in titles
        assert ("Hemligt test" in titles) == sees, fmt


def test_formula_like_titles_come_out_as_text(cast, login):
    trial_for(cast, title=FORMULA)
    trial_for(cast, title=PLUS_FORMULA)
    client = login(cast.fresh("employee"))
    assert_formulas_are_text(client, LIST)
    assert_unknown_formats_give_the_page(client, LIST)


# A trial download: the request (session, user with their unit; no role assignments, the
# employee holds no role); the trials with idea, unit, department, owner and commitment joined
# in, criteria counted as subqueries: 3, for 1 trial or 6.
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login):
    trial_for(cast, title="Test 0")
    client = login(cast.fresh("employee"))
    small = export_queries(client, LIST, "xlsx")[0]
    for i in range(1, 6):
        trial_for(cast, title=f"Test {i}")
    large, response, sql = export_queries(client, LIST, "csv")
    assert len(csv_rows(get(client, LIST, "csv"))) == 7
    assert small == large == 3, sql
