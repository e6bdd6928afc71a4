"""A bilingual site of the search tests' own: a foundry network with three meetings, two
articles about it, a company in the company directory, and the search pages ("Suche"/"Search").

The search of a language looks at every live page of that language: the pages of other trees
(the demo content, when the test database has it) are offline for the test (`own_site_only`),
so a search shows only the test's own pages, as it does without the demo content."""

import datetime
from dataclasses import dataclass

import pytest

from wagtail.rich_text import RichText

from home.tests.factories import translate_into_english
from network.models import BERLIN
from network.tests.conftest import meetings, network_tree  # noqa: F401 - fixtures used here
from network.tests.factories import CompanyDirectoryPageFactory, CompanyFactory
from news.tests.conftest import news_tree  # noqa: F401 - a fixture used here
from news.tests.factories import NewsArticlePageFactory
from search.models import SearchPage


@dataclass
class SearchSite:
    german_home: object
    english_home: object
    german_search: object
    english_search: object
    german_meetings: list
    english_meetings: list
    company: object


def _at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=BERLIN)


def _article(index, title, date, teaser, body):
    return NewsArticlePageFactory(
        parent=index,
        title=title,
        date=date,
        first_published_at=_at(date.year, date.month, date.day),
        teaser=teaser,
        body=[("paragraph", RichText(f"<p>{body}</p>"))],
    )


def _english_article(article, title, slug, teaser, body):
    return translate_into_english(
        article, title=title, slug=slug, teaser=teaser, body=[("paragraph", RichText(f"<p>{body}</p>"))]
    )


@pytest.fixture
def search_site(news_tree, network_tree, meetings, own_site_only):  # noqa: F811 - the fixtures imported above
    tree = news_tree.site_tree
    german_home, english_home = tree.german_home, tree.english_home

    german_meetings, english_meetings = meetings

    first = _article(
        news_tree.german_news,
        "Netzwerk Gießerei: Gemeinsam mehr erreichen",
        datetime.date(1990, 11, 6),
        "Zwanzig Gießereien kamen zum ersten Treffen ihres Netzwerks.",
        "Rund zwanzig Gießereien und ihre Zulieferer folgten dem Aufruf zum Auftakttreffen im "
        "Technologie-Zentrum Ruhr. Moderiert von Erika Muster sammelte das Netzwerk erste Ideen.",
    )
    _english_article(
        first,
        "Foundry Network: achieving more together",
        "foundry-network-achieving-more-together",
        "Twenty foundries came to the first meeting of their network.",
        "Around twenty foundries and their suppliers answered the call to the kick-off meeting at the "
        "Technologie-Zentrum Ruhr. Moderated by Erika Muster, the network collected its first ideas.",
    )
    second = _article(
        news_tree.german_news,
        "Netzwerk Gießerei: zweites Treffen mit ersten Projekten",
        datetime.date(1991, 4, 24),
        "Beim zweiten Treffen des Netzwerks entstanden die ersten Projekte.",
        "Das Netzwerk Gießerei hat beim zweiten Treffen zwei gemeinsame Projekte begonnen.",
    )
    _english_article(
        second,
        "Foundry Network: second meeting with first projects",
        "foundry-network-second-meeting",
        "The network's second meeting started its first projects.",
        "At its second meeting the Foundry Network started two joint projects.",
    )

    directory = CompanyDirectoryPageFactory(parent=german_home)
    translate_into_english(directory, title="Companies", slug="companies", intro="Companies in Bochum.")
    company = CompanyFactory(
        name="Hordeler Gusswerk GmbH", description="Sandguss und Kokillenguss für Pumpengehäuse und Armaturen."
    )
    translate_into_english(company, description="Sand casting and die casting for pump housings and fittings.")

    german_search = SearchPage.objects.child_of(german_home).get()
    english_search = SearchPage.objects.child_of(english_home).get()

    return SearchSite(
        german_home, english_home, german_search, english_search, german_meetings, english_meetings, company
    )
