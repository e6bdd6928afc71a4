"""The page cache: anonymous GET and HEAD responses of public pages, and fragments of pages,
kept in Django's cache under the generation token that every content change replaces
(pagecache.generation).

Where the cache is shared by all processes (Redis), it also holds a copy of the token, written
when the change is committed, so that a hit asks Redis for a few bytes instead of the database
for a row. The copy expires after COPY_SECONDS and is then read from the database again:
if Redis ever misses a new token (it failed just then, or came back from an old snapshot),
pages are stale for at most that long. Each process also keeps the entries it served last
(PAGE_CACHE_LOCAL_BYTES): the key names the token, so a local entry is never staler than the
shared one, and a hit then reads no page from Redis.

Cached responses are stored as they leave this middleware; the middleware above it (security
headers, Cache-Control, session, locale) runs again for every hit. A cached page is the same
for every visitor, byte for byte: a page that uses a CSRF token or makes anything else per
visitor is not cached (forms live on addresses of their own, which say `never_cache`), so
shared caches in front of the site may keep the same pages (pagecache.contract).
"""

import functools
import hashlib
import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from pagecache.generation import current_generation, shared_cache

_VARY_ALLOWED = {"cookie", "accept-language", "accept-encoding"}


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def cache_key(request, generation, *parts):
    """Everything a public page may differ by: token, day (pages that show upcoming
    meetings), language, scheme, host and the full path with its query string."""
    raw = "|".join(
        [
            generation,
            timezone.localdate().isoformat(),
            translation.get_language() or "",
            request.scheme,
            request.get_host(),
            *parts,
        ]
    )
    return "page-cache:" + hashlib.sha256(raw.encode()).hexdigest()


# Which requests and responses are cached


def _excluded_prefixes():
    admin = getattr(settings, "ADMIN_PATH", "admin").strip("/")
    return tuple(prefix for prefix in (f"/{admin}/", "/documents/", settings.STATIC_URL, settings.MEDIA_URL) if prefix)


def _allowed_cookies():
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def is_cacheable_request(request):
    """Anonymous visitors' GET and HEAD of public URLs. Any cookie but the CSRF and language
    cookies (a session: an editor; messages after a form) means the page may be personal."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(_excluded_prefixes())
        and set(request.COOKIES) <= _allowed_cookies()
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # The page used the visitor's CSRF token (a form): it is theirs alone.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= _VARY_ALLOWED:
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)


def _store(response, key):
    headers = [(k, v) for k, v in response.items() if k.lower() not in ("content-length", "x-page-cache")]
    entry = (response.status_code, headers, response.content)
    cache.set(key, entry, page_cache_seconds())
    local_entries.put(key, entry)


def _from_entry(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class LocalEntries:
    """The cache entries this process served last, up to PAGE_CACHE_LOCAL_BYTES, each for as
    long as the shared cache keeps it. Keys name the token, so an entry here is exactly the
    one in the shared cache; keeping it saves fetching and unpickling the page on every hit."""

    def __init__(self):
        self._entries = OrderedDict()  # key -> (expires, size, entry)
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._entries.get(key)
            if item is None:
                return None
            if item[0] < time.monotonic():
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return item[2]

    def put(self, key, entry, size=None, seconds=None):
        """Keep `entry` (a page's cache entry, or `size` bytes of anything) for `seconds`
        (the page cache's lifetime unless given)."""
        size = len(entry[2]) if size is None else size
        seconds = page_cache_seconds() if seconds is None else seconds
        limit = getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)
        if size > limit // 4:
            return
        with self._lock:
            if key in self._entries:
                self._remove(key)
            self._entries[key] = (time.monotonic() + seconds, size, entry)
            self._bytes += size
            while self._bytes > limit:
                self._remove(next(iter(self._entries)))

    def _remove(self, key):
        self._bytes -= self._entries.pop(key)[1]

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0


local_entries = LocalEntries()
# The fragments this process used last, as pickles (each request gets objects of its own, as
# from the shared cache); keys name the token too. Saves a round trip to Redis per fragment.
local_fragments = LocalEntries()


class PageCacheMiddleware:
    """Serves anonymous visitors' pages from the cache. Sits below the CSRF and
    authentication middleware and above the ones that add headers inside a response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache_seconds() or not is_cacheable_request(request):
            return self.get_response(request)
        generation = current_generation(request)
        if generation is None:
            return self.get_response(request)
        key = cache_key(request, generation, request.get_full_path())
        entry = local_entries.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                local_entries.put(key, entry)
        if entry is not None:
            response = _from_entry(entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            _store(response, key)
            response["X-Page-Cache"] = "miss"
        return response


# Fragments: parts of every page (navigation, footer), cached under the same token


FRAGMENT_SECONDS = 3600


def cached_fragment(request, name, compute, *parts):
    """compute()'s result for this request's language and host, cached under the current
    token. Independent of PAGE_CACHE_SECONDS: it also serves editors and uncached pages."""
    # A preview shows a draft: it must neither store its parts nor show the live page's.
    if getattr(request, "is_preview", False):
        return compute()
    generation = current_generation(request)
    if generation is None:
        return compute()
    key = cache_key(request, generation, "fragment", name, *parts)
    shared = shared_cache()
    if shared:
        pickled = local_fragments.get(key)
        if pickled is not None:
            return pickle.loads(pickled)  # noqa: S301 - written by this process below
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FRAGMENT_SECONDS)
    if shared:
        pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        local_fragments.put(key, pickled, size=len(pickled), seconds=FRAGMENT_SECONDS)
    return value


def per_content_change(name, key):
    """Decorator for a method `(self, request, *args)` whose result is the same for every
    visitor until content changes: cached as a fragment under `name` and `key(self, *args)`
    (values that tell the results apart), for the request's language and host. The only way
    domain code caches what it computes; templates use {% fragment_cache %}."""

    def decorate(method):
        @functools.wraps(method)
        def cached(self, request, *args):
            parts = [str(part) for part in key(self, *args)]
            return cached_fragment(request, name, lambda: method(self, request, *args), *parts)

        return cached

    return decorate
