"""Browsers ask every page for an icon: the site names its own, so none asks for a missing /favicon.ico."""

import re

import pytest

from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.mark.parametrize("url", ["/de/", "/en/news/", "/de/gibt-es-nicht/"])
def test_every_page_links_the_sites_own_icon(client, url):
    html = client.get(url).content.decode()
    icon = re.search(r'<link rel="icon" href="/static/([^"]+)"', html)
    assert icon, "no icon link"
    assert finders.find(icon.group(1)), icon.group(1)
