"""Settings shared by every environment. Everything that differs between machines is
read from the environment here; dev, test and production only state what differs."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, the domain apps first (their templates win), the shared base last (README "Apps").
    "home",
    "accessibility",
    "news",
    "events",
    "network",
    "registration",
    "search",
    "api",
    "editorial",
    "localization",
    "navigation",
    "seo",
    "core",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales, as wagtail-localize asks
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    # django-tasks' database backend: its table holds the queue when TASKS_BACKEND names it.
    "django_tasks_db",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
# Demo content and benchmark tooling: installed for development and tests, and in production only
# where asked for (a staging site with demo content, the benchmark's servers).
TOOLING_APPS = ["demo", "bench"]
if env_bool("INSTALL_TOOLING"):
    INSTALLED_APPS = TOOLING_APPS + INSTALLED_APPS

# The security headers come first so that every response gets them, whether it comes from
# a view, the page cache or the 503 handler below them.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bochum2015.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every response's Cache-Control (public pages for shared caches, never anything personal):
    # above the session, locale and CSRF middleware, which add cookies and Vary headers.
    "pagecache.contract.CacheContractMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "localization.middleware.LocaleMiddleware",
    # After the locale, so that the 400 page speaks the address's language.
    "bochum2015.security.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Below CSRF (a page that used a token is not stored) and above the middleware that adds
    # headers inside the response, which are stored with it (pagecache/cache.py).
    "pagecache.cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Snippets are translated only by those who may edit the target language (editorial/permissions.py).
    "editorial.permissions.TranslationLanguageMiddleware",
    # Admin views that ask for no permission of their own (choosers, reports, a confirmation).
    "editorial.permissions.AdminViewPermissionMiddleware",
    # Malformed input that Wagtail's bulk actions and wagtail-localize's PO upload would answer with a 500.
    "bochum2015.security.RejectMalformedBulkActionIdsMiddleware",
    "localization.po_upload.PoUploadCheckMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Pages under the wrong language prefix lead to their translation or to the notice.
    "localization.untranslated.UntranslatedPageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bochum2015.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "bochum2015.wsgi.application"

# SQLite in the checkout by default; DATABASE_URL=postgres://... switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Transactions take SQLite's write lock when they begin: one that read first and then writes
    # (saving a page) would otherwise fail with "database is locked" as soon as another request
    # (the admin's editing-session ping) wrote in between, instead of waiting its turn.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# django-axes watches the admin login: after AXES_FAILURE_LIMIT wrong passwords for one user
# name from one address, that pair is locked out for AXES_COOLOFF_TIME (429 response).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"

# Proxies in front of the site that append the visitor's address to X-Forwarded-For (0: none,
# visitors connect directly). The login lockout and the participation form's limit per address
# use the address the outermost trusted proxy saw (core/client_ip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Only editors have sessions; they end after SESSION_COOKIE_AGE and with the browser.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German is the source language; English is its translation.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Requests per visitor address and minute (or /s, /h) to the open data API (api/v1.py).
API_RATE = os.environ.get("API_RATE", "120/m")
# Addresses without a language prefix whose views answer in the language their path names.
LANGUAGE_NEUTRAL_PATHS = ["/api/"]
TIME_ZONE = "Europe/Berlin"
# English dates and times in the style of the English news: bochum2015/formats/en/formats.py.
FORMAT_MODULE_PATH = ["bochum2015.formats"]
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images and documents in S3-compatible object storage (django-storages) when a bucket
# is named, so that every app node sees the same files; local MEDIA_ROOT otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    # Images are public and served from this host name and path (nginx or a CDN in front of the
    # bucket), so their addresses need no signature; documents are only served by Wagtail's view.
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    AWS_QUERYSTRING_AUTH = not AWS_S3_CUSTOM_DOMAIN
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}

# Background tasks (search index, reference index, front-cache purges, e-mails): run at once in the
# request by default; TASKS_BACKEND=django_tasks_db.DatabaseBackend queues them in the database for
# `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers of every environment; production.py adds HSTS, the HTTPS redirect and
# secure cookies. Public pages: a strict policy without inline scripts or styles.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin needs inline scripts and styles, eval in its choosers, blob: images and
# frames of its own previews (bochum2015.security picks this policy for the admin's paths).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
} | {"fullscreen": ["self"]}

# E-mail: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bochum 2015 <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Bochum 2015"
# URL path of the admin (without slashes); another than the default keeps the login out of scanners' way.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin").strip("/") or "admin"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One database search backend per language (PostgreSQL stems each with its own dictionary);
# they share one index table, see search/backend.py. The search page uses the backend
# named like the language being shown, or "default".
WAGTAILSEARCH_LANGUAGE_CONFIGS = {"de": "german", "en": "english"}
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "german"},
    "en": {"BACKEND": "search.backend", "SEARCH_CONFIG": "english", "AUTO_UPDATE": False},
}
# The admin makes no request to other hosts either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# mp4, webm and vtt: the sign-language video and its captions (accessibility.SignLanguagePage).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "pdf", "pptx", "rtf", "txt", "vtt", "webm", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents only through Wagtail's view (privacy checked, `default-src 'none'`) and always as a
# download: no uploaded file is rendered by the browser as a page of our origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry scripts
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"


def machine_translator_from_env(environ=os.environ):
    """wagtail-localize's machine translation: off unless a provider and its key are set."""
    provider = environ.get("MACHINE_TRANSLATION_PROVIDER", "").strip().lower()
    key = environ.get("MACHINE_TRANSLATION_KEY", "").strip()
    if not (provider and key):
        return None
    if provider == "deepl":
        return {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator", "OPTIONS": {"AUTH_KEY": key}}
    if provider == "libretranslate" and environ.get("MACHINE_TRANSLATION_URL"):
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": environ["MACHINE_TRANSLATION_URL"], "API_KEY": key},
        }
    raise ImproperlyConfigured(
        "MACHINE_TRANSLATION_PROVIDER must be 'deepl', or 'libretranslate' together with MACHINE_TRANSLATION_URL"
    )


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's background tasks run inline and log every step; only problems matter.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Lockouts are warnings; every single failed login would be noise.
        "axes": {"level": "WARNING"},
    },
}

# Password of the local admin user that `load_demo_content` creates (development only).
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "bochum2015-demo")
# Whether `load_demo_content` creates those users; never in production (production.py).
DEMO_USERS = True
# A page submitted for translation starts as an English draft, not as a live English page
# showing the German text: the translator publishes it once it is translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Participation requests older than this many months are deleted by `delete_old_participation_requests`.
PARTICIPATION_RETENTION_MONTHS = int(os.environ.get("PARTICIPATION_RETENTION_MONTHS", "24"))
# Reports of barriers older than this many months are deleted by `delete_old_barrier_reports`.
BARRIER_REPORT_RETENTION_MONTHS = int(os.environ.get("BARRIER_REPORT_RETENTION_MONTHS", "24"))
# Registrations for meetings and events (registration app): deleted this many months after they
# were made; the link in the first e-mail confirms a registration for this many hours.
REGISTRATION_RETENTION_MONTHS = int(os.environ.get("REGISTRATION_RETENTION_MONTHS", "12"))
REGISTRATION_CONFIRM_HOURS = int(os.environ.get("REGISTRATION_CONFIRM_HOURS", "48"))
