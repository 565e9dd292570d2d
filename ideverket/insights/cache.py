"""Figures computed once per viewer and filters, then served from the cache for a few minutes.

The insights page and the follow-up report add up every idea, decision and person in the
municipality: seconds of database work at 100,000 ideas. They are computed at most once per
FRESH_FOR for the same viewer, filters and language, kept in the "figures" cache (Django's
database cache, so both server processes share it), and the page says when they were computed.
A change shows no later than FRESH_FOR after it was made.

The key holds the viewer's own id and everything their visibility is decided by (unit and
roles), so figures computed over one person's visible items are never shown to anyone else, and
a new role or unit takes effect at once instead of after FRESH_FOR.
"""

import datetime
import hashlib
from typing import NamedTuple

from django.core.cache import caches
from django.utils import translation

from ideverket.lib.kept import FRESH_FOR, kept, visibility_key

CACHE = "figures"
__all__ = ["FRESH_FOR", "cached", "clear", "pk_of"]


def pk_of(instance):
    """A chosen filter value as it goes into a key: its id, or None."""
    return None if instance is None else instance.pk


def _key(kind, user, params):
    raw = repr((kind, visibility_key(user), translation.get_language(), params))
    return f"insights:{kind}:{hashlib.sha256(raw.encode()).hexdigest()}"


class Cached(NamedTuple):
    value: object
    computed_at: datetime.datetime
    key: str  # this viewer's, these filters' and this computation's own: for rendered HTML

    @property
    def fragment_key(self):
        return f"{self.key}:{self.computed_at.timestamp()}"


def cached(kind, user, params, compute):
    """(value, computed_at, key): the value `compute()` gave for this viewer and `params` at most
    FRESH_FOR ago, or a new one. `params` must identify the filters (ids and dates, no objects).

    Queries: one cache read; after a miss also `compute`'s own and the cache write (3).
    """
    key = _key(kind, user, params)
    return Cached(*kept(caches[CACHE], key, compute), key)


def clear():
    """Forget every cached figure (tests; after a bulk import if one wants them at once)."""
    caches[CACHE].clear()
