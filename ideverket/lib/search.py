"""Free-text search over a denormalised, case-folded `search_text` column.

Both databases compare the case-folded query with text case-folded in Python on save, so
"åsa" finds "Åsa" on SQLite (whose LIKE folds ASCII only) and PostgreSQL alike. LIKE
wildcards typed by the user (%, _, \\) are escaped by Django's `contains` lookup.
"""

from django.db.models import Q

from .text import search_terms


def search(queryset, query, field="search_text"):
    """Filter `queryset` to rows whose `field` contains every term of `query`."""
    terms = search_terms(query or "")
    if not terms:
        return queryset
    condition = Q()
    for term in terms:
        condition &= Q(**{f"{field}__contains": term})
    return queryset.filter(condition)
