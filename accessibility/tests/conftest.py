from dataclasses import dataclass

import pytest

from home.tests.factories import privacy_and_contact, translate_into_english
from network.tests.conftest import directory, meetings, network_content, network_tree  # noqa: F401 - fixtures used here

from .factories import AccessibilityStatementPageFactory


@dataclass
class Statement:
    german: object
    english: object


@pytest.fixture
def statement(site_tree):
    """The accessibility statement in both languages (/de/barrierefreiheit/ and
    /en/accessibility/) on the test's own site, with the privacy notice its form links to."""
    privacy_and_contact(site_tree)
    german = AccessibilityStatementPageFactory(parent=site_tree.german_home, slug="barrierefreiheit")
    english = translate_into_english(
        german, title="Accessibility statement", slug="accessibility", intro="How accessible this website is."
    )
    return Statement(german, english)


@pytest.fixture
def every_page_type(statement, network_content, meetings, own_site_only, site_tree):  # noqa: F811
    """A live page of every page type in German, and of every translated one in English, on the
    test's own site: the network's pages (`network_content`), news, search, the accessibility
    statement, and the pages in Leichte Sprache (/de/leichte-sprache/) and German Sign Language
    (/de/gebaerdensprache/), which are German only."""
    from wagtail.rich_text import RichText

    from home.tests.factories import SearchPageFactory
    from news.tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

    from .factories import EasyLanguagePageFactory, SignLanguagePageFactory

    german_home = site_tree.german_home
    search = SearchPageFactory(parent=german_home)
    translate_into_english(search, title="Search", slug="search", intro="Search the site.")
    news = NewsIndexPageFactory(parent=german_home, title="Aktuelles", slug="aktuelles")
    translate_into_english(news, title="News", slug="news")
    article = NewsArticlePageFactory(parent=news, title="Gießer treffen sich")
    translate_into_english(
        article,
        title="Founders meet",
        slug="founders-meet",
        teaser="About founders.",
        body=[("paragraph", RichText("<p>Founders met.</p>"))],
    )
    EasyLanguagePageFactory(parent=german_home, slug="leichte-sprache")
    SignLanguagePageFactory(parent=german_home, slug="gebaerdensprache")
