"""Downloads of the project list: the page's search and filters, only projects the user may
see, formula-like text as text, and a cost that does not grow with the rows."""

import pytest
from django.urls import reverse

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

LIST = reverse("projects:list")


def test_csv_and_xlsx_hold_the_filtered_rows(cast, login, make_project, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 1}
    first = make_project("Heltid som norm", invite=True, budget_kronor=250000)
    make_project("Läsfrämjande")
    make_project("Trygg hemgång", lead_unit=cast.social, by=cast.fresh("social_lead"))
    client = login(cast.fresh("employee"))
    params = {"department": cast.education.pk}
    for fmt, rows in both(client, LIST, params).items():
        assert sorted(column(rows, "Namn")) == ["Heltid som norm", "Läsfrämjande"], fmt
        values = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
        heltid = values["Heltid som norm"]
        assert heltid["Leds av"] == heltid["Förvaltning"] == "Utbildningsförvaltningen"
        assert (
            heltid["Deltagande enheter"]
            == "Socialförvaltningen (inbjuden), HR (partner) (inbjuden)"
        )
        assert str(heltid["Budget (kronor)"]) == "250000"
        assert heltid["Länk"] == f"http://testserver{first.get_absolute_url()}"
    rows = csv_rows(get(client, LIST, "csv", {"q": "hemgång"}))
    assert column(rows, "Namn") == ["Trygg hemgång"]


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("employee", True), ("hr_person", True), ("coordinator", True)],
)
def test_a_restricted_project_is_only_for_those_who_may_see_it(
    cast, login, make_project, restricted_project, key, sees
):
    make_project("Öppet projekt")
    for fmt, rows in both(login(cast.fresh(key)), LIST).items():
        names = column(rows, "Namn")
        assert "Öppet projekt" in names
        assert ("Hemligt projekt" in names) == sees, fmt


def test_formula_like_titles_come_out_as_text(cast, login, make_project):
    make_project(FORMULA)
    make_project(PLUS_FORMULA)
    client = login(cast.fresh("employee"))
    assert_formulas_are_text(client, LIST)
    assert_unknown_formats_give_the_page(client, LIST)


# A project download: the request (session, user with their unit; no role assignments, the
# employee holds no role); the projects (lead unit and department joined in, visibility and flag
# in the statement); the units taking part: 4, for 1 project or 8.
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login, make_project):
    make_project("Projekt 0", invite=True)
    client = login(cast.fresh("employee"))
    small = export_queries(client, LIST, "xlsx")[0]
    for i in range(1, 8):
        make_project(f"Projekt {i}", invite=i % 2 == 0)
    large, response, sql = export_queries(client, LIST, "csv")
    assert len(csv_rows(get(client, LIST, "csv"))) == 9
    assert small == large == 4, sql


PARTNER = reverse("projects:partner")


def test_the_partner_page_downloads_the_invitations_it_lists(
    cast, login, make_project, restricted_project
):
    make_project("Heltid som norm", invite=True)
    make_project(FORMULA, invite=True)
    make_project(PLUS_FORMULA, invite=True)
    client = login(cast.fresh("hr_person"))
    for fmt, rows in both(client, PARTNER).items():
        names = column(rows, "Projekt")
        assert len(names) == 4, fmt
        assert {"Heltid som norm", "Hemligt projekt"} <= set(names), fmt
        assert set(column(rows, "Enhet")) == {"HR"}
        assert set(column(rows, "Svar")) == {"Inbjuden"}
    assert_formulas_are_text(client, PARTNER)
    assert_unknown_formats_give_the_page(client, PARTNER)
    # Olle in Hemtjänst Öst sees Socialförvaltningen's invitations to the open projects, and
    # nothing of the restricted one (Socialförvaltningen is not asked into it).
    rows = csv_rows(get(login(cast.fresh("outsider")), PARTNER, "csv"))
    assert len(column(rows, "Projekt")) == 3
    assert "Hemligt projekt" not in column(rows, "Projekt")
    assert set(column(rows, "Enhet")) == {"Socialförvaltningen"}


# The partner download: the request (session, user with their unit; no role assignments, the
# HR person holds no role); the invitations with project, lead unit, unit and inviter joined
# in: 3, for 1 or 6 invitations.
def test_the_partner_download_costs_the_same_for_more_rows(cast, login, make_project):
    make_project("Projekt 0", invite=True)
    client = login(cast.fresh("hr_person"))
    small = export_queries(client, PARTNER, "csv")[0]
    for i in range(1, 6):
        make_project(f"Projekt {i}", invite=True)
    large, response, sql = export_queries(client, PARTNER, "xlsx")
    assert len(csv_rows(get(client, PARTNER, "csv"))) == 7
    assert small == large == 3, sql
