"""Backups: a dump of the site restores into an empty installation with its content intact."""

import uuid

import pytest

from django.conf import settings
from django.db import connection, connections

from wagtail.images.models import Image
from wagtail.models import Page

from bochum2015 import backup
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.demo


@pytest.fixture
def committed_page(django_db_setup, django_db_blocker):
    """A page committed outside a test transaction, so the dump sees it; removed afterwards."""
    name = connection.settings_dict["NAME"]
    if not (name.startswith("test_") or connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("needs the test database: run it together with the other database tests")
    with django_db_blocker.unblock():
        home = HomePage.objects.get(locale__language_code="de")
        page = home.add_child(instance=StandardPage(title="Vor der Sicherung", slug="vor-der-sicherung"))
        page.save_revision().publish()
        try:
            yield page
        finally:
            page.refresh_from_db()
            page.delete()


@pytest.fixture
def empty_database(tmp_path, django_db_blocker):
    """An empty database of the same engine as the test database."""
    source = connection.settings_dict
    if connection.vendor == "sqlite":
        yield {**source, "NAME": str(tmp_path / "restored.sqlite3"), "TEST": {}}
        return
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**source, "NAME": name, "TEST": {}}
    finally:
        connections["restored"].close() if "restored" in connections.settings else None
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def restored_alias(empty_database, django_db_blocker):
    connections.settings["restored"] = empty_database
    try:
        with django_db_blocker.unblock():
            yield "restored"
    finally:
        connections["restored"].close()
        del connections.settings["restored"]
        connections._connections.__dict__.pop("restored", None)


def test_backup_restores_into_an_empty_installation_with_content_and_media_intact(
    committed_page, empty_database, restored_alias, tmp_path, django_db_blocker
):
    with django_db_blocker.unblock():
        archive = backup.create(connection.settings_dict, settings.MEDIA_ROOT, tmp_path / "backups")
        image = Image.objects.first()
    media = tmp_path / "restored-media"
    manifest = backup.restore(archive, empty_database, media)
    assert manifest["engine"] == connection.vendor.replace("postgresql", "postgresql")

    restored = Page.objects.using(restored_alias)
    assert restored.get(slug="vor-der-sicherung").title == "Vor der Sicherung"
    assert restored.filter(locale__language_code="de", slug="netzwerk-produktion").exists()
    assert restored.filter(locale__language_code="en", depth=2).exists()
    assert restored.count() == Page.objects.count()
    restored_image = Image.objects.using(restored_alias).get(pk=image.pk)
    original = (settings.MEDIA_ROOT / image.file.name).read_bytes()
    assert (media / restored_image.file.name).read_bytes() == original


def test_restore_refuses_a_database_that_is_not_empty(committed_page, tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        archive = backup.create(connection.settings_dict, settings.MEDIA_ROOT, tmp_path / "backups")
        with pytest.raises(backup.BackupError, match="not empty"):
            backup.restore(archive, connection.settings_dict, tmp_path / "media")


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    with pytest.raises(backup.BackupError, match="No backup"):
        backup.restore(tmp_path / "missing.tar.gz", {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}, tmp_path)
