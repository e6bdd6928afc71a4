import pytest

from django.core.management import call_command


def pytest_sessionstart(session):
    # Interface catalogues are compiled from the .po files with polib: no GNU gettext needed.
    call_command("compile_catalogues", verbosity=0)
    # Django may have loaded the catalogues before they were compiled: start afresh.
    from django.utils.translation import trans_real

    trans_real._translations = {}
    trans_real._default = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the demo content in German and English."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", "--no-users", verbosity=0)


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
