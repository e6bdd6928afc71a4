"""RSS 2.0 feeds per language and per focus sector, and their links in every page's head."""

import re
from email.utils import parsedate_to_datetime

import pytest
from defusedxml.ElementTree import fromstring

from wagtail.models import Page

from news.models import NewsArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return fromstring(response.content)


def test_feed_is_rss_2_with_absolute_links_dates_teasers_and_image_enclosures(client, german_news):
    rss = read_feed(client, "/de/aktuelles/feed/")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    # The elements RSS 2.0 requires of a channel, and of each item a title or description.
    assert channel.findtext("title") == "Aktuelles – Bochum 2015"
    assert channel.findtext("link") == "http://testserver/de/aktuelles/"
    assert channel.findtext("description") == german_news.intro
    assert channel.findtext("language") == "de"
    items = channel.findall("item")
    live = NewsArticlePage.objects.live().filter(locale__language_code="de").order_by("-date")
    assert [item.findtext("title") for item in items] == [article.title for article in live]
    for item, article in zip(items, live, strict=True):
        assert item.findtext("link") == f"http://testserver{article.url}"
        assert item.findtext("guid") == item.findtext("link")
        assert item.findtext("description") == article.teaser
        assert parsedate_to_datetime(item.findtext("pubDate")).date() == article.date
        enclosure = item.find("enclosure")
        assert enclosure.get("url").startswith("http://testserver/media/images/")
        assert enclosure.get("type") == "image/jpeg"
        assert int(enclosure.get("length")) > 0


def test_english_feed_has_only_english_articles(client):
    rss = read_feed(client, "/en/news/feed/")
    titles = {item.findtext("title") for item in rss.iter("item")}
    assert "Production Network: achieving more together" in titles
    assert titles == set(
        NewsArticlePage.objects.live().filter(locale__language_code="en").values_list("title", flat=True)
    )
    assert rss.find("channel").findtext("language") == "en"


def test_sector_feed_has_only_the_sectors_articles(client):
    rss = read_feed(client, "/en/news/feed/?sector=metalworking")
    channel = rss.find("channel")
    assert channel.findtext("title") == "News: Metalworking – Bochum 2015"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == [
        "Saving energy in production: a guide for companies",
        "Going to the fair together: a joint Bochum stand is planned",
        "Metal training alliance: companies train apprentices together",
        "Production Network: achieving more together",
        "Bochum 2015 focuses on its key sectors",
    ]


def test_every_page_links_its_languages_feed_in_the_head(client):
    feed_link = re.compile(r'<link rel="alternate" type="application/rss\+xml" title="[^"]+" href="([^"]+)">')
    for page in Page.objects.live().filter(depth__gte=2).select_related("locale"):
        html = client.get(page.url).content.decode()
        head = html[: html.index("</head>")]
        expected = {"de": "http://testserver/de/aktuelles/feed/", "en": "http://testserver/en/news/feed/"}
        assert expected[page.locale.language_code] in feed_link.findall(head), page.url


def test_sector_page_also_links_its_sector_feed(client):
    html = client.get("/de/fokusbranchen/metallverarbeitung/").content.decode()
    assert 'href="http://testserver/de/aktuelles/feed/?sector=metallverarbeitung"' in html
