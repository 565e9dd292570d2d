"""Searching ideas: PostgreSQL full-text search where available, else ideverket.lib.search.

Both compare case-folded text (Idea.search_text, folded in Python on save, and the folded
query), so "åsa" finds "Åsa" on either database. What a term matches:

- SQLite: ideas whose text contains every term anywhere ("lista" finds "närvarolista"); a
  LIKE over every idea's text, as before.
- PostgreSQL: every word of the query must match a word of the idea, through a GIN index
  on a stored tsvector column (migration 0008) instead of reading every idea. A word matches its Swedish inflections
  ("hanteringen" finds "hantering", "förslagen" finds "förslag") and, typed in part, the
  words that begin with it ("närva" finds "närvarolista", "fasti" finds "fastigheter").
  Text inside a word is not found ("lista" does not find "närvarolista"). A term without
  letters or digits ("%", "50 %" → "%") is matched as text anywhere, as on SQLite.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections
from django.db.models import Q
from django.db.models.expressions import Col, Expression

from ideverket.lib import search as text_search
from ideverket.lib.text import search_terms

# Letters and digits: what PostgreSQL's parser makes words of (and no tsquery syntax).
_WORD = re.compile(r"[^\W_]+")


class StoredSearchVector(Expression):
    """The idea table's search_vector column on PostgreSQL: Swedish stems for whole words,
    plus the words as written for prefix matches ("simple" keeps every word, also the stop
    words the Swedish configuration drops). PostgreSQL generates it from search_text and
    indexes it with GIN (migration 0008); it is no model field, since SQLite has no such
    column, so it is resolved here to the column of the query's idea table."""

    def resolve_expression(self, query=None, *args, **kwargs):
        column = SearchVectorField()
        column.set_attributes_from_name("search_vector")
        return Col(query.get_initial_alias(), column)


def _word_query(word):
    """`word` as a Swedish stem, or as the beginning of a word."""
    return SearchQuery(f"'{word}'", search_type="raw", config="swedish") | SearchQuery(
        f"'{word}':*", search_type="raw", config="simple"
    )


def search_ideas(queryset, query):
    """Filter an Idea queryset to the ideas matching every term of `query` (see above)."""
    if connections[queryset.db].vendor != "postgresql":
        return text_search.search(queryset, query)
    terms = search_terms(query or "")
    words = [word for term in terms for word in _WORD.findall(term)]
    condition = Q()
    for term in terms:
        if not _WORD.search(term):
            condition &= Q(search_text__contains=term)
    if words:
        tsquery = _word_query(words[0])
        for word in words[1:]:
            tsquery &= _word_query(word)
        queryset = queryset.alias(search_vector=StoredSearchVector())
        condition &= Q(search_vector=tsquery)
    return queryset.filter(condition)
