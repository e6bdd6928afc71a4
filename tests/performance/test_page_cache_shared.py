"""The page cache as production runs it: in Redis, shared by every worker, with a copy of the
token in Redis and each worker's own recent entries."""

import logging
import os
import time

import pytest

from django.core.cache import cache
from django.db import transaction
from django.test import Client

from wagtail.models import Page

from home.models import StandardPage
from pagecache import generation
from pagecache.cache import LocalEntries, local_entries
from pagecache.models import CacheGeneration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site", "page_cache")]

# A Redis database of its own for each pytest-xdist worker (gw0: 15, gw1: 14, …).
REDIS_TEST_URL = f"redis://127.0.0.1:6379/{15 - int(os.environ.get('PYTEST_XDIST_WORKER', 'gw0')[2:])}"


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    settings.PAGE_CACHE_SHARED = True
    cache.clear()
    yield
    cache.clear()


def about():
    return StandardPage.objects.live().get(locale__language_code="de", slug="initiative")


def title_of(response):
    assert response.status_code == 200
    return response.content.decode().split("<title>", 1)[1].split("<", 1)[0]


def change_without_signals(page, **fields):
    """A change the cache cannot know about: shows whether a page came from the cache."""
    Page.objects.filter(pk=page.pk).update(**fields)


def publish_title(page, title, django_capture_on_commit_callbacks):
    page.title = title
    with django_capture_on_commit_callbacks(execute=True):  # the change is committed
        page.save_revision().publish()


def test_a_hit_reads_the_token_from_redis_not_the_database(redis_cache, django_assert_num_queries):
    client = Client()
    assert client.get("/de/initiative/")["X-Page-Cache"] == "miss"
    assert cache.get(generation.GENERATION_KEY) == CacheGeneration.objects.get().token
    with django_assert_num_queries(0):
        assert Client().get("/de/initiative/")["X-Page-Cache"] == "hit"


def test_publishing_is_seen_by_every_worker_at_once(redis_cache, django_capture_on_commit_callbacks):
    client = Client()
    assert title_of(client.get("/de/initiative/")).startswith("Die Initiative")
    publish_title(about(), "Wer wir sind", django_capture_on_commit_callbacks)
    assert cache.get(generation.GENERATION_KEY) == CacheGeneration.objects.get().token
    # Another worker: its own recent entries are empty, the shared cache is all it has.
    local_entries.clear()
    assert title_of(client.get("/de/initiative/")).startswith("Wer wir sind")


def test_a_change_that_is_rolled_back_leaves_the_cached_pages(redis_cache, django_capture_on_commit_callbacks):
    client = Client()
    client.get("/de/initiative/")
    token = cache.get(generation.GENERATION_KEY)
    with (
        django_capture_on_commit_callbacks(execute=True) as committed,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        page = about()
        page.title = "Nie veröffentlicht"
        page.save_revision().publish()
        raise RuntimeError
    assert committed == []
    assert cache.get(generation.GENERATION_KEY) == token == CacheGeneration.objects.get().token
    response = client.get("/de/initiative/")
    assert response["X-Page-Cache"] == "hit"
    assert title_of(response).startswith("Die Initiative")


def test_a_token_redis_missed_is_picked_up_within_seconds(
    redis_cache, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    client = Client()
    client.get("/de/initiative/")
    real_set = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *args, **kw: None if key == generation.GENERATION_KEY else real_set(key, *args, **kw)
    )
    with caplog.at_level(logging.WARNING, logger="pagecache.generation"):
        publish_title(about(), "Wer wir sind", django_capture_on_commit_callbacks)
    assert "could not be copied" in caplog.text
    monkeypatch.undo()
    assert title_of(client.get("/de/initiative/")).startswith("Die Initiative")  # Redis still has the old token
    # ... for COPY_SECONDS at most; its expiry, without waiting for it (a busy machine would make
    # any wait too short or too long), is the copy's removal.
    assert 0 < cache.ttl(generation.GENERATION_KEY) <= generation.COPY_SECONDS
    cache.delete(generation.GENERATION_KEY)
    assert title_of(client.get("/de/initiative/")).startswith("Wer wir sind")


def test_a_worker_serves_its_recent_pages_without_fetching_them(redis_cache):
    client = Client()
    client.get("/de/initiative/")
    change_without_signals(about(), title="Heimlich geändert")
    cache.clear()  # neither the page nor the token's copy are in Redis any more
    response = client.get("/de/initiative/")
    assert response["X-Page-Cache"] == "hit"
    assert title_of(response).startswith("Die Initiative")


def test_recent_entries_are_bounded_and_expire(settings):
    entries = LocalEntries()
    settings.PAGE_CACHE_LOCAL_BYTES = 1000
    for n in range(5):
        entries.put(f"page {n}", (200, [], b"x" * 240, False, []))
    assert [entries.get(f"page {n}") is not None for n in range(5)] == [False, True, True, True, True]
    entries.put("too big", (200, [], b"x" * 300, False, []))  # more than a quarter of the limit
    assert entries.get("too big") is None
    settings.PAGE_CACHE_SECONDS = 0.05
    entries.put("short-lived", (200, [], b"x", False, []))
    time.sleep(0.1)
    assert entries.get("short-lived") is None
