from .base import *  # noqa: F403

INSTALLED_APPS = [app for app in TOOLING_APPS if app not in INSTALLED_APPS] + INSTALLED_APPS  # noqa: F405

# Visitors' pages (the designed 404 and 500) unless a developer asks for Django's debug pages.
DEBUG = env_bool("DEBUG")  # noqa: F405
# A fixed key for local development only; production refuses to start without its own.
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-key-not-for-production"  # noqa: F405, S105
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
