"""Downloads of the idea list and the "waiting too long" list: the page's filters, only what
the user may see, formula-like text as text, and a cost that does not grow with the rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.challenges.actions import do_create_theme
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
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

from .builders import idea_in_stage, new_idea

LIST = reverse("ideas:list")
WAITING = reverse("ideas:waiting")
HEADERS = [
    "Id",
    "Rubrik",
    "Steg",
    "Förvaltning",
    "Enhet",
    "Utmaning",
    "Teman",
    "Synlighet",
    "Söker samarbetspartner",
    "Inskickad",
    "Senast ändrat steg",
    "Titta igen",
    "Stöd",
    "Kommentarer",
    "Länk",
]


@pytest.fixture
def restricted(cast):
    """A restricted idea of Skola Norr (Utbildningsförvaltningen): not for Olle in Hemtjänst."""
    return new_idea(cast, title="Hemlig skolidé", visibility=Idea.Visibility.RESTRICTED)


def overdue(idea):
    Idea.objects.filter(pk=idea.pk).update(
        stage_changed_at=timezone.now() - datetime.timedelta(days=400)
    )


def test_csv_and_xlsx_hold_every_filtered_row_not_just_the_page(cast, login, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 2}
    theme = do_create_theme(cast.fresh("coordinator"), name="Exporttema")
    for i in range(3):
        new_idea(cast, title=f"Skolidé {i}", themes=[theme])
    new_idea(cast, title="Hemtjänstidé", owner_unit=cast.homecare)
    client = login(cast.fresh("employee"))
    params = {"department": cast.education.pk, "sort": "newest"}
    for fmt, rows in both(client, LIST, params).items():
        assert rows[0] == HEADERS, fmt
        assert column(rows, "Rubrik") == ["Skolidé 2", "Skolidé 1", "Skolidé 0"], fmt
        first = dict(zip(rows[0], rows[1], strict=True))
        assert first["Förvaltning"] == "Utbildningsförvaltningen"
        assert first["Enhet"] == "Skola Norr"
        assert first["Teman"] == "Exporttema"
        assert first["Steg"] == "Inskickad"
        assert first["Länk"].startswith("http://testserver/")
    idea = Idea.objects.get(title="Skolidé 2")
    rows = csv_rows(get(client, LIST, "csv", params))
    assert column(rows, "Länk")[0] == f"http://testserver{idea.get_absolute_url()}"
    # Search and stage filters apply too.
    rows = csv_rows(get(client, LIST, "csv", {"q": "hemtjänst"}))
    assert column(rows, "Rubrik") == ["Hemtjänstidé"]


def test_drafts_are_never_in_the_download(cast, login):
    new_idea(cast, title="Mitt utkast", submit=False)
    rows = csv_rows(get(login(cast.fresh("employee")), LIST, "csv"))
    assert "Mitt utkast" not in column(rows, "Rubrik")


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("social_lead", False), ("employee", True), ("coordinator", True)],
)
def test_a_restricted_idea_is_only_in_the_download_of_those_who_may_see_it(
    cast, login, restricted, key, sees
):
    new_idea(cast, title="Öppen idé")
    for fmt, rows in both(login(cast.fresh(key)), LIST).items():
        titles = column(rows, "Rubrik")
        assert "Öppen idé" in titles
        assert ("Hemlig skolidé" in titles) == sees, fmt


def test_formula_like_titles_come_out_as_text(cast, login):
    new_idea(cast, title=FORMULA)
    new_idea(cast, title=PLUS_FORMULA)
    assert_formulas_are_text(login(cast.fresh("employee")), LIST)


def test_unknown_formats_give_the_normal_page(cast, login):
    new_idea(cast)
    client = login(cast.fresh("employee"))
    assert_unknown_formats_give_the_page(client, LIST)
    page = client.get(LIST, {"stage": "submitted", "format": "pdf"})
    # The links carry the valid filters, never the stray format or an invalid value.
    assert 'href="?stage=submitted&amp;format=xlsx"' in page.text
    page = client.get(LIST, {"stage": "nonsense"})
    assert 'href="?format=csv"' in page.text


# An idea download: the request (session, user with their unit; no role assignments, the
# employee holds no role); the ideas with unit, department and challenge joined in; their
# themes: 4, for 2 ideas or 30.
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_cost_of_a_download_does_not_grow_with_the_rows(cast, login, fmt):
    theme = do_create_theme(cast.fresh("coordinator"), name="Exporttema")
    client = login(cast.fresh("employee"))
    for i in range(2):
        new_idea(cast, title=f"Idé {i}", themes=[theme])
    small, response, _ = export_queries(client, LIST, fmt)
    for i in range(2, 30):
        new_idea(cast, title=f"Idé {i}", themes=[theme])
    large, response, sql = export_queries(client, LIST, fmt)
    assert small == large == 4, sql


def test_the_waiting_list_downloads_what_it_shows(cast, login, restricted):
    late = new_idea(cast, title="Bortglömd idé")
    new_idea(cast, title="Färsk idé")
    overdue(late)
    overdue(restricted)
    for fmt, rows in both(login(cast.fresh("lead")), WAITING).items():
        assert sorted(column(rows, "Rubrik")) == ["Bortglömd idé", "Hemlig skolidé"], fmt
    # The social department's lead decides over none of them; nobody else gets the list.
    assert csv_rows(get(login(cast.fresh("social_lead")), WAITING, "csv")) == [HEADERS]
    assert login(cast.fresh("outsider")).get(WAITING, {"format": "csv"}).status_code == 404
    client = login(cast.fresh("coordinator"))
    rows = csv_rows(get(client, WAITING, "csv", {"stage": Stage.IN_ASSESSMENT}))
    assert rows == [HEADERS]
    assert_unknown_formats_give_the_page(client, WAITING)


def test_waiting_list_formulas_and_cost(cast, login):
    overdue(new_idea(cast, title=FORMULA))
    overdue(new_idea(cast, title=PLUS_FORMULA))
    client = login(cast.fresh("lead"))
    assert_formulas_are_text(client, WAITING)
    small = export_queries(client, WAITING, "csv")[0]
    for i in range(10):
        overdue(idea_in_stage(cast, Stage.IN_ASSESSMENT, title=f"Sen idé {i}"))
    large, response, sql = export_queries(client, WAITING, "csv")
    assert len(csv_rows(response)) == 13
    assert small == large, sql
