"""The words of the search index, for matching a query word inside longer words (compounds,
search.backend): on PostgreSQL a table of the index's words (lower case, not stemmed),
filled here from the index and kept by the backend as it indexes; on SQLite a view of FTS5's
own vocabulary."""

from django.db import migrations

WORDS = "home_search_word"
VOCABULARY = "wagtailsearch_indexentry_fts_vocab"
INDEX_TABLE = "wagtailsearch_indexentry"


def create_word_lists(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"CREATE TABLE IF NOT EXISTS {WORDS} (word text PRIMARY KEY)")
        schema_editor.execute(
            f"INSERT INTO {WORDS} (word) SELECT DISTINCT"
            " unnest(tsvector_to_array(to_tsvector('simple', title_text || ' ' || body_text)))"
            f" FROM {INDEX_TABLE} ON CONFLICT DO NOTHING"
        )
    elif vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{INDEX_TABLE}_fts"])
            if cursor.fetchone():
                schema_editor.execute(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} USING fts5vocab({INDEX_TABLE}_fts, row)"
                )


def drop_word_lists(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TABLE IF EXISTS {WORDS}")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {VOCABULARY}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_word_lists, drop_word_lists, elidable=False)]
