"""Languages, time zone and formats: German is the source, English its translation."""

from django.utils.translation import gettext_lazy as _

from .environment import PROJECT_DIR

# German is the source language; English is its translation.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Addresses without a language prefix whose views answer in the language their path names.
LANGUAGE_NEUTRAL_PATHS = ["/api/"]
TIME_ZONE = "Europe/Berlin"
# English dates and times in the style of the English news: bochum2015/formats/en/formats.py.
FORMAT_MODULE_PATH = ["bochum2015.formats"]
USE_I18N = True
USE_TZ = True
