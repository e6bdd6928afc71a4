"""An index on Wagtail's page table for `url_path`: core.serving finds a page and its ancestors
by their URL paths in one query, which without it reads every page of the site."""

from django.db import migrations, models

INDEX = models.Index(fields=["url_path"], name="home_page_url_path_idx")


def add_index(apps, schema_editor):
    schema_editor.add_index(apps.get_model("wagtailcore", "Page"), INDEX)


def remove_index(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("wagtailcore", "Page"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_block_help_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_index, remove_index)]
