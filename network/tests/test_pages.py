"""The page types of the network app: where they may live, what they show, in both languages."""

import datetime

import pytest

from django.test import Client

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from network.models import (
    BERLIN,
    Company,
    CompanyDirectoryPage,
    FocusSectorIndexPage,
    FocusSectorPage,
    MeetingPage,
    NetworkContactPerson,
    NetworkIndexPage,
    NetworkPage,
    ProjectPage,
    Topic,
)
from news.models import NewsArticlePage

from .factories import CompanyFactory, ContactPersonFactory, MeetingPageFactory

pytestmark = pytest.mark.demo


class PageTreeRulesTest(WagtailPageTestCase):
    def test_meetings_and_projects_live_below_a_network(self):
        self.assertAllowedParentPageTypes(MeetingPage, {NetworkPage})
        self.assertAllowedParentPageTypes(ProjectPage, {NetworkPage})
        self.assertAllowedSubpageTypes(NetworkPage, {MeetingPage, ProjectPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_company_directory_sits_once_below_the_home_page(self):
        self.assertAllowedParentPageTypes(CompanyDirectoryPage, {HomePage})
        home = HomePage.objects.get(locale__language_code="de")
        for model in (CompanyDirectoryPage, NetworkIndexPage, FocusSectorIndexPage):
            assert not model.can_create_at(home), model  # the demo home page already has one

    def test_sector_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(FocusSectorPage, set())


class EditorCreatesPagesTest(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.network = NetworkPage.objects.get(slug="netzwerk-produktion")

    def test_editor_creates_a_meeting_in_berlin_time(self):
        self.assertCanCreate(
            self.network,
            MeetingPage,
            nested_form_data(
                {
                    "title": "Drittes Netzwerktreffen",
                    "slug": "drittes-netzwerktreffen",
                    "start": "2030-06-04 18:00",
                    "end": "2030-06-04 20:00",
                    "status": "planned",
                    "venue_name": "Technologie-Zentrum Ruhr",
                    "venue_address": "Universitätsstraße 142",
                    "intro": "",
                    "agenda": rich_text("<p>Projekte</p>"),
                    "registration_open": "on",
                    "registration_capacity": "30",
                    "registration_deadline": "2030-06-01 12:00",
                    "registration_waiting_list": "on",
                    "registration_reminder_days": "2",
                }
            ),
        )
        meeting = MeetingPage.objects.get(slug="drittes-netzwerktreffen")
        assert meeting.registration_open and meeting.registration_capacity == 30
        assert meeting.registration_deadline == datetime.datetime(2030, 6, 1, 12, 0, tzinfo=BERLIN)
        assert meeting.start == datetime.datetime(2030, 6, 4, 18, 0, tzinfo=BERLIN)
        assert meeting.start.astimezone(datetime.UTC).hour == 16

    def test_a_meeting_cannot_end_before_it_starts(self):
        response = self.client.post(
            f"/admin/pages/add/network/meetingpage/{self.network.pk}/",
            nested_form_data(
                {
                    "title": "Falsch herum",
                    "slug": "falsch-herum",
                    "start": "2030-06-04 18:00",
                    "end": "2030-06-04 17:00",
                    "status": "planned",
                    "venue_name": "TZR",
                    "venue_address": "",
                    "intro": "",
                    "agenda": rich_text(""),
                }
            ),
        )
        assert response.status_code == 200
        assert "Das Ende muss nach dem Beginn liegen." in response.content.decode()  # admin in German
        assert not MeetingPage.objects.filter(slug="falsch-herum").exists()

    def test_editor_creates_a_project_with_partner_companies(self):
        company = Company.objects.filter(locale__language_code="de").first()
        self.assertCanCreate(
            self.network,
            ProjectPage,
            nested_form_data(
                {
                    "title": "Gemeinsamer Einkauf",
                    "slug": "gemeinsamer-einkauf",
                    "intro": "",
                    "status": "idea",
                    "topic": Topic.objects.filter(locale__language_code="de").first().pk,
                    "partner_links": inline_formset([{"company": company.pk}]),
                    "research_institutions": "",
                    "goals": rich_text("<p>Günstiger einkaufen</p>"),
                    "results": rich_text(""),
                }
            ),
        )
        project = ProjectPage.objects.get(slug="gemeinsamer-einkauf")
        assert [link.company for link in project.partner_links.all()] == [company]


DEMO_PAGES = [
    ("/de/fokusbranchen/maschinen-und-anlagenbau/", "Maschinen- und Anlagenbau"),
    ("/en/focus-sectors/mechanical-and-plant-engineering/", "Mechanical and plant engineering"),
    ("/de/netzwerke/netzwerk-produktion/", "Netzwerk Produktion"),
    ("/en/networks/production-network/", "Production Network"),
    ("/de/netzwerke/netzwerk-produktion/auftakttreffen/", "Auftakttreffen des Netzwerks Produktion"),
    ("/en/networks/production-network/kick-off-meeting/", "Kick-off meeting of the Production Network"),
    ("/de/netzwerke/netzwerk-produktion/ausbildungsverbund-produktion/", "Ausbildungsverbund Produktion"),
    ("/en/networks/production-network/production-training-alliance/", "Production training alliance"),
    ("/de/unternehmen/", "Unternehmen"),
    ("/en/companies/", "Companies"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "title"), DEMO_PAGES)
def test_every_network_page_type_renders_in_both_languages_with_breadcrumbs(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert '<nav class="breadcrumbs"' in html
    assert f'<html lang="{url[1:3]}">' in html


@pytest.mark.django_db
def test_sectors_networks_and_companies_are_in_the_main_navigation(client):
    nav = client.get("/en/").content.decode().split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    for title in ("Focus sectors", "Networks", "Companies"):
        assert f">{title}</a>" in nav


@pytest.mark.django_db
def test_english_network_page_shows_english_topics_sectors_and_contact_roles(client):
    html = client.get("/en/networks/production-network/").content.decode()
    for text in (
        "Knowledge transfer",
        "Sales cooperation",
        "Sector manager automotive",
        "Transport technology/automotive",
    ):
        assert text in html
    for text in ("Wissenstransfer", "Vertriebskooperation", "Branchenmanager Automotive"):
        assert text not in html
    assert 'href="/en/focus-sectors/transport-technology-automotive/"' in html
    assert "Invented example company of the demo content." in html  # member companies in English
    assert "Jörg Lennardt" in html and "Management consultant, moderator" in html


@pytest.mark.django_db
def test_snippet_without_english_version_is_shown_in_german_on_the_english_page(client):
    newcomer = ContactPersonFactory(name="Nur Deutsch", role="Neue Ansprechpartnerin")
    for network in NetworkPage.objects.filter(slug__in=["netzwerk-produktion", "production-network"]):
        # wagtail-localize copies the German page's link unchanged into the English page
        NetworkContactPerson.objects.create(page=network, contact_person=newcomer)
    html = client.get("/en/networks/production-network/").content.decode()
    assert "Nur Deutsch" in html and "Neue Ansprechpartnerin" in html


@pytest.mark.django_db
def test_sector_page_shows_key_figures_contacts_companies_and_networks(client):
    html = client.get("/de/fokusbranchen/verkehrstechnik-automotive/").content.decode()
    assert "fast 26\N{NO-BREAK SPACE}000" in html and "Beschäftigte in Verkehrstechnik" in html
    assert "Markus Henkenmeier" in html and "markus.henkenmeier@example.org" in html
    assert "Ruhrtal Antriebstechnik GmbH" in html and "Bochumer Fahrzeugelektronik GmbH" in html
    assert "Linden Logistik" not in html  # a services company, not of this sector
    assert 'href="/de/netzwerke/netzwerk-produktion/"' in html
    assert 'href="/de/unternehmen/?sector=verkehrstechnik-automotive"' in html
    english = client.get("/en/focus-sectors/transport-technology-automotive/").content.decode()
    assert "almost 26,000" in english and "Wiring harnesses and control units" in english
    assert 'href="/en/networks/production-network/"' in english


@pytest.mark.django_db
def test_network_page_separates_upcoming_and_past_meetings(client):
    network = NetworkPage.objects.get(slug="netzwerk-produktion")
    MeetingPageFactory(parent=network, title="Zukunftstreffen", start=datetime.datetime(2099, 5, 7, 18, tzinfo=BERLIN))
    html = client.get("/de/netzwerke/netzwerk-produktion/").content.decode()
    upcoming = html.split('id="meetings-heading"', 1)[1].split('id="past-meetings-heading"', 1)[0]
    past = html.split('id="past-meetings-heading"', 1)[1]
    assert "Zukunftstreffen" in upcoming and "7. Mai 2099, 18:00" in upcoming
    assert "Auftakttreffen des Netzwerks Produktion" in past and "Zukunftstreffen" not in past
    assert 'href="/de/netzwerke/netzwerk-produktion/ical/"' in html


@pytest.mark.django_db
def test_project_page_shows_status_topic_partners_and_institutions(client):
    html = client.get("/en/networks/production-network/production-training-alliance/").content.decode()
    assert "running" in html and "Education and training" in html
    assert "Hiltrop Werkzeugbau GmbH" in html and "Hochschule Bochum" in html
    assert 'href="/en/networks/production-network/"' in html


@pytest.mark.django_db
def test_home_page_lists_upcoming_meetings_of_all_networks_in_its_language(client):
    network = NetworkPage.objects.get(slug="netzwerk-produktion")
    # The demo's open meeting lies ahead; its two earlier meetings are past.
    home = client.get("/de/").content.decode()
    assert "Offenes Netzwerktreffen" in home and "Auftakttreffen" not in home
    assert "Open network meeting" in client.get("/en/").content.decode()
    MeetingPage.objects.filter(slug__in=["offenes-netzwerktreffen", "open-network-meeting"]).delete()
    assert "Kommende Netzwerktreffen" not in Client().get("/de/").content.decode()
    MeetingPageFactory(
        parent=network, title="Frühjahrstreffen", start=datetime.datetime(2099, 3, 5, 18, tzinfo=BERLIN)
    )
    MeetingPageFactory(
        parent=network,
        title="Abgesagtes Treffen",
        start=datetime.datetime(2099, 4, 5, 18, tzinfo=BERLIN),
        status=MeetingPage.Status.CANCELLED,
    )
    html = Client().get("/de/").content.decode()
    assert "Kommende Netzwerktreffen" in html
    assert "Frühjahrstreffen" in html and "Netzwerk Produktion" in html
    assert "Abgesagtes Treffen" not in html
    assert "Frühjahrstreffen" not in Client().get("/en/").content.decode()


@pytest.mark.django_db
def test_companies_and_network_pages_are_found_by_the_search_backend():
    from wagtail.search.backends import get_search_backend

    german = Locale.objects.get(language_code="de")
    company = CompanyFactory(name="Laserwerk Stiepel GmbH", description="Laserschneiden von Blechen.")
    backend = get_search_backend()
    backend.add(company)
    found = list(backend.search("Laserwerk", Company.objects.filter(locale=german)))
    assert found == [company]
    pages = backend.search("Netzwerk Produktion", Page.objects.live().filter(locale=german).specific())
    assert any(isinstance(page, NetworkPage) for page in pages)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/de/netzwerke/netzwerk-produktion/", "Nachrichten zum Thema"),
        ("/en/networks/production-network/", "News on this topic"),
        ("/de/fokusbranchen/maschinen-und-anlagenbau/", "Nachrichten zum Thema"),
    ],
)
def test_sector_and_network_pages_show_their_news_in_their_language(client, url, heading):
    page = Page.objects.get(url_path__endswith=url[3:]).specific
    articles = NewsArticlePage.objects.newest_for(page)
    assert articles  # the demo news mention the Netzwerk Produktion and the sectors
    html = client.get(url).content.decode()
    assert f'<h2 id="latest-news-title">{heading}</h2>' in html
    for article in articles:
        assert article.locale_id == page.locale_id
        assert f'href="{article.url}"' in html


@pytest.mark.django_db
def test_english_network_page_shows_its_projects_topics_and_moderator_in_english(client):
    html = client.get("/en/networks/production-network/").content.decode()
    projects = html.split('id="projects-heading"', 1)[1].split("</section>", 1)[0]
    assert "Education and training" in projects and "Aus- und Weiterbildung" not in projects
    moderation = html.split('id="moderator-heading"', 1)[1].split("</section>", 1)[0]
    assert "Jörg Lennardt" in moderation and "Management consultant, moderator" in moderation


@pytest.mark.django_db
def test_network_page_lists_the_next_meetings_soonest_first_and_past_ones_latest_first(client):
    network = NetworkPage.objects.get(slug="netzwerk-produktion")
    for year in (2098, 2097, 2001, 2003):
        start = datetime.datetime(year, 5, 7, 18, tzinfo=BERLIN)
        MeetingPageFactory(parent=network, title=f"Treffen {year}", start=start)
    html = client.get("/de/netzwerke/netzwerk-produktion/").content.decode()
    upcoming = html.split('id="meetings-heading"', 1)[1].split('id="past-meetings-heading"', 1)[0]
    past = html.split('id="past-meetings-heading"', 1)[1]
    assert upcoming.index("Treffen 2097") < upcoming.index("Treffen 2098")
    assert past.index("Treffen 2003") < past.index("Treffen 2001")
    assert "Treffen 2001" not in upcoming and "Treffen 2098" not in past
