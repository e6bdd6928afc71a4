"""A database made by the site before its apps were split (issue 15) migrates in place.

The code of that commit builds a database as a real site would have it – the demo content in
both languages, a draft edit, a participation request – then today's code migrates it. Every
page, revision, translation, snippet and request is still there, under the same content types,
the page tree is sound and every live page renders in both languages. Runs on the suite's own
database engine (SQLite, or PostgreSQL with DATABASE_URL)."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from django.conf import settings
from django.db import connection

# main before the split (2 December 2026); the models then lived in `home`.
BEFORE_THE_SPLIT = "2848e24668f69beb6bb802c280ff854b9e32a946"

COUNT = """
import json
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation, TranslationSource

def label(app, model):
    return apps.get_model(app, model) if apps.is_installed(app) else None

def company_competences():
    # (company, competence) pairs: the competence tags before, the vocabulary's competences after.
    if "competence" not in apps.all_models["network"]:
        links = apps.get_model("network", "CompanyCompetence").objects.values_list("content_object__name", "tag__name")
    else:
        through = apps.get_model("network", "Company").competences.through
        links = through.objects.values_list("company__name", "competence__name")
    return sorted(links)

counts = {
    "pages": sorted(Page.objects.values_list("id", "content_type_id", "locale_id", "live", "title")),
    "revisions": Revision.objects.count(),
    "sources": TranslationSource.objects.count(),
    "translations": sorted(Translation.objects.values_list("uuid", flat=True)),
    "content_types": sorted([ct.id, ct.model] for ct in ContentType.objects.filter(
        model__in=["searchpage", "contactsettings", "legalpagessettings", "cachegeneration"])),
    "companies": sorted(apps.get_model("network", "Company").objects.values_list("id", "name")),
    "contact_persons": apps.get_model("network", "ContactPerson").objects.count(),
    "topics": apps.get_model("network", "Topic").objects.count(),
    "company_competences": company_competences(),
    "news_tags": apps.get_model("news", "NewsTag").objects.count(),
    "requests": sorted(apps.get_model("network", "ParticipationRequest").objects.values_list("company", "email")),
}
print("COUNTS=" + json.dumps(counts, default=str))
"""

EDIT = """
from network.models import NetworkPage, ParticipationRequest
network = NetworkPage.objects.filter(locale__language_code="de").first()
network.intro = "Ein Entwurf, noch nicht veröffentlicht."
network.save_revision()
ParticipationRequest.objects.create(
    network=network, network_title=network.title, locale=network.locale, company="Ruhrtal Werkzeugbau GmbH",
    contact_name="Erika Beispiel", email="erika@example.org", message="Wir möchten mitmachen.",
    consent_text="Einwilligung", consented_at="2026-12-01T09:00:00+01:00",
)
"""

AFTER = """
import json
from django.test import Client
from wagtail.models import Page
from core.models import ContactSettings, LegalPagesSettings
from search.models import SearchPage

assert ContactSettings.load().organisation
assert LegalPagesSettings.load().legal_notice_page_id
assert SearchPage.objects.count() == 2
client = Client()
failures = []
for page in Page.objects.live().filter(depth__gt=1).specific():
    response = client.get(page.url)
    if response.status_code != 200:
        failures.append((page.url, response.status_code))
print("RENDERED=" + json.dumps({"failures": failures, "count": Page.objects.live().filter(depth__gt=1).count()}))
"""


def _database_url(name):
    """A database of its own on the suite's engine."""
    if connection.vendor == "postgresql":
        url = urlsplit(os.environ["DATABASE_URL"])
        return urlunsplit(url._replace(path=f"/{name}"))
    return f"sqlite:///{Path(settings.BASE_DIR) / 'var' / f'{name}.sqlite3'}"


def _postgres(sql):
    url = urlsplit(os.environ["DATABASE_URL"])
    admin = urlunsplit(url._replace(path="/postgres"))
    code = "import psycopg2,sys\nc=psycopg2.connect(sys.argv[1]);c.autocommit=True\nc.cursor().execute(sys.argv[2])"
    subprocess.run([sys.executable, "-c", code, admin, sql], check=True)  # noqa: S603


def _manage(cwd, env, *args, stdin=None):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def _printed(output, prefix):
    return json.loads(next(line for line in output.splitlines() if line.startswith(prefix))[len(prefix) :])


@pytest.fixture
def old_checkout(tmp_path):
    archive = subprocess.run(  # noqa: S603
        ["git", "-C", str(settings.BASE_DIR), "archive", "--format=tar", BEFORE_THE_SPLIT],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if archive.returncode:
        pytest.skip(f"commit {BEFORE_THE_SPLIT[:7]} is not in this clone")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(tmp_path / "old", filter="data")
    return tmp_path / "old"


def test_a_database_of_the_old_layout_keeps_everything(old_checkout, tmp_path):
    name = f"bochum2015_migrate_{uuid.uuid4().hex[:8]}"
    url = _database_url(name)
    if url.startswith("postgres"):
        _postgres(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bochum2015.settings.dev",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ALLOWED_HOSTS": "testserver,localhost",
        "REDIS_URL": "",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    try:
        _manage(old_checkout, env, "migrate", "--noinput", "-v0")
        _manage(old_checkout, env, "load_demo_content", "--no-users", "-v0")
        _manage(old_checkout, env, "shell", stdin=EDIT)
        before = _printed(_manage(old_checkout, env, "shell", stdin=COUNT), "COUNTS=")

        here = settings.BASE_DIR
        _manage(here, env, "migrate", "--noinput", "-v0")
        after = _printed(_manage(here, env, "shell", stdin=COUNT), "COUNTS=")
        tree = _manage(here, env, "fixtree", "--noinput")
        rendered = _printed(_manage(here, env, "shell", stdin=AFTER), "RENDERED=")
    finally:
        if url.startswith("postgres"):
            _postgres(f'DROP DATABASE IF EXISTS "{name}"')
        else:
            Path(urlsplit(url).path).unlink(missing_ok=True)

    assert before["requests"] == [["Ruhrtal Werkzeugbau GmbH", "erika@example.org"]]
    assert len(before["pages"]) > 40
    assert len(before["company_competences"]) >= 20
    assert after == before
    assert "No problems found." in tree
    assert rendered["count"] > 40
    assert rendered["failures"] == []
