"""The page cache's generation token, part of every key of the page cache and its fragments.

Invalidation is one site-wide generation token that is part of every key. A page shows other
pages (lists, navigation, footer, feeds, the sitemap), so working out which cached pages one
change touches is where page caches go wrong; replacing the token makes all of them stale at
once. The token lives in one database row and is replaced (pagecache.events) in the
same transaction as the change itself, so:

- every process (each gunicorn worker, with local memory or Redis) sees the new token as soon
  as the change is committed, and a rolled-back change leaves the token alone;
- a request reads the token before it renders. If it read the old token, whatever it renders is
  stored under a key nobody asks for any more; if it read the new one, the change was committed
  before the request looked at any content. Nothing stale can be stored under a current key;
- tokens are random, never counted up, so a lost or reset row cannot bring old entries back.

The token is replaced for the public events only (pagecache.events: publishing, unpublishing,
moving, deleting pages, snippets, settings, images ...), never for draft saves or bookkeeping.

"""

import logging
import uuid
from contextlib import suppress

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache-generation"
COPY_SECONDS = 5

# The generation token


def _table():
    from pagecache.models import CacheGeneration

    return connection.ops.quote_name(CacheGeneration._meta.db_table)


def shared_cache():
    """Whether the cache is shared by every process, so that it can hold the token's copy."""
    return getattr(settings, "PAGE_CACHE_SHARED", False)


def read_generation():
    """The current token, or None when there is no row yet (then nothing is cached)."""
    if shared_cache():
        token = cache.get(GENERATION_KEY)
        if token:
            return token
    # A plain cursor: this runs on every request, cached or not.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {_table()} WHERE id = 1")  # noqa: S608 - table name from the model
        row = cursor.fetchone()
    if row is None:
        _create_generation()
        return None
    if shared_cache():
        # add, not set: a token committed since this read has been copied already and wins.
        cache.add(GENERATION_KEY, row[0], COPY_SECONDS)
    return row[0]


def current_generation(request):
    """The token read once per request, so page and fragments use the same one."""
    if not hasattr(request, "_cache_generation"):
        request._cache_generation = read_generation()
    return request._cache_generation


def _create_generation():
    from pagecache.models import CacheGeneration

    with suppress(IntegrityError), transaction.atomic():
        CacheGeneration.objects.create(pk=1, token=uuid.uuid4().hex)


def bump_generation(**kwargs):
    """Make every cached page and fragment stale (a signal receiver, hence **kwargs)."""
    from pagecache.models import CacheGeneration

    token = uuid.uuid4().hex
    if not CacheGeneration.objects.filter(pk=1).update(token=token):
        _create_generation()
        token = None
    if shared_cache():
        # Not before the commit: a request would render the old content under the new token.
        transaction.on_commit(lambda: _copy_token(token))


def _copy_token(token):
    """The token's copy in the shared cache: the new one, or none (read from the database)."""
    # django-redis answers True for a write, a bool for a delete, None when it failed.
    copied = cache.set(GENERATION_KEY, token, COPY_SECONDS) if token else cache.delete(GENERATION_KEY) is not None
    if not copied:
        # The cache failed (it ignores its errors): its old copy expires within seconds.
        logger.warning("The page cache's token could not be copied to the cache.")
