"""Browsers ask every page for an icon: the site names its own, so none asks for a missing /favicon.ico."""

import re

import pytest

from django.contrib.staticfiles import finders

from home.tests.factories import translate_into_english
from news.tests.factories import NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def addresses(site_tree):
    news = NewsIndexPageFactory(parent=site_tree.german_home)
    english_news = translate_into_english(news, title="News", slug="news")
    return {"home": site_tree.german_home.url, "news": english_news.url, "missing": "/de/gibt-es-nicht/"}


@pytest.mark.parametrize("page", ["home", "news", "missing"])
def test_every_page_links_the_sites_own_icon(client, addresses, page):
    html = client.get(addresses[page]).content.decode()
    icon = re.search(r'<link rel="icon" href="/static/([^"]+)"', html)
    assert icon, "no icon link"
    assert finders.find(icon.group(1)), icon.group(1)
