"""The open data API as a developer at a partner uses it: per language, paginated, only what the
public pages show, described at /api/openapi.json, cached like pages and rate-limited."""

import csv
import datetime
import io

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from api.v1 import CSV_COLUMNS
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.tests.factories import translate_into_english
from network.models import BERLIN
from network.tests.factories import (
    CompanyDirectoryPageFactory,
    CompanyFactory,
    CompetenceFactory,
    MeetingPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)
from news.tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_tree):
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    german_news = NewsIndexPageFactory(
        parent=site_tree.german_home, title="Aktuelles", slug="aktuelles", intro="Neues."
    )
    translate_into_english(german_news, title="News", slug="news", intro="News.")
    return site_tree, german_news


def _articles(german_news, count):
    made = []
    for day in range(count):
        article = NewsArticlePageFactory(
            parent=german_news, title=f"Meldung {day}", slug=f"meldung-{day}", date=datetime.date(1990, 1, 1 + day)
        )
        made.append(
            translate_into_english(
                article, title=f"Report {day}", slug=f"report-{day}", teaser=f"Teaser {day}.", body=article.body
            )
        )
    return made


def test_news_come_per_language_newest_first_with_absolute_addresses(client, site):
    _tree, german_news = site
    _articles(german_news, 3)
    german = client.get("/api/v1/de/news").json()
    assert german["count"] == 3
    assert [item["title"] for item in german["items"]] == ["Meldung 2", "Meldung 1", "Meldung 0"]
    assert german["items"][0]["url"] == "http://testserver/de/aktuelles/meldung-2/"
    assert german["items"][0]["date"] == "1990-01-03"
    english = client.get("/api/v1/en/news").json()
    assert [item["title"] for item in english["items"]] == ["Report 2", "Report 1", "Report 0"]
    assert english["items"][0]["url"] == "http://testserver/en/news/report-2/"
    assert english["items"][0]["teaser"] == "Teaser 2."


def test_lists_are_paginated_with_limit_and_offset(client, site):
    _articles(site[1], 5)
    answer = client.get("/api/v1/de/news", {"limit": 2, "offset": 1}).json()
    assert answer["count"] == 5
    assert [item["title"] for item in answer["items"]] == ["Meldung 3", "Meldung 2"]
    # A limit beyond the maximum is capped, not refused.
    assert len(client.get("/api/v1/de/news", {"limit": 10_000}).json()["items"]) == 5


