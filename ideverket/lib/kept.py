"""Figures kept for a few minutes: computed once, served from a cache, with the time they were
computed so a page can say it ("Siffrorna beräknades kl. 15.02").

The insights, the follow-up report and the department overview add up every idea in scope:
seconds of database work in a large municipality. They keep what they computed for FRESH_FOR,
keyed on everything the result depends on; a key for figures over one person's visible items
holds `visibility_key(user)`, so no one is ever shown figures computed for someone else.
"""

import datetime

from django.utils import timezone

FRESH_FOR = datetime.timedelta(minutes=5)
# As the pages say it: "Ändringar syns inom 5 minuter."
FRESH_MINUTES = int(FRESH_FOR.total_seconds() // 60)


def visibility_key(user):
    """Who is looking, as far as visibility goes: the person, their unit and their roles."""
    roles = sorted((a.role, a.unit_id) for a in user.role_assignments)
    return (user.pk, user.unit_id, tuple(roles))


def kept(cache, key, compute, fresh_for=FRESH_FOR):
    """(value, computed_at): what `compute()` gave at most `fresh_for` ago under `key` in
    `cache`, or a new value, stored with the time it was computed."""
    found = cache.get(key)
    if found is None:
        found = (compute(), timezone.now())
        cache.set(key, found, fresh_for.total_seconds())
    return found
