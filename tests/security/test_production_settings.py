"""Production settings: refuse unsafe configuration; HSTS, HTTPS redirect and secure cookies."""

import json

import pytest

from tests.test_settings import PRODUCTION_ENV, run_django

# Asks the production settings for a few answers in one process (no database needed).
PROBE = """
import json
from django.conf import settings
from django.test import Client
client = Client()
secure = client.get("/robots.txt", secure=True, HTTP_HOST="www.bochum2015.example")
plain = client.get("/robots.txt", HTTP_HOST="www.bochum2015.example")
forged = client.get("/robots.txt", secure=True, HTTP_HOST="evil.example")
print(json.dumps({
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": secure.get("Content-Security-Policy"),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "forged_status": forged.status_code,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "session_cookie_samesite": settings.SESSION_COOKIE_SAMESITE,
    "csrf_cookie_samesite": settings.CSRF_COOKIE_SAMESITE,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "debug": settings.DEBUG,
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    database = tmp_path_factory.mktemp("production") / "db.sqlite3"
    # An empty database: the probe asks only for pages that need none (the page cache would).
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{database}", "PAGE_CACHE_SECONDS": "0"}
    result = run_django(env, "shell", "-c", PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_pages_carry_hsts_of_at_least_half_a_year_with_preload(production):
    hsts = dict(part.strip().partition("=")[::2] for part in production["hsts"].split(";"))
    assert int(hsts["max-age"]) >= 15_768_000
    assert "includeSubDomains" in hsts and "preload" in hsts


def test_plain_http_is_redirected_to_https(production):
    assert production["plain_status"] == 301
    assert production["plain_location"] == "https://www.bochum2015.example/robots.txt"


def test_production_policy_upgrades_insecure_requests(production):
    assert "upgrade-insecure-requests" in production["csp"]
    assert "frame-ancestors 'none'" in production["csp"]


def test_forged_host_gets_400_in_production(production):
    assert production["forged_status"] == 400


def test_cookies_are_secure_httponly_and_samesite_in_production(production):
    assert production["session_cookie_secure"] is True
    assert production["csrf_cookie_secure"] is True
    assert production["session_cookie_httponly"] is True
    assert production["session_cookie_samesite"] == "Lax"
    assert production["csrf_cookie_samesite"] == "Lax"
    assert production["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["debug"] is False


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"SECRET_KEY": "django-insecure-local-development-key-not-for-production"}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "short-key"}, "SECRET_KEY is too weak"),
        ({"SECRET_KEY": "a" * 60}, "SECRET_KEY is too weak"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is not set"),
        ({"ALLOWED_HOSTS": "*"}, "'*' would accept forged Host headers"),
        ({"DEBUG": "true"}, "DEBUG is on"),
    ],
    ids=["default-key", "short-key", "repetitive-key", "empty-hosts", "wildcard-host", "debug-on"],
)
def test_production_refuses_to_start_with_unsafe_configuration(override, message):
    result = run_django({**PRODUCTION_ENV, **override}, "check")
    assert result.returncode != 0
    assert message in result.stderr


def test_admin_path_is_configurable():
    probe = "from django.urls import reverse; print(reverse('wagtailadmin_home'))"
    result = run_django({**PRODUCTION_ENV, "ADMIN_PATH": "/redaktion-intern/"}, "shell", "-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "/redaktion-intern/"
