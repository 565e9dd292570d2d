"""Downloads of the challenge list: the page's search and filters, idea counts of only the
ideas the user may see, formula-like text as text, and a cost that does not grow with the rows.
"""

import pytest
from django.urls import reverse

from ideverket.challenges.actions import do_create_theme
from ideverket.challenges.models import Challenge
from ideverket.ideas.models import Idea
from ideverket.ideas.tests.builders import new_idea
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

LIST = reverse("challenges:list")


def test_csv_and_xlsx_hold_the_filtered_rows(cast, login, make_challenge, close, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 1}
    theme = do_create_theme(cast.fresh("coordinator"), name="Exporttema")
    queues = make_challenge("Kortare köer", step=Challenge.Step.IDEATE, themes=[theme])
    make_challenge("Färre papper", step=Challenge.Step.IDEATE)
    make_challenge("Bättre schema", step=Challenge.Step.FRAME)
    close(make_challenge("Stängd utmaning", step=Challenge.Step.IDEATE))
    new_idea(cast, title="Kö-appen", challenge=queues)
    client = login(cast.fresh("employee"))
    for fmt, rows in both(client, LIST, {"step": Challenge.Step.IDEATE}).items():
        assert sorted(column(rows, "Rubrik")) == ["Färre papper", "Kortare köer"], fmt
        values = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
        row = values["Kortare köer"]
        assert row["Steg"] == "Ta fram idéer"
        assert row["Förvaltning"] == "Utbildningsförvaltningen"
        assert row["Ägande enhet"] == "Skola Norr"
        assert row["Teman"] == "Exporttema"
        assert str(row["Idéer"]) == "1"
        assert row["Länk"] == f"http://testserver{queues.get_absolute_url()}"
    rows = csv_rows(get(client, LIST, "csv", {"status": "closed"}))
    assert column(rows, "Rubrik") == ["Stängd utmaning"]


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("social_lead", False), ("employee", True), ("coordinator", True)],
)
def test_a_restricted_idea_counts_only_for_those_who_may_see_it(
    cast, login, make_challenge, key, sees
):
    challenge = make_challenge("Kortare köer")
    new_idea(cast, title="Öppen", challenge=challenge)
    new_idea(cast, title="Hemlig", challenge=challenge, visibility=Idea.Visibility.RESTRICTED)
    for fmt, rows in both(login(cast.fresh(key)), LIST).items():
        assert [str(count) for count in column(rows, "Idéer")] == ["2" if sees else "1"], fmt


def test_formula_like_titles_come_out_as_text(cast, login, make_challenge):
    make_challenge(FORMULA)
    make_challenge(PLUS_FORMULA)
    client = login(cast.fresh("employee"))
    assert_formulas_are_text(client, LIST)
    assert_unknown_formats_give_the_page(client, LIST)


# A challenge download: the request (session, user with their unit; no role assignments, the
# employee holds no role); the challenges (owner unit and department joined in, idea count as a
# subquery); their themes: 4, for 1 challenge or 8.
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login, make_challenge):
    theme = do_create_theme(cast.fresh("coordinator"), name="Exporttema")
    make_challenge("Utmaning 0", themes=[theme])
    client = login(cast.fresh("employee"))
    small = export_queries(client, LIST, "xlsx")[0]
    for i in range(1, 8):
        challenge = make_challenge(f"Utmaning {i}", themes=[theme])
        new_idea(cast, title=f"Idé {i}", challenge=challenge)
    large, response, sql = export_queries(client, LIST, "csv")
    assert len(csv_rows(get(client, LIST, "csv"))) == 9
    assert small == large == 4, sql
