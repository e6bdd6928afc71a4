"""Every public page of the network app renders in a number of SQL queries that does not grow with
the number of companies or meetings (10 against 500), on the tests' own site (`network_content`,
conftest.py)."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import BERLIN, Company, MeetingPage

from .factories import add_companies_quickly, add_meetings_quickly

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("network_content")]

URLS = [
    "/de/",
    "/en/",
    "/de/netzwerke/netzwerk-giesserei/",
    "/en/networks/foundry-network/",
    "/de/netzwerke/netzwerk-giesserei/auftakttreffen/",
    "/de/netzwerke/netzwerk-giesserei/ausbildungsverbund-giesserei/",
    "/de/fokusbranchen/giessereitechnik/",
    "/en/focus-sectors/foundry-technology/",
    "/de/unternehmen/",
    "/en/companies/",
    "/en/companies/?sector=foundry-technology",
    "/de/netzwerke/netzwerk-giesserei/ical/",
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


def _grow(network_content, companies, meetings, first_company=0):
    german, english = network_content.network, network_content.english_network
    sector = network_content.directory.foundry
    add_companies_quickly(companies, sector, german, first=first_company)
    # Half of the meetings ahead (on the home page and the network page), half behind.
    soon = datetime.datetime.now(BERLIN) + datetime.timedelta(days=1)
    for network in (german, english):
        add_meetings_quickly(network, meetings // 2, soon - datetime.timedelta(weeks=meetings // 2 + 1))
        add_meetings_quickly(network, meetings - meetings // 2, soon, title="Kommend")


def test_query_counts_stay_the_same_with_10_and_500_companies_and_meetings(client, network_content):
    # The site's 4 companies and 3 meetings (the demo content's are not on it): 10 each.
    network = network_content.network
    german_companies = Company.objects.filter(locale__language_code="de")
    others = german_companies.count() - 4
    _grow(network_content, companies=6, meetings=7)
    assert MeetingPage.objects.child_of(network).count() == 10
    assert german_companies.count() - others == 10
    small = _query_counts(client)

    _grow(network_content, companies=490, meetings=490, first_company=6)
    assert MeetingPage.objects.child_of(network).count() == 500
    assert german_companies.count() - others == 500
    large = _query_counts(client)

    assert large == small
    assert max(small.values()) <= 50, small  # a guard against a page that is merely slow at any size
    # The large pages really show the larger content.
    directory = client.get("/de/unternehmen/").content.decode()
    assert f"Gefundene Unternehmen: {500 + others}" in directory
    network = client.get("/en/networks/foundry-network/").content.decode()
    assert "Größe 0000 GmbH" in network and "Makes parts." in network
    assert "Kommend" in client.get("/de/").content.decode()
    feed = client.get("/de/netzwerke/netzwerk-giesserei/ical/").content.decode()
    assert feed.count("BEGIN:VEVENT") == 500
