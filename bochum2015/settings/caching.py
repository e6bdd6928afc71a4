"""Caches: Django's cache, the page cache and the Cache-Control contract with shared caches."""

import os

# Local memory by default; REDIS_URL puts the cache in Redis, shared by all workers.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A cache that is down slows the site but never breaks it.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous visitors' pages are cached this many seconds (0: not at all); every content change
# makes them stale at once (pagecache/cache.py). Navigation and footer are cached as fragments either way.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Whether every process shares the cache (then it also holds a copy of the cache's token).
PAGE_CACHE_SHARED = bool(REDIS_URL)
# Each process keeps the cached pages it served last, up to this many megabytes.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_MB", "32")) * 1024 * 1024

# What anonymous visitors' public responses tell browsers and shared caches (Varnish, a CDN) in
# Cache-Control (pagecache/contract.py): browsers keep a page CACHE_MAX_AGE seconds, shared caches
# CACHE_S_MAXAGE, serve it stale while they fetch it anew or while the site fails; 404s and
# permanent redirects are kept CACHE_NOT_FOUND_SECONDS by both.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "60"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "600"))
CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_STALE_WHILE_REVALIDATE", "30"))
CACHE_STALE_IF_ERROR = int(os.environ.get("CACHE_STALE_IF_ERROR", "86400"))
CACHE_NOT_FOUND_SECONDS = int(os.environ.get("CACHE_NOT_FOUND_SECONDS", "60"))


def front_cache(environ):
    """WAGTAILFRONTENDCACHE for the front caches the environment names (docs/deployment.md): each
    public event purges everything below every site's root in each of them (pagecache.frontend)."""
    backends = {}
    if environ.get("FRONTEND_CACHE_URL"):
        backends["varnish"] = {
            "BACKEND": "pagecache.frontend.VarnishBackend",
            "LOCATION": environ["FRONTEND_CACHE_URL"],
        }
    if environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "pagecache.frontend.CloudflareBackend",
            "ZONEID": environ["FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"],
            "BEARER_TOKEN": environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        }
    if environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
        # Credentials as boto3 finds them (AWS_ACCESS_KEY_ID …, an instance role).
        backends["cloudfront"] = {
            "BACKEND": "pagecache.frontend.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends


WAGTAILFRONTENDCACHE = front_cache(os.environ)
# The purges ban whole sites; a purge of one address (Wagtail's purge_url_from_cache, in a shell)
# covers it in both languages.
WAGTAILFRONTENDCACHE_LANGUAGES = ["de", "en"]
