"""The cache contract: the `Cache-Control` every response states, so that any shared cache in
front of the site (Varnish, a CDN) and every browser keeps exactly what may be kept.

- **Public**: an anonymous GET or HEAD of a public address answered `200` – pages, feeds,
  calendar files, sitemaps, robots.txt – that set no cookie:
  `public, max-age=CACHE_MAX_AGE, s-maxage=CACHE_S_MAXAGE, stale-while-revalidate=…,
  stale-if-error=…`, and no `Vary: Cookie`. Such a response is made only for requests without a
  session or messages cookie (pagecache.cache.is_cacheable_request), so it is the same for every
  visitor who has none; the session middleware's `Vary: Cookie` (the userbar asks whether the
  visitor is logged in) would only split a shared cache by the visitors' unrelated cookies. A
  shared cache must pass requests that carry the session cookie (editors) to the site.
- **Briefly**: the same answered `404`, `410` or by a permanent redirect (a moved page, an
  editor's redirect): `public, max-age=CACHE_NOT_FOUND_SECONDS, s-maxage=CACHE_NOT_FOUND_SECONDS`.
- **Never**: the admin (and its previews), logged-in users and any request with a personal
  cookie or credentials, POSTs, previews, responses that set a cookie or change the session,
  views that said so themselves (`never_cache`: form pages and thank-you pages), the language
  redirect of addresses without a language prefix (it follows the visitor's language cookie and
  `Accept-Language`), and every other status: `private, no-store` (a view's own `no-cache` or
  `no-store` is kept).

Documents, static files and image renditions keep the headers of what serves them.

The middleware sits above the session, locale and CSRF middleware, so it sees each response
as it leaves the site, from the page cache or rendered.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from pagecache.cache import is_cacheable_request

BRIEF_STATUSES = {301, 308, 404, 410}


def _admin_prefix():
    return "/" + getattr(settings, "ADMIN_PATH", "admin").strip("/") + "/"


def _untouched_prefixes():
    return tuple(prefix for prefix in ("/documents/", settings.STATIC_URL, settings.MEDIA_URL) if prefix)


def _directives(response):
    return {part.split("=", 1)[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}


def _vary(response):
    return [header.strip() for header in response.get("Vary", "").split(",") if header.strip()]


def _without_vary(response, name):
    kept = [header for header in _vary(response) if header.lower() != name]
    if kept:
        response.headers["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response.headers["Vary"]


def policy(request, response):
    """'public', 'brief', 'private', or None for responses whose headers are left as they are
    (documents, static files, renditions, and views that forbade caching themselves)."""
    if request.path.startswith(_untouched_prefixes()):
        return None
    if request.path.startswith(_admin_prefix()) or getattr(request, "is_preview", False):
        return "private"
    session = getattr(request, "session", None)
    if (
        not is_cacheable_request(request)
        or response.cookies
        or response.streaming
        or (session is not None and session.modified)
    ):
        return "private"
    if _directives(response) & {"private", "no-store", "no-cache"}:
        return None
    vary = {header.lower() for header in _vary(response)} - {"cookie", "accept-encoding"}
    if response.status_code == 200 and vary <= {"accept-language"}:
        return "public"
    if response.status_code in BRIEF_STATUSES and not vary:
        return "brief"
    return "private"


def apply(request, response):
    """Give `response` the Cache-Control of its policy."""
    kind = policy(request, response)
    if kind == "public":
        patch_cache_control(
            response,
            public=True,
            max_age=settings.CACHE_MAX_AGE,
            s_maxage=settings.CACHE_S_MAXAGE,
            stale_while_revalidate=settings.CACHE_STALE_WHILE_REVALIDATE,
            stale_if_error=settings.CACHE_STALE_IF_ERROR,
        )
        _without_vary(response, "cookie")
    elif kind == "brief":
        seconds = settings.CACHE_NOT_FOUND_SECONDS
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
        _without_vary(response, "cookie")
    elif kind == "private":
        patch_cache_control(response, private=True, no_store=True)
    return response


class CacheContractMiddleware:
    """States each response's Cache-Control (see the module's docstring). Sits above the
    session, locale and CSRF middleware, which add cookies and Vary headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return apply(request, self.get_response(request))
