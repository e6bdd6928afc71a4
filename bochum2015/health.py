"""Health check for the load balancer and the answer the public gets while the database is down."""

import logging
import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.views import server_error as core_server_error

logger = logging.getLogger(__name__)

# Errors that mean "the database cannot be reached", not "our code has a bug".
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return False


def _cache_answers():
    # django-redis is set to ignore a Redis that is down: a missing value then means no cache.
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # any backend's failure means the same here
        logger.warning("Health check: the cache does not answer", exc_info=True)
        return False


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers (the site can serve), 503 otherwise; the cache only informs."""
    database = _database_answers()
    body = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if _cache_answers() else "unavailable",
    }
    return JsonResponse(body, status=200 if database else 503)


def _request_language(request):
    """The language of the URL's prefix, else the browser's; reads no database."""
    return translation.get_language_from_path(request.path_info) or translation.get_language_from_request(request)


def service_unavailable(request):
    """A static, styled 503 page in the request's language; needs neither database nor context."""
    with translation.override(_request_language(request)):
        html = loader.get_template("503.html").render()
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a database that cannot be reached is an outage (503), anything else a bug (500)."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return service_unavailable(request)
    return core_server_error(request)
