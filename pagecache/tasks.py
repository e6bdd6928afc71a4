"""The front cache's purge (Varnish, a CDN), a background task of django-tasks.

Every public event (pagecache.events) asks for one purge once its transaction is committed: the
task runs after the change is visible to every app node, so what the front cache fetches next is
the new content. All events of one transaction make one purge (a publish saves the page, sends
`page_published` and more, each a public event); an event in a transaction that was rolled back
at most makes the next purge happen earlier. The task bans everything below each site's root in
every backend of `WAGTAILFRONTENDCACHE` (pagecache.frontend): a change shows on pages that no list
of addresses names (home, lists, navigation, feeds, sitemap, search results, both languages).

It runs ahead of the search and reference index tasks the same publish queues (PRIORITY). A
backend that fails is logged and asked again with a growing delay (1, 2, 4 … 60 seconds) until it
succeeds or until the front cache's copies have expired anyway (`CACHE_S_MAXAGE`). Without a
front cache (`make run`, tests) nothing is queued: the page cache's token is all there is.
"""

import logging
import threading
from datetime import timedelta
from urllib.parse import urlsplit

from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

PRIORITY = 50
FIRST_RETRY_SECONDS = 1
LONGEST_RETRY_SECONDS = 60

_pending = threading.local()


class PurgeFailed(Exception):
    """A front cache did not confirm a purge."""


def front_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_after_commit():
    """Queue one purge when the current transaction is committed (at once outside one)."""
    if not front_cache_configured():
        return
    # Each event registers a callback; the first to run after the commit queues the purge and
    # the others find nothing left to do. A connection serves one thread, hence thread-local.
    _pending.events = getattr(_pending, "events", 0) + 1
    transaction.on_commit(_enqueue_pending, robust=True)


def _enqueue_pending():
    if getattr(_pending, "events", 0):
        _pending.events = 0
        purge_caches.enqueue()


def retry_delay(attempt):
    """Seconds before attempt `attempt + 1`, after `attempt` attempts failed."""
    return min(FIRST_RETRY_SECONDS * 2 ** (attempt - 1), LONGEST_RETRY_SECONDS)


def site_roots():
    from wagtail.models import Site

    return sorted({site.root_url + "/" for site in Site.objects.all()})


@task(priority=PRIORITY)
def purge_caches(attempt=1, backend_names=None):
    """Ban every site's pages in each front cache (`backend_names`: only those, on a retry)."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    roots = site_roots()
    failures = {}
    for name, backend in get_backends(backends=backend_names).items():
        urls = [url for url in roots if backend.invalidates_hostname(urlsplit(url).netloc)]
        if not urls:
            continue
        try:
            backend.purge_batch(urls)
        except Exception as error:  # noqa: BLE001 - any failure of a backend is retried
            failures[name] = error
    if failures:
        _retry(attempt, failures)


def _retry(attempt, failures):
    described = "; ".join(f"{name}: {error}" for name, error in sorted(failures.items()))
    waited = sum(retry_delay(number) for number in range(1, attempt))
    if waited >= settings.CACHE_S_MAXAGE or not purge_caches.get_backend().supports_defer:
        logger.error(
            "The front cache was not purged (%s) after %d attempts; its copies expire within CACHE_S_MAXAGE.",
            described,
            attempt,
        )
    else:
        delay = retry_delay(attempt)
        logger.warning("The front cache was not purged (%s); attempt %d in %d s.", described, attempt + 1, delay)
        purge_caches.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            attempt=attempt + 1, backend_names=sorted(failures)
        )
    # The task's result records the failure (the worker logs it with the error).
    raise PurgeFailed(described)
