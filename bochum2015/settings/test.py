import os

from .base import *  # noqa: F403

INSTALLED_APPS = [app for app in TOOLING_APPS if app not in INSTALLED_APPS] + INSTALLED_APPS  # noqa: F405

SECRET_KEY = "test-secret-key-only-used-by-the-test-suite"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Room for every rendition and fragment of the query-count tests: an entry culled at random
# would make a count differ by chance.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}}
# Tests see what they render; the page cache tests switch the cache on (tests/performance/).
PAGE_CACHE_SECONDS = 0
# The caches above are this process's own, whatever REDIS_URL the machine sets; the shared-cache
# tests switch this on with a Redis cache of their own.
PAGE_CACHE_SHARED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One folder per pytest-xdist worker: each loads the demo content with its images.
MEDIA_ROOT = BASE_DIR / "var" / f"test-media{os.environ.get('PYTEST_XDIST_WORKER', '')}"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Static files come straight from the app folders; no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
# No test calls a remote service, whatever the machine's environment says.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Wagtail's and Django's test logins authenticate without a request, which django-axes refuses;
# the lockout tests switch it on.
AXES_ENABLED = False
# No front cache to purge, whatever the machine's environment says (the purge tests set their own).
WAGTAILFRONTENDCACHE = {}
