from pathlib import Path

import pytest

from django.core.management import call_command

from tests.smtp import smtp_server  # noqa: F401 - the SMTP server fixture of the end-to-end e-mail tests

BASE_DIR = Path(__file__).resolve().parent


def pytest_configure(config):
    # A deprecation our own code (each app of this repository, the project, the tests) runs into
    # fails its test, so the next Wagtail or Django release finds nothing of ours deprecated.
    # Deprecations inside other packages stay warnings.
    ours = sorted({path.parent.name for path in BASE_DIR.glob("*/apps.py")} | {"bochum2015", "tests"})
    config.addinivalue_line("filterwarnings", f"error::DeprecationWarning:({'|'.join(ours)})(\\.|$)")


def pytest_sessionstart(session):
    # Interface catalogues are compiled from the .po files with polib: no GNU gettext needed.
    call_command("compile_catalogues", verbosity=0)
    # Django may have loaded the catalogues before they were compiled: start afresh.
    from django.utils.translation import trans_real

    trans_real._translations = {}
    trans_real._default = None


NEEDS_DEMO = pytest.StashKey[bool]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Every pytest-xdist worker collects all tests: each comes to the same answer.
    config.stash[NEEDS_DEMO] = any(item.get_closest_marker("demo") for item in items)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database starts with the demo content in German and English when a test
    collected is marked `demo`; tests without the mark build what they need (factories) and
    pass with or without it."""
    if request.config.stash.get(NEEDS_DEMO, True):
        with django_db_blocker.unblock():
            call_command("load_demo_content", "--no-users", verbosity=0)


@pytest.fixture
def site_tree(db):
    """A site of the test's own: a German home page and its English translation
    (home.tests.factories.site_tree)."""
    from home.tests.factories import site_tree

    return site_tree()


@pytest.fixture(scope="module")
def complete_site(django_db_setup, django_db_blocker):
    """A complete small site (tests.complete_site): every page type in German and English, built
    once for the test module in a transaction that is rolled back after its last test. Each test
    runs in a savepoint inside it (use it with `db`); pages of other trees are offline."""
    from django.db import transaction

    from tests.complete_site import complete_site

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            site = complete_site()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield site
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def own_site_only(site_tree):
    """Pages outside the test's site (the demo content's, when the test database has it) are
    offline for the test: what looks up the first live page of a type in a language (the company
    directory, the search pages) or every live page of a language (the search) finds the test's."""
    from wagtail.models import Page

    others = Page.objects.filter(depth__gt=1)
    for home in (site_tree.german_home, site_tree.english_home):
        others = others.exclude(path__startswith=home.path)
    others.update(live=False)


@pytest.fixture
def roles(db):
    """The editorial groups (editors, moderators, translators, contact persons) and their rights
    (editorial.roles.setup_roles, as `manage.py setup_roles` and the demo content set them up)."""
    from editorial.roles import setup_roles

    setup_roles()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from pagecache.cache import local_entries, local_fragments

    cache.clear()
    local_entries.clear()
    local_fragments.clear()
    yield
    cache.clear()
    local_entries.clear()
    local_fragments.clear()
