"""On PostgreSQL, the search vector as a stored generated column with a GIN index on it.

0007 indexed the expression, but a query that reads ideas in date order (the list's page, the
first 1,001 matches) then computes to_tsvector twice per row it looks at: about 40 ms for
1,001 rows. A stored column makes that check cheap. PostgreSQL keeps the column up to date
itself; it is not a model field, since SQLite has no tsvector (search.py names it directly).
Changing the type of search_text later needs this column dropped first.
"""

from django.db import migrations

VECTOR = "to_tsvector('swedish'::regconfig, search_text) || to_tsvector('simple'::regconfig, search_text)"


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS idea_search")
    schema_editor.execute(
        f"ALTER TABLE ideas_idea ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute("CREATE INDEX idea_search ON ideas_idea USING gin (search_vector)")


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS idea_search")
    schema_editor.execute("ALTER TABLE ideas_idea DROP COLUMN search_vector")
    # 0007's expression index, as it was.
    schema_editor.execute(
        "CREATE INDEX idea_search ON ideas_idea USING gin (("
        "to_tsvector('swedish'::regconfig, COALESCE(search_text, ''))"
        " || to_tsvector('simple'::regconfig, COALESCE(search_text, ''))))"
    )


class Migration(migrations.Migration):
    dependencies = [("ideas", "0007_idea_search_gin_postgresql")]

    operations = [migrations.RunPython(add_column, drop_column, elidable=False)]
