"""The page cache's generation token, part of every key of the page cache and its fragments.

Invalidation is one site-wide generation token that is part of every key. A page shows other
pages (lists, navigation, footer, feeds, the sitemap), so working out which cached pages one
change touches is where page caches go wrong; replacing the token makes all of them stale at
once. The token lives in one database row and is replaced by the signal handlers below in the
same transaction as the change itself, so:

- every process (each gunicorn worker, with local memory or Redis) sees the new token as soon
  as the change is committed, and a rolled-back change leaves the token alone;
- a request reads the token before it renders. If it read the old token, whatever it renders is
  stored under a key nobody asks for any more; if it read the new one, the change was committed
  before the request looked at any content. Nothing stale can be stored under a current key;
- tokens are random, never counted up, so a lost or reset row cannot bring old entries back.

Any save, delete or many-to-many change of any model replaces the token, except the models in
NOT_SHOWN_ON_PAGES, which public traffic writes and no page shows. New models (snippets,
settings, pages) are covered without anyone having to remember to register them.

"""

import logging
import uuid
from contextlib import suppress

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate

from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

# Written by visitors, by rendering (renditions) or by logins, and never shown on a page:
# replacing the token for them would only empty the cache, or let anyone empty it at will.
NOT_SHOWN_ON_PAGES = {
    "pagecache.cachegeneration",
    "wagtailimages.rendition",
    "sessions.session",
    "wagtailusers.userprofile",
    "admin.logentry",
    "wagtailforms.formsubmission",
    "network.participationrequest",
    "network.participationrecipient",
    # Who has an edit view open: the admin saves it every ten seconds while an editor is on it.
    "wagtailadmin.editingsession",
}
NOT_SHOWN_ON_PAGES_APPS = {"axes"}
# Made by rendering, so making one never replaces the token; but cached pages and pictures name
# the files of renditions, so deleting one (an image replaced, renditions purged) does.
SHOWN_WHEN_DELETED = {"wagtailimages.rendition"}

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


_migrating = False


def _migration_started(**kwargs):
    global _migrating
    _migrating = True


def _migration_finished(**kwargs):
    """Migrations change content too, but may run before the token's table exists: one bump
    when they are done (post_migrate is sent after the whole plan ran)."""
    from pagecache.models import CacheGeneration

    global _migrating
    _migrating = False
    if CacheGeneration._meta.db_table in connection.introspection.table_names():
        bump_generation()


def _model_change(sender, action="post_", signal=None, **kwargs):
    if _migrating or not action.startswith("post_"):  # m2m_changed also sends pre_add etc.
        return
    meta = sender._meta
    if meta.label_lower in SHOWN_WHEN_DELETED and signal is post_delete:
        bump_generation()
        return
    if meta.label_lower in NOT_SHOWN_ON_PAGES or meta.app_label in NOT_SHOWN_ON_PAGES_APPS:
        return
    bump_generation()


def _page_event(**kwargs):
    if not _migrating:
        bump_generation()


def _receivers():
    yield pre_migrate, _migration_started
    yield post_migrate, _migration_finished
    for signal in (post_save, post_delete, m2m_changed):
        yield signal, _model_change
    # Page events also save the page, but moves update the tree with queryset updates that
    # send no post_save; receiving them all keeps the rule simple: every event bumps.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        yield signal, _page_event


def connect_signals():
    for signal, receiver in _receivers():
        signal.connect(receiver, dispatch_uid=f"page-cache-{id(signal)}")


def disconnect_signals():
    """For bulk loads (build_bench_data), which bump once when they are done."""
    for signal, _receiver in _receivers():
        signal.disconnect(dispatch_uid=f"page-cache-{id(signal)}")
