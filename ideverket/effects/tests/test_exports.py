"""Downloads of the effect sums: one row per group and kind and each kind's total, with the
page's filters, summing only effects the user may see, formula-like names as text, and one
grouped query however many effects there are."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ideverket.effects.models import Effect
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea
from ideverket.lib.tests.export_helpers import (
    FORMULA,
    PLUS_FORMULA,
    assert_formulas_are_text,
    assert_unknown_formats_give_the_page,
    both,
    csv_rows,
    export_queries,
    get,
    xlsx_rows,
)
from ideverket.org.actions import do_create_unit

from .builders import hours_effect, measure

SUMS = reverse("effects:sums")
HEADERS = [
    "Förvaltning",
    "Slag av effekt",
    "Måttenhet",
    "Effekter",
    "Varav uppmätta",
    "Förväntad",
    "Realiserad",
    "Andel (procent)",
]


@pytest.fixture
def restricted(cast):
    """A restricted trial idea of Skola Norr with 777 hours expected, 333 realised."""
    idea = idea_in_stage(cast, Stage.TRIAL, visibility=Idea.Visibility.RESTRICTED)
    measure(cast, hours_effect(cast, idea, target=Decimal("1777")), "1333")
    return idea


def number(value):
    """A CSV (decimal comma) or XLSX number as a Decimal, whatever the database's scale."""
    if value in (None, ""):
        return None
    return Decimal(str(value).replace(",", "."))


def by_group(rows):
    """{(group, kind): [unit of measure, numbers…]} with the numbers as Decimals."""
    return {(row[0], row[1]): [row[2], *map(number, row[3:])] for row in rows[1:]}


def test_csv_and_xlsx_hold_the_rows_of_the_tables(cast, login):
    idea = new_idea(cast)
    measure(cast, hours_effect(cast, idea), "1100.5")
    hours_effect(cast, idea, kind=Effect.Kind.KRONOR_PER_YEAR, baseline=None, target=5000)
    client = login(cast.fresh("employee"))
    rows = csv_rows(get(client, SUMS, "csv"))
    assert rows[0] == HEADERS
    groups = by_group(rows)
    assert groups[("Utbildningsförvaltningen", "Timmar per år")] == [
        "timmar per år",
        1,
        1,
        400,
        Decimal("100.5"),
        25,
    ]
    # Swedish Excel reads a decimal comma.
    assert rows[1][6].startswith("100,5")
    assert ("Alla förvaltningar", "Timmar per år") in groups
    assert ("Alla förvaltningar", "Kronor per år") in groups
    xlsx = xlsx_rows(get(client, SUMS, "xlsx"))
    assert xlsx[0] == HEADERS
    assert by_group(xlsx)[("Utbildningsförvaltningen", "Timmar per år")] == [
        "timmar per år",
        1,
        1,
        400,
        Decimal("100.5"),
        25,
    ]
    # The filters apply: one kind; one department's units.
    rows = csv_rows(get(client, SUMS, "csv", {"kind": Effect.Kind.KRONOR_PER_YEAR}))
    assert {row[1] for row in rows[1:]} == {"Kronor per år"}
    rows = csv_rows(get(client, SUMS, "csv", {"department": cast.education.pk}))
    assert rows[0][0] == "Enhet"
    assert {row[0] for row in rows[1:]} == {"Skola Norr", "Hela förvaltningen"}


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("social_lead", False), ("employee", True), ("coordinator", True)],
)
def test_a_restricted_ideas_effects_count_only_for_those_who_may_see_it(
    cast, login, restricted, key, sees
):
    hours_effect(cast, new_idea(cast, title="Öppen idé"), target=Decimal("1100"))
    for fmt, rows in both(login(cast.fresh(key)), SUMS).items():
        total = by_group(rows)[("Alla förvaltningar", "Timmar per år")]
        assert total[1] == (2 if sees else 1), fmt
        assert total[3] == (877 if sees else 100), fmt


def test_formula_like_names_come_out_as_text(cast, login):
    for name in (FORMULA, PLUS_FORMULA):
        department = do_create_unit(None, name=name, parent=cast.kommun)
        hours_effect(cast, new_idea(cast, title=name), unit=department)
    client = login(cast.fresh("coordinator"))
    assert_formulas_are_text(client, SUMS)
    assert_unknown_formats_give_the_page(client, SUMS)


def test_the_page_offers_the_download_with_its_filters(cast, login):
    hours_effect(cast, new_idea(cast))
    page = login(cast.fresh("employee")).get(SUMS, {"kind": "hours_per_year", "format": "x"})
    assert 'href="?kind=hours_per_year&amp;format=csv"' in page.text


# The sums download: the request (session, user with their unit; no role assignments, the
# employee holds no role); the grouped sums (visibility and the latest measurement as
# subqueries): 3, for 1 effect or 12.
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login):
    hours_effect(cast, new_idea(cast))
    client = login(cast.fresh("employee"))
    small = export_queries(client, SUMS, "csv")[0]
    for i in range(11):
        effect = hours_effect(
            cast, new_idea(cast, title=f"Idé {i}"), kind=Effect.Kind.values[i % 3]
        )
        measure(cast, effect, "1200")
    large, response, sql = export_queries(client, SUMS, "xlsx")
    assert small == large == 3, sql