def test_only_what_the_public_site_shows(client, site):
    articles = _articles(site[1], 3)
    german = [article.get_translation(site[0].german_home.locale) for article in articles]
    german[0].unpublish()
    PageViewRestriction.objects.create(page=german[1], restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert [item["title"] for item in client.get("/api/v1/de/news").json()["items"]] == ["Meldung 2"]


def test_an_unknown_language_is_refused_not_guessed(client, site):
    assert client.get("/api/v1/fr/news").status_code == 422


def test_meetings_name_their_network_times_and_calendar_file(client, site):
    tree, _news = site
    index = NetworkIndexPageFactory(parent=tree.german_home)
    network = NetworkPageFactory(parent=index, title="Netzwerk Gießen", slug="netzwerk-giessen")
    start = datetime.datetime(2040, 3, 1, 18, 0, tzinfo=BERLIN)
    MeetingPageFactory(parent=network, title="Frühjahrstreffen", slug="fruehjahrstreffen", start=start)
    MeetingPageFactory(
        parent=network,
        title="Treffen 1990",
        slug="treffen-1990",
        start=datetime.datetime(1990, 3, 1, 18, tzinfo=BERLIN),
    )
    answer = client.get("/api/v1/de/meetings", {"upcoming": "true"}).json()
    assert answer["count"] == 1
    meeting = answer["items"][0]
    assert meeting["title"] == "Frühjahrstreffen"
    assert meeting["network"] == "Netzwerk Gießen"
    assert meeting["start"] == "2040-03-01T17:00:00Z"
    assert meeting["ical"] == "http://testserver/de/netzwerke/netzwerk-giessen/fruehjahrstreffen/ical/"
    assert client.get(meeting["ical"]).status_code == 200
    assert client.get("/api/v1/de/meetings").json()["count"] == 2


def test_events_name_their_kind_times_place_and_calendar_file(client, site):
    tree, _news = site
    calendar = EventIndexPageFactory(parent=tree.german_home)
    translate_into_english(calendar, title="Events", slug="events", intro="Events.")
    fair = EventPageFactory(
        parent=calendar,
        title="Messe Bochum",
        slug="messe-bochum",
        kind="trade_fair",
        start=datetime.datetime(2040, 5, 4, 9, 0, tzinfo=BERLIN),
    )
    translate_into_english(fair, title="Bochum trade fair", slug="bochum-trade-fair", intro="A fair.")
    EventPageFactory(parent=calendar, title="Abend 1990", start=datetime.datetime(1990, 5, 4, 18, tzinfo=BERLIN))

    answer = client.get("/api/v1/de/events", {"upcoming": "true"}).json()
    assert [item["title"] for item in answer["items"]] == ["Messe Bochum"]
    event = answer["items"][0]
    assert event["kind"] == "trade_fair" and event["status"] == "planned"
    assert event["start"] == "2040-05-04T07:00:00Z" and event["end"] == "2040-05-04T09:00:00Z"
    assert event["venue"] == "BioMedizinZentrum Bochum"
    assert event["ical"] == "http://testserver/de/termine/messe-bochum/ical/"
    assert client.get(event["ical"]).status_code == 200
    assert client.get("/api/v1/de/events").json()["count"] == 2
    assert client.get("/api/v1/de/events", {"kind": "company_visit"}).json()["count"] == 0
    english = client.get("/api/v1/en/events", {"upcoming": "true"}).json()["items"]
    assert [(e["title"], e["url"]) for e in english] == [
        ("Bochum trade fair", "http://testserver/en/events/bochum-trade-fair/")
    ]


def test_the_event_list_costs_the_same_queries_for_two_events_or_twenty(client, site):
    calendar = EventIndexPageFactory(parent=site[0].german_home)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/de/events", {"limit": 50}).status_code == 200
        return len(captured)

    # The first answer after a change also reads the site's data, which the next ones keep.
    EventPageFactory.create_batch(2, parent=calendar)
    first_few, few = count(), count()
    EventPageFactory.create_batch(18, parent=calendar)
    after_change, again = count(), count()
    assert after_change <= first_few and again == few


@pytest.fixture
def companies(site):
    tree, _news = site
    directory = CompanyDirectoryPageFactory(parent=tree.german_home)
    translate_into_english(directory, title="Companies", slug="companies", intro="Companies.")
    laser = CompetenceFactory(name="Laserschneiden", english="Laser cutting")
    company = CompanyFactory(name="Gerther Blechtechnik GmbH", district="gerthe", size="10-49", street="Am Hang 1")
    company.competences.set([laser])
    company.save()
    translate_into_english(company, name=company.name, description="Sheet metal.", city="Bochum")
    return company


def _ours(items, *names):
    """The test's own companies (the database may hold the demo's as well)."""
    return [item for item in items if item["name"] in names]


def test_companies_in_english_carry_english_text_and_labels_and_their_page(client, companies):
    answer = client.get("/api/v1/en/companies", {"limit": 100}).json()
    assert answer["count"] == len(answer["items"])
    [company] = _ours(answer["items"], "Gerther Blechtechnik GmbH")
    assert company["name"] == "Gerther Blechtechnik GmbH"
    assert company["description"] == "Sheet metal."
    assert company["district"] == "Gerthe"
    assert company["size"] == "10-49"
    assert company["street"] == "Am Hang 1"
    assert company["competences"] == [{"name": "Laser cutting", "group": "manufacturing"}]
    assert company["url"] == "http://testserver/en/companies/gerther-blechtechnik-gmbh/"
    assert client.get(company["url"]).status_code == 200
    one = client.get("/api/v1/de/companies/gerther-blechtechnik-gmbh").json()
    assert one["competences"] == [{"name": "Laserschneiden", "group": "manufacturing"}]
    assert client.get("/api/v1/de/companies/keine-firma").status_code == 404


def test_the_company_list_costs_the_same_queries_for_two_companies_or_twenty(client, companies):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/en/companies", {"limit": 50}).status_code == 200
        return len(queries)

    CompanyFactory()
    count()  # the first answer after a change also reads the site anew, as every request does
    few = count()
    for _ in range(18):
        CompanyFactory()
    count()
    assert count() == few


def test_the_openapi_description_lists_every_endpoint_and_the_docs_page_loads_nothing_foreign(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["version"] == "1"
    assert set(spec["paths"]) >= {
        "/api/v1/{language}/news",
        "/api/v1/{language}/meetings",
        "/api/v1/{language}/events",
        "/api/v1/{language}/companies",
        "/api/v1/{language}/companies/{slug}",
        "/api/v1/{language}/exchange",
    }
    assert client.get("/api/docs", follow=True).status_code == 404


def test_answers_are_cached_like_public_pages(client, site):
    response = client.get("/api/v1/de/news")
    assert "public" in response["Cache-Control"]
    assert "s-maxage" in response["Cache-Control"]
    assert not response.cookies


def test_too_many_requests_from_one_address_are_slowed_down(client, site, monkeypatch):
    from api.v1 import api

    monkeypatch.setattr(api.throttle[0], "num_requests", 3)
    statuses = [client.get("/api/v1/de/news").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3:] == [429, 429]
    # Another visitor is not slowed down by the first.
    assert client.get("/api/v1/de/news", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_the_company_list_downloads_as_csv_without_formulas(client, companies):
    CompanyFactory(name="=HYPERLINK(1) GmbH")
    response = client.get("/api/v1/en/companies.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == list(CSV_COLUMNS)
    assert "'=HYPERLINK(1) GmbH" in [row[0] for row in rows]
    [gerther] = [row for row in rows if row[0] == "Gerther Blechtechnik GmbH"]
    assert gerther[0] == "Gerther Blechtechnik GmbH"
    assert gerther[4] == "Gerthe"
    assert gerther[8] == "Laser cutting"
    assert gerther[9] == "http://testserver/en/companies/gerther-blechtechnik-gmbh/"


def test_the_directory_offers_the_list_as_a_download(client, companies):
    html = client.get("/en/companies/").content.decode()
    assert '<a href="/api/v1/en/companies.csv" download>Download all companies as a table (CSV)</a>' in html


@pytest.fixture
def exchange(site_tree):
    from exchange.tests.factories import exchange_tree

    return exchange_tree(site_tree)


def test_exchange_lists_only_public_entries_of_the_language_without_email_addresses(client, exchange):
    from exchange.tests.factories import EntryFactory

    laser = CompetenceFactory(name="Laserschneiden", english="Laser cutting")
    public = EntryFactory(
        page=exchange.english,
        title="Laser cutting partner wanted",
        kind="request",
        theme="production",
        email="poster@secret.example",
        competences=[laser],
    )
    EntryFactory(page=exchange.english, title="Waiting for moderation", pending=True)
    EntryFactory(
        page=exchange.english,
        title="Expired offer",
        expires_at=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC),
    )
    EntryFactory(page=exchange.german, title="Vertriebspartner gesucht", theme="sales")
    response = client.get("/api/v1/en/exchange")
    assert response.status_code == 200
    assert "secret.example" not in response.content.decode()
    data = response.json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["title"] == "Laser cutting partner wanted"
    assert item["url"] == f"http://testserver/en/cooperation-exchange/{public.pk}-{public.slug}/"
    assert item["kind"] == "request"
    assert item["competences"] == [{"name": "Laser cutting", "group": "manufacturing"}]
    assert "email" not in item
    german = client.get("/api/v1/de/exchange?theme=sales").json()
    assert [entry["title"] for entry in german["items"]] == ["Vertriebspartner gesucht"]
    assert client.get("/api/v1/de/exchange?theme=marketing").json()["count"] == 0


def test_the_exchange_list_costs_the_same_queries_for_two_entries_or_twenty(client, exchange):
    from exchange.tests.factories import EntryFactory

    laser = CompetenceFactory(name="Laserschneiden")

    def count():
        cache.clear()  # answered afresh, not from the page cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/de/exchange?limit=50").status_code == 200
        return len(queries)

    for _ in range(2):
        EntryFactory(page=exchange.german, competences=[laser])
    count()
    few = count()
    for _ in range(18):
        EntryFactory(page=exchange.german, competences=[laser])
    assert count() == few
