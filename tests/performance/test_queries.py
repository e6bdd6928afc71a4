"""Every page type renders in the same number of SQL queries with little and with more
content: nothing runs a query per article, company, meeting or list item."""

import io
import random
import re
import time

import pytest

from django.core.management.base import OutputWrapper
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from bench.management.commands.build_bench_data import Command as BenchData
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from network.models import (
    CompanyDirectoryPage,
    FocusSectorIndexPage,
    MeetingPage,
    NetworkIndexPage,
    NetworkPage,
    ProjectPage,
)
from news.models import NewsArticlePage, NewsIndexPage
from pagecache.generation import bump_generation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]

# The budget for a page of any type, cache off.
MOST_QUERIES = 15
# What a page may need once the parts showing other content are cached fragments.
FEW_QUERIES = 4
# The company directory is filtered by free text and reads its companies on every request.
READ_PER_REQUEST = {"company directory": MOST_QUERIES}
# The first request after a content change reads every cached part anew: within the budget too,
# except the company directory (not a page of the benchmark), which reads its companies anyway.
MOST_QUERIES_AFTER_A_CHANGE = MOST_QUERIES
READ_PER_REQUEST_AFTER_A_CHANGE = {"company directory": 16}


def german(model):
    return model.objects.live().filter(locale__language_code="de").order_by("path").first()


def page_urls():
    news = german(NewsIndexPage).url
    english = Locale.objects.get(language_code="en")
    meeting = german(MeetingPage).url
    urls = {
        "home page": german(HomePage).url,
        "general page": "/de/initiative/",
        "sector index": german(FocusSectorIndexPage).url,
        "sector page": "/de/fokusbranchen/giessereitechnik/",
        "network index": german(NetworkIndexPage).url,
        "network page": german(NetworkPage).url,
        "meeting page": meeting,
        "meeting calendar": meeting + "ical/",
        "network calendar": german(NetworkPage).url + "ical/",
        "project page": german(ProjectPage).url,
        "company directory": german(CompanyDirectoryPage).url,
        "news index": news,
        "news index by sector": news + "?sector=giessereitechnik",
        "news index page 2": news + "?page=2",
        "news article": german(NewsArticlePage).url,
        "news feed": news + "feed/",
        "event calendar": german(EventIndexPage).url,
        "event calendar by sector": german(EventIndexPage).url + "?sector=giessereitechnik&kind=meeting",
        "event calendar month": german(EventIndexPage).url + "monat/2009-02/",
        "event calendar feed": german(EventIndexPage).url + "ical/",
        "event page": german(EventPage).url,
        "sitemap index": "/sitemap.xml",
        "sitemap page": "/sitemap-pages.xml",
        "english home page": "/en/",
        "english news index": german(NewsIndexPage).get_translation(english).url,
        "english news article": german(NewsArticlePage).get_translation(english).url,
        "english network page": german(NetworkPage).get_translation(english).url,
    }
    return urls


def count_queries(client, urls):
    """Queries of each page right after a content change (no cached fragment) and of the
    next request (fragments cached)."""
    counts = {}
    for name, url in urls.items():
        client.get(url)  # renditions are made once
        for state in ("after a change", "fragments cached"):
            if state == "after a change":
                bump_generation()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, (name, url, response.status_code)
            counts[name, state] = len(captured)
    return counts


def add_content(articles, companies, networks, meetings, projects, images):
    """Content as the benchmark builds it (build_bench_data): articles with lead images, tags,
    sectors and networks; networks with members; meetings and projects, also below the demo
    network; companies with logos, sectors and competences."""
    builder = BenchData(stdout=OutputWrapper(io.StringIO()))
    builder.sizes = {
        "articles": articles,
        "companies": companies,
        "networks": networks,
        "meetings": meetings,
        "projects": projects,
        "images": images,
    }
    builder.rng = random.Random(articles)  # noqa: S311 - test data
    builder.started = time.monotonic()
    builder.de, builder.en = (Locale.objects.get(language_code=code) for code in ("de", "en"))
    builder.images = builder.make_images()
    builder.sectors = builder.pages_by_locale("network.FocusSectorPage")
    builder.companies = builder.make_companies()
    new_networks = builder.make_networks()
    demo = german(NetworkPage)
    demo_network = {"de": [demo], "en": [demo.get_translation(builder.en)]}
    builder.link_networks(demo_network)
    builder.networks = {code: new_networks[code] + demo_network[code] for code in ("de", "en")}
    builder.make_meetings_and_projects()
    builder.make_articles()
    bump_generation()


