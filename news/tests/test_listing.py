"""The news index: order, pagination, filters and their invalid values, locale isolation."""

import datetime
import re

import pytest

from wagtail.rich_text import RichText

from home.tests.factories import translate_into_english
from news.models import NewsArticlePage

from .factories import NewsArticlePageFactory, NewsIndexPageFactory, link, make_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_news(news_tree, tags):
    """The German news with two articles of 2008 and 2009 about the network, the first about
    metalworking, and their English translations."""
    index = news_tree.german_news
    kick_off = NewsArticlePageFactory(parent=index, title="Auftakt", date=datetime.date(2008, 11, 6))
    link(kick_off, sectors=[news_tree.german_sector], tags=[tags.network])
    suppliers = NewsArticlePageFactory(parent=index, title="Zuliefertag", date=datetime.date(2009, 1, 20))
    link(suppliers, tags=[tags.network])
    for article, title in [(kick_off, "Kick-off"), (suppliers, "Supplier day")]:
        translate_into_english(
            article,
            title=title,
            slug=title.lower().replace(" ", "-"),
            teaser=f"About the {title}.",
            body=[("paragraph", RichText(f"<p>Text about the {title}.</p>"))],
        )
    return index


@pytest.fixture
def english_news(german_news, news_tree):
    return news_tree.english_news


@pytest.fixture
def empty_index(news_tree, tags):
    """A German news index of its own, so a test controls every article in it."""
    return NewsIndexPageFactory(
        parent=news_tree.site_tree.german_home, title="Testnachrichten", slug="testnachrichten"
    )


def listed_titles(response):
    """The article titles of a rendered list, in the order shown."""
    assert response.status_code == 200
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_index_lists_newest_first_twelve_per_page(client, empty_index):
    articles = make_articles(empty_index, 14)
    newest_first = [a.title for a in reversed(articles)]
    assert listed_titles(client.get(empty_index.url)) == newest_first[:12]
    assert listed_titles(client.get(empty_index.url + "?page=2")) == newest_first[12:]


@pytest.mark.parametrize(("page", "expected_page"), [("abc", 1), ("0", 1), ("-3", 1), ("99", 2), ("2", 2), ("", 1)])
def test_page_numbers_out_of_range_or_not_numbers_show_the_nearest_page(client, empty_index, page, expected_page):
    articles = make_articles(empty_index, 14)
    newest_first = [a.title for a in reversed(articles)]
    expected = newest_first[:12] if expected_page == 1 else newest_first[12:]
    assert listed_titles(client.get(empty_index.url, {"page": page})) == expected


def test_index_shows_only_live_articles_of_its_own_language(client, german_news, english_news):
    NewsArticlePageFactory(parent=german_news, title="Entwurf", date=datetime.date(2030, 1, 1), live=False)
    assert listed_titles(client.get(german_news.url)) == ["Zuliefertag", "Auftakt"]
    assert listed_titles(client.get(english_news.url)) == ["Supplier day", "Kick-off"]
    assert NewsArticlePage.objects.filter(title="Entwurf").exists()


@pytest.fixture
def filtered_index(empty_index, news_tree, tags):
    sectors = {"metallverarbeitung": news_tree.german_sector}
    tag = tags.network
    metal_2019 = link(
        NewsArticlePageFactory(parent=empty_index, title="Metall 2019", date=datetime.date(2019, 5, 1)),
        sectors=[sectors["metallverarbeitung"]],
    )
    metal_network_2020 = link(
        NewsArticlePageFactory(parent=empty_index, title="Metall Netzwerk 2020", date=datetime.date(2020, 5, 1)),
        sectors=[sectors["metallverarbeitung"]],
        tags=[tag],
    )
    network_2019 = link(
        NewsArticlePageFactory(parent=empty_index, title="Netzwerk 2019", date=datetime.date(2019, 6, 1)),
        tags=[tag],
    )
    NewsArticlePageFactory(parent=empty_index, title="Ohne alles 2020", date=datetime.date(2020, 6, 1))
    return empty_index, metal_2019, metal_network_2020, network_2019


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "metallverarbeitung"}, ["Metall Netzwerk 2020", "Metall 2019"]),
        ({"tag": "netzwerkarbeit"}, ["Metall Netzwerk 2020", "Netzwerk 2019"]),
        ({"year": "2019"}, ["Netzwerk 2019", "Metall 2019"]),
        ({"sector": "metallverarbeitung", "tag": "netzwerkarbeit"}, ["Metall Netzwerk 2020"]),
        ({"sector": "metallverarbeitung", "year": "2019"}, ["Metall 2019"]),
        ({"tag": "netzwerkarbeit", "year": "2019"}, ["Netzwerk 2019"]),
        ({"sector": "metallverarbeitung", "tag": "netzwerkarbeit", "year": "2019"}, []),
    ],
)
def test_filters_alone_and_combined(client, filtered_index, query, expected):
    index = filtered_index[0]
    assert listed_titles(client.get(index.url, query)) == expected


