import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

# Refuse to start with a configuration that would be unsafe on the internet.
if not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or SECRET_KEY.startswith("test-secret-key"):  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs its own secret key in the environment, "
        "e.g. SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:  # noqa: F405 (Django's own measure of a strong key)
    raise ImproperlyConfigured("SECRET_KEY is too weak: use at least 50 random characters.")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set: name the site's host names, comma-separated.")
if "*" in ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's hosts; '*' would accept forged Host headers.")
if env_bool("DEBUG"):  # noqa: F405
    raise ImproperlyConfigured("DEBUG is on: production never shows debug pages. Unset DEBUG.")

DEBUG = False

# The demo users' passwords are known: `load_demo_content` never creates them here.
DEMO_USERS = False

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# TLS terminates at the proxy in front of gunicorn; it sets X-Forwarded-Proto (and must
# overwrite one the client sent). The load balancer's health check may stay on plain HTTP.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
