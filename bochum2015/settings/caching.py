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
