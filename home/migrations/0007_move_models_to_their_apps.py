"""The contact and legal pages settings move to `core`, the page cache's token to `pagecache` and
the search page to `search` (README, "Apps"). Their tables are renamed and their content types
relabelled, so every row keeps its id: pages, revisions, wagtail-localize's sources and
translations, the search and reference indexes, log entries and group permissions all point to
the same content type as before. The new apps' first migrations take the models into their state."""

from django.db import migrations

MOVED = {
    "contactsettings": "core",
    "legalpagessettings": "core",
    "cachegeneration": "pagecache",
    "searchpage": "search",
}


def relabel_content_types(apps, schema_editor, source="home", moved=MOVED):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app_label in moved.items():
        ContentType.objects.filter(app_label=source, model=model).update(app_label=app_label)


def relabel_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, app_label in MOVED.items():
        ContentType.objects.filter(app_label=app_label, model=model).update(app_label="home")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_search_index_entry_vector_gin_index"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(model, f"{app_label}_{model}") for model, app_label in MOVED.items()
            ],
            state_operations=[
                migrations.DeleteModel("CacheGeneration"),
                migrations.DeleteModel("ContactSettings"),
                migrations.DeleteModel("LegalPagesSettings"),
                migrations.DeleteModel("SearchPage"),
            ],
        ),
        migrations.RunPython(relabel_content_types, relabel_content_types_back),
    ]
