from dataclasses import dataclass

import pytest

from home.models import HomePage
from news.models import NewsIndexPage

from .factories import NewsIndexPageFactory, NewsTagFactory


@pytest.fixture
def german_home(db):
    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def german_news(db):
    return NewsIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def english_news(db):
    return NewsIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def empty_index(german_home):
    """A German news index of its own, so a test controls every article in it."""
    return NewsIndexPageFactory(parent=german_home, title="Testnachrichten", slug="testnachrichten")


@dataclass
class NewsTree:
    """A bilingual site of the tests' own with search and news ("Aktuelles"/"News"), and a
    focus sector in both languages ("Metallverarbeitung"/"Metalworking")."""

    site_tree: object
    german_news: NewsIndexPage
    english_news: NewsIndexPage
    german_sector: object
    english_sector: object


@pytest.fixture
def news_tree(site_tree):
    from home.tests.factories import SearchPageFactory, translate_into_english
    from network.tests.factories import FocusSectorIndexPageFactory, FocusSectorPageFactory

    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    german_home = site_tree.german_home
    search = SearchPageFactory(parent=german_home)
    translate_into_english(search, title="Search", slug="search", intro="Search the site.")
    german_news = NewsIndexPageFactory(
        parent=german_home, title="Aktuelles", slug="aktuelles", intro="Neues aus der Wachstumsinitiative."
    )
    english_news = translate_into_english(german_news, title="News", slug="news", intro="News of the initiative.")
    sectors = FocusSectorIndexPageFactory(parent=german_home)
    translate_into_english(sectors, title="Focus sectors", slug="focus-sectors", intro="Where Bochum is strong.")
    german_sector = FocusSectorPageFactory(parent=sectors, title="Metallverarbeitung", slug="metallverarbeitung")
    english_sector = translate_into_english(
        german_sector, title="Metalworking", slug="metalworking", intro="Metalworking in Bochum."
    )
    return NewsTree(site_tree, german_news, english_news, german_sector, english_sector)


@dataclass
class Tags:
    network: object
    cooperation: object


@pytest.fixture
def tags(news_tree):
    """Two tags with their English names (names the demo content does not use)."""
    from home.tests.factories import translate_into_english

    network = NewsTagFactory(name="Netzwerkarbeit", slug="netzwerkarbeit")
    translate_into_english(network, name="Networking", slug="networking")
    cooperation = NewsTagFactory(name="Zusammenarbeit", slug="zusammenarbeit")
    translate_into_english(cooperation, name="Collaboration", slug="collaboration")
    return Tags(network, cooperation)
