"""Pages of a long idea list without counting every matching row on each page view.

Counting 100,000 visible ideas per request costs more than the page itself, so the count stops
at COUNT_BOUND: up to it the page shows the exact number ("734 idéer", "Sida 3 av 30"); beyond
it "Fler än 1 000 idéer" and "Sida 3". Föregående/Nästa links work without JavaScript at any
depth: a page reads one row more than it shows to know whether a next page exists.
"""

import math
from dataclasses import dataclass

from django.db import connections
from django.utils.formats import number_format

COUNT_BOUND = 1000


@dataclass
class BoundedPage:
    """One page of a list, with the list's count when it is at most COUNT_BOUND."""

    object_list: list
    number: int
    per_page: int
    has_next: bool
    # Exact when count_is_exact; otherwise COUNT_BOUND + 1 ("more than COUNT_BOUND").
    count: int
    bound: int = COUNT_BOUND

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def count_is_exact(self):
        return self.count <= self.bound

    @property
    def bound_display(self):
        return number_format(self.bound, force_grouping=True)

    @property
    def num_pages(self):
        """The number of pages when the count is exact, else None."""
        return max(1, math.ceil(self.count / self.per_page)) if self.count_is_exact else None

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def _page_number(value):
    """The requested page, 1 for anything that is not a small positive number."""
    text = str(value or "")
    if text.isascii() and text.isdigit() and len(text) <= 9:
        return max(1, int(text))
    return 1


def _any_order(queryset):
    """`queryset` in the order cheapest to read. PostgreSQL: none. SQLite: by id, the table's
    own order; unordered, it reads a partial index of the list's orders (models.py) row by
    row, far slower than the table when a search word is rare."""
    if connections[queryset.db].vendor == "sqlite":
        return queryset.order_by("pk")
    return queryset.order_by()


def bounded_page(queryset, page, per_page, bound=None):
    """Page `page` of the ordered `queryset`, in two queries at any size:

    1. the ids of the first bound + 1 matches (the database stops there): the count, exact
       up to the bound;
    2. the page's rows (one more than shown, for Nästa). Up to the bound only those ids are
       sorted, so a rare search word never walks every idea in date order; beyond it the
       order's index is read until the page is full.

    A page past the end shows the last page when the count is exact, else the first."""
    bound = COUNT_BOUND if bound is None else bound
    number = _page_number(page)
    ids = list(_any_order(queryset).values_list("pk", flat=True)[: bound + 1])
    count = len(ids)
    if count <= bound:
        queryset = queryset.filter(pk__in=ids)
        number = min(number, max(1, math.ceil(count / per_page)))
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])
    if not rows and number > 1:
        number, rows = 1, list(queryset[: per_page + 1])
    return BoundedPage(rows[:per_page], number, per_page, len(rows) > per_page, count, bound)