def test_every_page_type_needs_as_many_queries_with_much_more_content(client):
    """First a little of everything (so every kind of list item, image and link is there),
    then twenty times as much: the counts stay the same."""
    add_content(articles=2, companies=2, networks=1, meetings=2, projects=1, images=2)
    urls = page_urls()
    little = count_queries(client, urls)
    add_content(articles=40, companies=40, networks=3, meetings=10, projects=3, images=4)
    more = count_queries(client, urls)
    # Never more queries with more content (one fewer is fine: a list page whose first items are
    # all meetings, depending on the day, needs no query for events).
    grown = {page: (little[page], count) for page, count in more.items() if count > little[page]}
    assert grown == {}, more
    # Cached fragments leave routing and the page's own content: a few queries at most.
    cached = {name: count for (name, state), count in more.items() if state == "fragments cached"}
    over = {name: count for name, count in cached.items() if count > READ_PER_REQUEST.get(name, FEW_QUERIES)}
    assert over == {}, cached
    # Right after a change every part is read once more (navigation, footer, lists, routing).
    changed = {name: count for (name, state), count in more.items() if state == "after a change"}
    limits = {name: READ_PER_REQUEST_AFTER_A_CHANGE.get(name, MOST_QUERIES_AFTER_A_CHANGE) for name in changed}
    assert {name: count for name, count in changed.items() if count > limits[name]} == {}, changed


SEARCH_URLS = {
    "search": "/de/suche/?q=Unternehmen",
    "search newest first": "/de/suche/?q=Unternehmen&sort=date",
    "search page 2": "/de/suche/?q=Unternehmen&page=2",
    "search last page": "/de/suche/?q=Unternehmen&page=last",
    "english search": "/en/search/?q=companies",
}


def index_everything():
    builder = BenchData(stdout=OutputWrapper(io.StringIO()))
    builder.started = time.monotonic()
    builder.build_search_index()


def search_queries(client, url):
    """The queries of a search URL, and the page types among the results shown."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    types = set(re.findall(r'<span class="search-result__type">([^<]+)</span>', response.content.decode()))
    assert types, url
    assert len(captured) <= MOST_QUERIES, (url, len(captured))
    # The queries for the result dates of the page types among the results (search_result_date).
    dated = sum(1 for query in captured.captured_queries if DATE_QUERY.search(query["sql"]))
    return len(captured), types - {"Company", "Unternehmen"}, dated


# The query for the results of one page type with a date of its own (search_result_date).
DATE_QUERY = re.compile(r'AS "pk", "\w+"\."\w+" AS "(date|start)"')


def count_search_queries(client):
    """Queries per search URL: the first request of a search (which finds the matches, kept until
    content changes, then reads the pages shown in the same few queries whatever their page
    types, plus one for each type with a date of its own among them; page 2 and the last page
    use the matches page 1 found), and a repeated one, whose results are cached."""
    for url in ("/de/suche/", "/en/search/"):
        client.get(url)  # what every page shows (navigation, footer), kept per content change
    counts = {}
    for name, url in SEARCH_URLS.items():
        first, _types, dated = search_queries(client, url)
        repeated, _types, _dated = search_queries(client, url)
        assert repeated < first, (name, first, repeated)
        counts[name] = (first - dated, repeated)
    return counts


def test_search_needs_as_many_queries_with_much_more_content(client):
    """The benchmark's articles all contain the searched word: twenty times as many matches
    (and result pages) cost no more queries, and neither do more page types among the ten
    results shown."""
    add_content(articles=20, companies=2, networks=1, meetings=2, projects=1, images=2)
    index_everything()
    little = count_search_queries(client)
    add_content(articles=400, companies=40, networks=3, meetings=10, projects=3, images=4)
    index_everything()
    assert count_search_queries(client) == little