@pytest.mark.parametrize(
    "query",
    [{"sector": "gibt-es-nicht"}, {"tag": "<script>"}, {"year": "zwanzig"}, {"year": "1850"}, {"year": "9" * 5000}],
)
def test_unknown_filter_values_are_ignored(client, filtered_index, query):
    index = filtered_index[0]
    assert listed_titles(client.get(index.url, query)) == [
        "Ohne alles 2020",
        "Metall Netzwerk 2020",
        "Netzwerk 2019",
        "Metall 2019",
    ]


def test_filter_form_offers_the_languages_sectors_tags_and_years(client, english_news):
    html = client.get(english_news.url).content.decode()
    assert '<option value="metalworking">Metalworking</option>' in html
    assert '<option value="networking">Networking</option>' in html
    assert '<option value="2008">2008</option>' in html
    assert '<option value="2009">2009</option>' in html
    assert "Metallverarbeitung" not in html and "Netzwerkarbeit" not in html


def test_year_filter_offers_a_new_year_as_soon_as_its_first_article_is_published(client, german_news):
    assert '<option value="2031">2031</option>' not in client.get(german_news.url).content.decode()
    NewsArticlePageFactory(parent=german_news, title="Ausblick 2031", date=datetime.date(2031, 1, 15))
    # The filter choices are cached for every visitor; publishing makes them fresh at once.
    assert '<option value="2031">2031</option>' in client.get(german_news.url).content.decode()


def test_pagination_links_keep_the_filters(client, empty_index, tags):
    tag = tags.cooperation
    for article in make_articles(empty_index, 13):
        link(article, tags=[tag])
    html = client.get(empty_index.url, {"tag": "zusammenarbeit", "year": "2020"}).content.decode()
    assert 'href="?tag=zusammenarbeit&amp;year=2020&amp;page=2"' in html
    second = client.get(empty_index.url, {"tag": "zusammenarbeit", "year": "2020", "page": "2"})
    assert len(listed_titles(second)) == 1


def test_english_sector_filter_finds_articles_related_to_the_german_sector(client, english_news):
    assert listed_titles(client.get(english_news.url, {"sector": "metalworking"})) == ["Kick-off"]


def found_count(response):
    return int(re.search(r"Gefundene Beiträge: (\d+)", response.content.decode()).group(1))


def test_list_order_and_count_are_fresh_after_publishing_and_unpublishing(client, empty_index, tags):
    tag = tags.cooperation
    first, second = make_articles(empty_index, 2)
    link(first, tags=[tag])
    assert found_count(client.get(empty_index.url, {"tag": "zusammenarbeit"})) == 1
    assert found_count(client.get(empty_index.url)) == 2
    # Order and count are cached for every visitor; content changes make them fresh at once.
    link(second, tags=[tag])
    assert found_count(client.get(empty_index.url, {"tag": "zusammenarbeit"})) == 2
    newest = NewsArticlePageFactory(parent=empty_index, title="Ganz neu", date=datetime.date(2030, 1, 1))
    assert listed_titles(client.get(empty_index.url)) == [newest.title, second.title, first.title]
    first.unpublish()
    assert listed_titles(client.get(empty_index.url)) == [newest.title, second.title]
    assert found_count(client.get(empty_index.url, {"tag": "zusammenarbeit"})) == 1
