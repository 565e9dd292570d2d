"""Django's database sessions, read with a statement written once instead of a query built
and compiled by the ORM on every request (about a millisecond of Python each time for a
lookup by primary key; docs/performance.md). Writing, expiry and everything else are Django's
own: settings.SESSION_ENGINE names this module."""

import functools

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


@functools.cache
def _statement(model, alias):
    quote = connections[alias].ops.quote_name
    meta = model._meta
    return (
        f"SELECT {quote(meta.get_field('session_data').column)} FROM {quote(meta.db_table)} "
        f"WHERE {quote(meta.get_field('session_key').column)} = %s "
        f"AND {quote(meta.get_field('expire_date').column)} > %s"
    )


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """The stored session when it exists and has not expired (the model with its key and
        data: what load() reads), else None with the key dropped, as Django's own does."""
        model = self.model
        connection = connections[router.db_for_read(model)]
        # The expiry compared as the ORM would write it (a string on SQLite).
        now = model._meta.get_field("expire_date").get_db_prep_value(timezone.now(), connection)
        with connection.cursor() as cursor:
            cursor.execute(_statement(model, connection.alias), [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
