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
headers, CSRF cookie, session, locale) runs again for every hit. A CSRF token in a page is
stored as a placeholder and replaced by a token of the visitor's own on each hit; so is any
value a page makes with `fresh_value` (e.g. the participation form's signed start time).
"""

import functools
import hashlib
import pickle
import re
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CSRF_TOKEN_LENGTH,
)
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

import upstream
from pagecache.generation import current_generation, shared_cache

CSRF_PLACEHOLDER = b"\x00page-cache-csrf-token\x00"
_TOKEN_CANDIDATE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % CSRF_TOKEN_LENGTH)
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
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= _VARY_ALLOWED:
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)


def _without_csrf_tokens(request, content):
    """The content with every CSRF token of this visitor replaced by the placeholder, or None
    when the page shows the visitor's secret in another form (then it is not cached)."""
    secret = request.META.get("CSRF_COOKIE", "")

    def replace(match):
        token = match.group(0).decode()
        return CSRF_PLACEHOLDER if upstream.unmask_csrf_token(token) == secret else match.group(0)

    content = _TOKEN_CANDIDATE.sub(replace, content)
    if secret and secret.encode() in content:
        return None
    return content


def _random_csrf_string():
    """A random string as Django's CSRF code draws it (CSRF_SECRET_LENGTH characters of
    CSRF_ALLOWED_CHARS, each equally likely), from one call for random bytes: Django's
    get_random_string asks the system once per character, which was the largest part of
    serving a cached page with a form to a new visitor."""
    chars = CSRF_ALLOWED_CHARS
    usable = 256 - 256 % len(chars)  # bytes above this would make some characters likelier
    drawn = []
    while len(drawn) < CSRF_SECRET_LENGTH:
        drawn += [chars[byte % len(chars)] for byte in secrets.token_bytes(2 * CSRF_SECRET_LENGTH) if byte < usable]
    return "".join(drawn[:CSRF_SECRET_LENGTH])


def visitor_csrf_token(request):
    """What Django's `get_token(request)` returns and does: the visitor's secret (from their
    cookie, or a new one that CsrfViewMiddleware then sets as their cookie), masked with a
    new random mask as Django masks it, so Django's check accepts it."""
    if "CSRF_COOKIE" not in request.META:
        request.META["CSRF_COOKIE"] = _random_csrf_string()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    secret, mask, chars = request.META["CSRF_COOKIE"], _random_csrf_string(), CSRF_ALLOWED_CHARS
    pairs = zip(secret, mask, strict=True)
    return mask + "".join(chars[(chars.index(s) + chars.index(m)) % len(chars)] for s, m in pairs)


def fresh_value(request, maker):
    """`maker()` (a dotted path to a function returning a string), for a page that may be
    cached: the page is stored with a placeholder there, and every hit gets a value made for
    it, as with the CSRF token. For values that must not be shared or grow old, such as the
    time a form was rendered."""
    value = import_string(maker)()
    if request is not None:
        request.__dict__.setdefault("_page_cache_fresh_values", {})[value] = maker
    return value


def _fresh_placeholder(maker):
    return b"\x00page-cache-fresh:" + maker.encode() + b"\x00"


def _store(request, response, key):
    content = response.content
    uses_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if uses_csrf:
        content = _without_csrf_tokens(request, content)
        if content is None:
            return
    makers = set()
    for value, maker in getattr(request, "_page_cache_fresh_values", {}).items():
        content = content.replace(value.encode(), _fresh_placeholder(maker))
        makers.add(maker)
    headers = [(k, v) for k, v in response.items() if k.lower() not in ("content-length", "x-page-cache")]
    entry = (response.status_code, headers, content, uses_csrf, sorted(makers))
    cache.set(key, entry, page_cache_seconds())
    local_entries.put(key, entry)


def _from_entry(request, entry):
    status, headers, content, uses_csrf, *rest = entry
    if uses_csrf:
        content = content.replace(CSRF_PLACEHOLDER, visitor_csrf_token(request).encode())
    for maker in rest[0] if rest else ():
        placeholder = _fresh_placeholder(maker)
        while placeholder in content:
            content = content.replace(placeholder, import_string(maker)().encode(), 1)
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    # What we serve depends on the visitor's cookies (an editor gets another page), as the
    # rendered page says through the session middleware: caches on the way must know.
    patch_vary_headers(response, ["Cookie"])
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
            response = _from_entry(request, entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            _store(request, response, key)
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
