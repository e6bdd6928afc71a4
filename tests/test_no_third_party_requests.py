"""No request leaves the site: every page (of a complete site, `complete_site`) and the admin reference
only our own host."""

import re

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]
# src/href of resources the browser loads by itself (not links a visitor chooses to follow).
RESOURCE = re.compile(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href|srcset)="([^"]+)"', re.I)


def external_resources(html):
    found = []
    for match in RESOURCE.finditer(html):
        tag = match.group(0).lower()
        if tag.startswith("<link") and ('rel="alternate"' in tag or 'rel="canonical"' in tag):
            continue
        url = match.group(1)
        if url.startswith(("http://", "https://", "//")) and not url.startswith("http://testserver/"):
            found.append(url)
    return found


def test_public_pages_load_nothing_from_other_hosts(client):
    pages = Page.objects.live().filter(depth__gte=2)
    assert pages.count() >= 2 * 17
    for page in pages:
        html = client.get(page.url).content.decode()
        assert external_resources(html) == [], page.url


def test_admin_dashboard_loads_nothing_from_other_hosts(client):
    user = get_user_model().objects.create_superuser("chef", "chef@example.org", "a-long-password-123")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert external_resources(html) == []
    assert "gravatar" not in html.lower()
