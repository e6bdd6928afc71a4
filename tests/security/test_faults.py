"""Faults: health check, database down (503 in the request's language, recovery without restart),
cache down (served uncached)."""

import contextlib
import sqlite3

import pytest

from django.db import connection
from django.test import Client, override_settings

pytestmark = pytest.mark.demo


@contextlib.contextmanager
def database_pointing_nowhere():
    """Points the running site at a database that does not exist, then back at the real one.

    No restart in between: the same process and settings object, as in production when the
    database server goes away and comes back. An in-memory SQLite test database is kept alive
    by a second connection while Django's own is closed."""
    keeper = None
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        keeper = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
    saved = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/bochum2015.sqlite3"
    else:
        connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": "9"})  # nothing listens there
    connection.close()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        if keeper is not None:
            connection.ensure_connection()  # Django holds the in-memory database again
            keeper.close()


@pytest.fixture
def live_database(django_db_setup, django_db_blocker):
    """The test database, outside a test transaction, so the connection can really be closed.

    pytest-django creates the test database only when a collected test asks for one in the
    usual way; run alone, this test would reach the development database instead."""
    name = connection.settings_dict["NAME"]
    if not (name.startswith("test_") or connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("needs the test database: run it together with the module's other tests")
    with django_db_blocker.unblock():
        yield


@pytest.mark.django_db
def test_health_check_reports_database_and_cache_as_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_with_the_database_down_pages_answer_503_in_their_language_and_recover(live_database):
    client = Client(raise_request_exception=False)  # as a real server: the error becomes a response
    assert client.get("/de/").status_code == 200
    with database_pointing_nowhere():
        german = client.get("/de/ueber-uns/")
        english = client.get("/en/about/")
        root = client.get("/de/", HTTP_ACCEPT_LANGUAGE="en")
        health = client.get("/healthz")
    assert german.status_code == 503
    assert '<html lang="de">' in german.content.decode()
    assert "Die Website ist vorübergehend nicht erreichbar" in german.content.decode()
    assert 'class="site-header"' in german.content.decode()
    assert german["Retry-After"] == "30"
    assert "default-src 'none'" in german["Content-Security-Policy"]
    assert english.status_code == 503
    assert '<html lang="en">' in english.content.decode()
    assert "The site is temporarily unavailable" in english.content.decode()
    assert root.status_code == 503 and '<html lang="de">' in root.content.decode()  # the URL's language wins
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    # The database is back: the same process answers again.
    assert client.get("/de/ueber-uns/").status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"


def test_a_bug_is_still_a_500_not_a_503(rf):
    from bochum2015.health import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500


DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


@pytest.mark.django_db
@override_settings(CACHES=DEAD_REDIS)
def test_with_the_cache_down_the_site_serves_uncached(client):
    for url in ["/de/", "/en/about/", "/de/gibt-es-nicht/"]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
    assert client.get("/de/").status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}
