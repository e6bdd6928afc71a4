"""The response headers the MDN HTTP Observatory grades, on public pages and in the admin."""

import pytest

from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]


def csp(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "a-long-password-123")
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", ["/de/", "/en/initiative/", "/de/gibt-es-nicht/", "/robots.txt", "/healthz"])
def test_public_responses_carry_a_strict_content_security_policy(client, url):
    policy = csp(client.get(url))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_public_policy_allows_no_inline_eval_data_or_foreign_scripts(client):
    sources = csp(client.get("/de/"))["script-src"]
    for unsafe in ["'unsafe-inline'", "'unsafe-eval'", "data:", "https:", "http:", "*"]:
        assert unsafe not in sources


def test_public_pages_contain_no_script_the_policy_would_block(client):
    """Every <script> that runs is loaded from our origin; inline ones are JSON data only."""
    import re

    html = client.get("/de/").content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/' in tag or 'type="application/ld+json"' in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers need 'unsafe-inline'"
    assert " style=" not in html, "style attributes need 'unsafe-inline'"


@pytest.mark.parametrize("url", ["/de/", "/en/", "/healthz"])
def test_public_responses_carry_the_other_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()", "browsing-topics=()"]:
        assert feature in permissions


def test_admin_gets_its_own_policy_that_lets_it_frame_its_previews(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]  # the Wagtail admin needs it; public pages do not


def test_admin_login_page_carries_the_admin_policy_and_no_foreign_sources(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    for values in csp(response).values():
        assert not [v for v in values if v.startswith(("http:", "https:", "//"))]


def test_page_preview_may_be_framed_by_the_admin(editor_client):
    from home.models import StandardPage

    page = StandardPage.objects.get(slug="initiative", locale__language_code="de")
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(response)["frame-ancestors"] == ["'self'"]


def test_forged_host_header_gets_400(client):
    assert client.get("/de/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/healthz", HTTP_HOST="evil.example").status_code == 400


def test_forwarded_host_header_does_not_change_the_sites_links(client):
    html = client.get("/de/initiative/", HTTP_X_FORWARDED_HOST="evil.example").content.decode()
    assert "evil.example" not in html
    assert '<link rel="canonical" href="http://testserver/de/initiative/">' in html


def test_session_and_csrf_cookies_are_httponly_and_samesite(client):
    from django.conf import settings

    response = client.get("/admin/login/")
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["samesite"] == "Lax"
    get_user_model().objects.create_superuser("redakteur", "r@example.org", "a-long-password-123")
    response = client.post("/admin/login/", {"username": "redakteur", "password": "a-long-password-123"})
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
