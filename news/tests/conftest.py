import pytest

from home.models import HomePage
from news.models import NewsIndexPage

from .factories import NewsIndexPageFactory


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
