"""Settings shared by every environment. Everything that differs between machines is
read from the environment here; dev, test and production only state what differs.

By concern: languages, caching, security, services (storage, tasks, e-mail) and wagtail
(Wagtail and wagtail-localize) each in their own module; the apps, middleware and database here."""

import os

import dj_database_url

from .caching import *  # noqa: F403
from .environment import BASE_DIR, PROJECT_DIR, env_bool, env_list
from .languages import *  # noqa: F403
from .security import *  # noqa: F403
from .services import *  # noqa: F403
from .wagtail import *  # noqa: F403

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
    "exchange",
    "representatives",
    "network",
    "registration",
    "search",
    "api",
    "newsletter",
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

# Requests per visitor address and minute (or /s, /h) to the open data API (api/v1.py).
API_RATE = os.environ.get("API_RATE", "120/m")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

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
# Participation requests older than this many months are deleted by `delete_old_participation_requests`.
PARTICIPATION_RETENTION_MONTHS = int(os.environ.get("PARTICIPATION_RETENTION_MONTHS", "24"))
# Reports of barriers older than this many months are deleted by `delete_old_barrier_reports`.
BARRIER_REPORT_RETENTION_MONTHS = int(os.environ.get("BARRIER_REPORT_RETENTION_MONTHS", "24"))
# Registrations for meetings and events (registration app): deleted this many months after they
# were made; the link in the first e-mail confirms a registration for this many hours.
REGISTRATION_RETENTION_MONTHS = int(os.environ.get("REGISTRATION_RETENTION_MONTHS", "12"))
REGISTRATION_CONFIRM_HOURS = int(os.environ.get("REGISTRATION_CONFIRM_HOURS", "48"))
# Company representatives (representatives app, docs/representatives.md): the link in the first
# e-mail confirms a request for this many hours; at most this many requests per address or client
# and hour, and this many login links; a one-time login link is valid for this many minutes; a
# representative's session ends after this many idle minutes and at the latest this many hours
# after logging in; a logo may have at most this many bytes.
REPRESENTATIVES_CONFIRM_HOURS = int(os.environ.get("REPRESENTATIVES_CONFIRM_HOURS", "48"))
REPRESENTATIVES_REQUESTS_PER_HOUR = int(os.environ.get("REPRESENTATIVES_REQUESTS_PER_HOUR", "3"))
REPRESENTATIVES_LOGIN_LINKS_PER_HOUR = int(os.environ.get("REPRESENTATIVES_LOGIN_LINKS_PER_HOUR", "5"))
REPRESENTATIVES_LOGIN_LINK_MINUTES = int(os.environ.get("REPRESENTATIVES_LOGIN_LINK_MINUTES", "15"))
REPRESENTATIVES_SESSION_IDLE_MINUTES = int(os.environ.get("REPRESENTATIVES_SESSION_IDLE_MINUTES", "30"))
REPRESENTATIVES_SESSION_MAX_HOURS = int(os.environ.get("REPRESENTATIVES_SESSION_MAX_HOURS", "8"))
REPRESENTATIVES_LOGO_MAX_BYTES = int(os.environ.get("REPRESENTATIVES_LOGO_MAX_BYTES", str(2 * 1024 * 1024)))
# The newsletter (newsletter app): the link in the first e-mail confirms a subscription for this
# many hours (unconfirmed ones are deleted by `delete_unconfirmed_newsletter_subscriptions` after
# that); a delivery claimed by a worker that has not finished it within NEWSLETTER_SEND_LEASE_SECONDS
# is taken over by the next one (the worker crashed); NEWSLETTER_SEND_PAUSE_SECONDS between two
# e-mails spares the SMTP server's rate limits.
NEWSLETTER_CONFIRM_HOURS = int(os.environ.get("NEWSLETTER_CONFIRM_HOURS", "48"))
NEWSLETTER_SEND_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_SEND_LEASE_SECONDS", "300"))
NEWSLETTER_SEND_PAUSE_SECONDS = float(os.environ.get("NEWSLETTER_SEND_PAUSE_SECONDS", "0"))
# The cooperation exchange (exchange app): an approved entry is public for EXCHANGE_ENTRY_MONTHS;
# `send_exchange_renewals` e-mails its renewal link EXCHANGE_RENEWAL_DAYS before the end; the link
# in the first e-mail confirms an entry for EXCHANGE_CONFIRM_HOURS; `delete_old_exchange_entries`
# deletes expired and unconfirmed entries and the answers EXCHANGE_RETENTION_DAYS after.
EXCHANGE_ENTRY_MONTHS = int(os.environ.get("EXCHANGE_ENTRY_MONTHS", "6"))
EXCHANGE_RENEWAL_DAYS = int(os.environ.get("EXCHANGE_RENEWAL_DAYS", "14"))
EXCHANGE_CONFIRM_HOURS = int(os.environ.get("EXCHANGE_CONFIRM_HOURS", "48"))
EXCHANGE_RETENTION_DAYS = int(os.environ.get("EXCHANGE_RETENTION_DAYS", "30"))
