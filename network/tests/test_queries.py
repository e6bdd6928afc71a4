"""Every public page of the network app renders in a number of SQL queries that does not grow with
the number of companies or meetings (10 against 500)."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import BERLIN, Company, FocusSectorPage, MeetingPage, NetworkPage

from .factories import add_companies_quickly, add_meetings_quickly

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

URLS = [
    "/de/",
    "/en/",
    "/de/netzwerke/netzwerk-produktion/",
    "/en/networks/production-network/",
    "/de/netzwerke/netzwerk-produktion/auftakttreffen/",
    "/de/netzwerke/netzwerk-produktion/ausbildungsverbund-produktion/",
    "/de/fokusbranchen/metallverarbeitung/",
    "/en/focus-sectors/metalworking/",
    "/de/unternehmen/",
    "/en/companies/",
    "/en/companies/?sector=metalworking",
    "/de/netzwerke/netzwerk-produktion/ical/",
]


def _query_counts(client):
    counts = {}
    for url in URLS:
        client.get(url)  # images get their renditions once, on the first view
        cache.clear()  # navigation and footer fragments are rendered afresh each time
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def _grow(companies, meetings):
    german = NetworkPage.objects.get(slug="netzwerk-produktion")
    english = NetworkPage.objects.get(slug="production-network")
    sector = FocusSectorPage.objects.get(slug="metallverarbeitung")
    add_companies_quickly(companies, sector, german)
    # Half of the meetings ahead (on the home page and the network page), half behind.
    soon = datetime.datetime.now(BERLIN) + datetime.timedelta(days=1)
    for network in (german, english):
        add_meetings_quickly(network, meetings // 2, soon - datetime.timedelta(weeks=meetings // 2 + 1))
        add_meetings_quickly(network, meetings - meetings // 2, soon, title="Kommend")


def test_query_counts_stay_the_same_with_10_and_500_companies_and_meetings(client):
    _grow(companies=0, meetings=7)  # with the demo's 10 companies and 3 meetings: 10 each
    assert MeetingPage.objects.filter(locale__language_code="de").count() == 10
    assert Company.objects.filter(locale__language_code="de").count() == 10
    small = _query_counts(client)

    _grow(companies=490, meetings=490)
    assert MeetingPage.objects.filter(locale__language_code="de").count() == 500
    assert Company.objects.filter(locale__language_code="de").count() == 500
    large = _query_counts(client)

    assert large == small
    assert max(small.values()) <= 50, small  # a guard against a page that is merely slow at any size
    # The large pages really show the larger content.
    directory = client.get("/de/unternehmen/").content.decode()
    assert "Gefundene Unternehmen: 500" in directory
    network = client.get("/en/networks/production-network/").content.decode()
    assert "Größe 0000 GmbH" in network and "Makes parts." in network
    assert "Kommend" in client.get("/de/").content.decode()
    feed = client.get("/de/netzwerke/netzwerk-produktion/ical/").content.decode()
    assert feed.count("BEGIN:VEVENT") == 500
