"""Idea search on both databases (ideverket/ideas/search.py): what each finds, and on
PostgreSQL that the query can use the GIN index."""

import pytest
from django.db import connection
from django.urls import reverse

from ideverket.ideas.models import Idea

from .builders import new_idea

LIST = reverse("ideas:list")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="LIKE search is SQLite's")


@pytest.fixture
def ideas(cast):
    titles = {
        "list": "Digital närvarolista för skolan",
        "handling": "Enklare hantering av fakturor",
        "buildings": "Gemensam bokning av fastigheter",
        "share": "Sänk kostnaden 50 % med delade_mappar",
        "about": "Om Åsa fick bestämma",
    }
    # The same plain problem and proposal for all, so only the titles differ.
    return {
        key: new_idea(cast, title=title, problem="Det tar tid.", proposal="Gör det enklare.")
        for key, title in titles.items()
    }


def found(client, query):
    response = client.get(LIST, {"q": query})
    assert response.status_code == 200
    return {idea.title for idea in response.context["page_obj"].object_list}


def titles(ideas, *keys):
    return {ideas[key].title for key in keys}


def test_on_both_databases(cast, login, ideas):
    client = login(cast.fresh("employee"))
    cases = {
        "närvarolista": {"list"},
        "NÄRVA": {"list"},  # the beginning of a word, in any case
        "åsa": {"about"},
        "Åsa om": {"about"},  # "om" is a Swedish stop word, still found
        "fakturor hantering": {"handling"},  # every word, in any order
        "fakturor skolan": set(),
        "50 %": {"share"},  # "%" is text to find, not a wildcard
        "delade_": {"share"},
        "bokning fastigheter": {"buildings"},
    }
    for query, keys in cases.items():
        assert found(client, query) == titles(ideas, *keys), query


@on_postgresql
def test_postgresql_matches_words_and_their_forms(cast, login, ideas):
    client = login(cast.fresh("employee"))
    assert found(client, "hanteringen") == titles(ideas, "handling")  # a Swedish inflection
    assert found(client, "fasti") == titles(ideas, "buildings")  # a word begun
    # Inside a word is not a match on PostgreSQL (documented in search.py).
    assert found(client, "lista") == set()


@on_sqlite
def test_sqlite_matches_text_anywhere(cast, login, ideas):
    client = login(cast.fresh("employee"))
    assert found(client, "lista") == titles(ideas, "list")
    assert found(client, "hanteringen") == set()


@on_postgresql
def test_postgresql_search_can_use_the_gin_index(ideas):
    """The query's expression is the index's: with sequential scans off, the plan reads it."""
    queryset = Idea.objects.search("hantering fakturor")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "idea_search" in plan, plan
