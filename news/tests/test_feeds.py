"""RSS 2.0 feeds per language and per focus sector, and their links in every page's head."""

import datetime
import re
from email.utils import parsedate_to_datetime

import pytest
from defusedxml.ElementTree import fromstring

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.tests.factories import translate_into_english
from news.models import NewsArticlePage

from .factories import NewsArticlePageFactory, link

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(news_tree):
    """Four German articles with pictures, the newest first; three in English, two of them about
    metalworking."""
    image = get_image_model().objects.create(title="Halle", file=get_test_image_file_jpeg())
    german = [
        NewsArticlePageFactory(
            parent=news_tree.german_news,
            title=title,
            date=datetime.date(2009, 3, day),
            lead_image=image,
            lead_image_alt="Eine Werkshalle",
        )
        for title, day in [("Leitfaden Energie", 26), ("Messestand", 5), ("Zweites Treffen", 2), ("Auftakt", 1)]
    ]
    for article in german[:2]:
        link(article, sectors=[news_tree.german_sector])
    for article, title in zip(german[:3], ["Energy guide", "Fair stand", "Second meeting"], strict=False):
        translate_into_english(
            article,
            title=title,
            slug=title.lower().replace(" ", "-"),
            teaser=f"About {title}.",
            body=[("paragraph", RichText(f"<p>Text about {title}.</p>"))],
            lead_image_alt="A factory hall",
        )
    return news_tree


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return fromstring(response.content)


def test_feed_is_rss_2_with_absolute_links_dates_teasers_and_image_enclosures(client, news):
    german_news = news.german_news
    rss = read_feed(client, "/de/aktuelles/feed/")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    # The elements RSS 2.0 requires of a channel, and of each item a title or description.
    assert channel.findtext("title") == "Aktuelles – Bochum 2015"
    assert channel.findtext("link") == "http://testserver/de/aktuelles/"
    assert channel.findtext("description") == german_news.intro
    assert channel.findtext("language") == "de"
    items = channel.findall("item")
    live = NewsArticlePage.objects.live().child_of(german_news).order_by("-date")
    assert [item.findtext("title") for item in items] == [
        "Leitfaden Energie",
        "Messestand",
        "Zweites Treffen",
        "Auftakt",
    ]
    for item, article in zip(items, live, strict=True):
        assert item.findtext("link") == f"http://testserver{article.url}"
        assert item.findtext("guid") == item.findtext("link")
        assert item.findtext("description") == article.teaser
        assert parsedate_to_datetime(item.findtext("pubDate")).date() == article.date
        enclosure = item.find("enclosure")
        assert enclosure.get("url").startswith("http://testserver/media/images/")
        assert enclosure.get("type") == "image/jpeg"
        assert int(enclosure.get("length")) > 0


def test_english_feed_has_only_english_articles(client, news):
    rss = read_feed(client, "/en/news/feed/")
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert titles == ["Energy guide", "Fair stand", "Second meeting"]
    assert rss.find("channel").findtext("language") == "en"


def test_sector_feed_has_only_the_sectors_articles(client, news):
    rss = read_feed(client, "/en/news/feed/?sector=metalworking")
    channel = rss.find("channel")
    assert channel.findtext("title") == "News: Metalworking – Bochum 2015"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Energy guide", "Fair stand"]
    german = read_feed(client, "/de/aktuelles/feed/?sector=metallverarbeitung").find("channel")
    assert [item.findtext("title") for item in german.findall("item")] == ["Leitfaden Energie", "Messestand"]


def test_every_page_links_its_languages_feed_in_the_head(client, news):
    feed_link = re.compile(r'<link rel="alternate" type="application/rss\+xml" title="[^"]+" href="([^"]+)">')
    homes = (news.site_tree.german_home, news.site_tree.english_home)
    pages = [page for home in homes for page in Page.objects.live().descendant_of(home, inclusive=True)]
    assert len(pages) == 17
    for page in pages:
        html = client.get(page.url).content.decode()
        head = html[: html.index("</head>")]
        expected = {"de": "http://testserver/de/aktuelles/feed/", "en": "http://testserver/en/news/feed/"}
        assert expected[page.locale.language_code] in feed_link.findall(head), page.url


def test_sector_page_also_links_its_sector_feed(client, news):
    html = client.get("/de/fokusbranchen/metallverarbeitung/").content.decode()
    assert 'href="http://testserver/de/aktuelles/feed/?sector=metallverarbeitung"' in html
