"""Wagtail's and wagtail-localize's settings."""

import os

from django.core.exceptions import ImproperlyConfigured

from .languages import LANGUAGES

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

# A page submitted for translation starts as an English draft, not as a live English page
# showing the German text: the translator publishes it once it is translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
