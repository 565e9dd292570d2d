"""Short lists that ride along in another query's row, as JSON arrays built by the database.

A page that shows an object with several short lists (a department's goals and challenges, a
project's team, milestones and reports) reads the object and every list in one query:
`json_list(...)` is a correlated subquery whose value is the rows as a JSON array of objects
(json_group_array on SQLite, json_agg on PostgreSQL), and `rows`, `date` and `moment` turn the
JSON back into Python values on both databases.
"""

import datetime
import json

from django.db.models import Aggregate, Subquery, TextField
from django.db.models.functions import JSONObject


class JSONList(Aggregate):
    """The grouped values as one JSON array, returned as text (json_group_array on SQLite,
    json_agg on PostgreSQL): a short list rides along in another query's row."""

    function = "JSON_GROUP_ARRAY"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="JSON_AGG",
            template="%(function)s(%(expressions)s)::text",
            **extra_context,
        )


def json_list(queryset, group, **fields):
    """A correlated subquery: the rows of `queryset` as a JSON array of objects of `fields`."""
    return Subquery(
        queryset.order_by()
        .values(group)
        .annotate(items=JSONList(JSONObject(**fields)))
        .values("items")
    )


def rows(text):
    """The list a json_list annotation carried ([] when there were no rows)."""
    return json.loads(text) if text else []


def date(value):
    """A date from JSON (ISO text, possibly with a time), or None."""
    return datetime.date.fromisoformat(value[:10]) if value else None


def moment(value):
    """A timestamp from JSON, ISO with an offset (PostgreSQL) or naive UTC text (SQLite), or
    None."""
    if not value:
        return None
    moment = datetime.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
