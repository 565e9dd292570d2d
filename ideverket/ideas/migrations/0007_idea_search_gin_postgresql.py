"""A GIN index for idea search on PostgreSQL (ideverket/ideas/search.py); nothing on SQLite.

(Replaced by a stored column and its index in 0008.) It is not in Idea.Meta.indexes because SQLite has neither GIN nor to_tsvector: SQLite would
fail to create it, also whenever it rebuilds the table for a later migration. So it lives in
the database only, created here from the same expression the search queries use.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "idea_search"


def _index():
    vector = SearchVector("search_text", config="swedish") + SearchVector(
        "search_text", config="simple"
    )
    return GinIndex(vector, name=INDEX_NAME)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("ideas", "Idea"), _index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("ideas", "Idea"), _index())


class Migration(migrations.Migration):
    dependencies = [("ideas", "0006_idea_department_figures_index")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
