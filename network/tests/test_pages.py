"""The page types of the network app: where they may live, what they show, in both languages.
The pages are the tests' own: the foundry network and what its page shows (`network_content`,
conftest.py)."""

import datetime

import pytest

from django.test import Client

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from home.tests.factories import site_tree
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
)
from news.models import NewsArticlePage

from .factories import (
    CompanyDirectoryPageFactory,
    CompanyFactory,
    ContactPersonFactory,
    FocusSectorIndexPageFactory,
    MeetingPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
    TopicFactory,
)


class PageTreeRulesTest(WagtailPageTestCase):
    def test_meetings_and_projects_live_below_a_network(self):
        self.assertAllowedParentPageTypes(MeetingPage, {NetworkPage})
        self.assertAllowedParentPageTypes(ProjectPage, {NetworkPage})
        self.assertAllowedSubpageTypes(NetworkPage, {MeetingPage, ProjectPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_company_directory_sits_once_below_the_home_page(self):
        self.assertAllowedParentPageTypes(CompanyDirectoryPage, {HomePage})
        home = site_tree().german_home
        for model in (CompanyDirectoryPage, NetworkIndexPage, FocusSectorIndexPage):
            assert model.can_create_at(home), model
        CompanyDirectoryPageFactory(parent=home)
        NetworkIndexPageFactory(parent=home)
        FocusSectorIndexPageFactory(parent=home)
        for model in (CompanyDirectoryPage, NetworkIndexPage, FocusSectorIndexPage):
            assert not model.can_create_at(home), model  # the home page already has one

    def test_sector_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(FocusSectorPage, set())


class EditorCreatesPagesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        networks = NetworkIndexPageFactory(parent=site_tree().german_home)
        cls.network = NetworkPageFactory(parent=networks, title="Netzwerk Gießerei")
        cls.company = CompanyFactory(name="Hordeler Gusswerk GmbH")
        cls.topic = TopicFactory(name="Gießerausbildung")

    def setUp(self):
        self.login()

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
        company = self.company
        self.assertCanCreate(
            self.network,
            ProjectPage,
            nested_form_data(
                {
                    "title": "Gemeinsamer Einkauf",
                    "slug": "gemeinsamer-einkauf",
                    "intro": "",
                    "status": "idea",
                    "topic": self.topic.pk,
                    "partner_links": inline_formset([{"company": company.pk}]),
                    "research_institutions": "",
                    "goals": rich_text("<p>Günstiger einkaufen</p>"),
                    "results": rich_text(""),
                }
            ),
        )
        project = ProjectPage.objects.get(slug="gemeinsamer-einkauf")
        assert [link.company for link in project.partner_links.all()] == [company]


PAGES = [
    ("/de/fokusbranchen/giessereitechnik/", "Gießereitechnik"),
    ("/en/focus-sectors/foundry-technology/", "Foundry technology"),
    ("/de/netzwerke/netzwerk-giesserei/", "Netzwerk Gießerei"),
    ("/en/networks/foundry-network/", "Foundry Network"),
    ("/de/netzwerke/netzwerk-giesserei/auftakttreffen/", "Auftakttreffen des Netzwerks Gießerei"),
    ("/en/networks/foundry-network/kick-off-meeting/", "Kick-off meeting of the Foundry Network"),
    ("/de/netzwerke/netzwerk-giesserei/ausbildungsverbund-giesserei/", "Ausbildungsverbund Gießerei"),
    ("/en/networks/foundry-network/foundry-training-alliance/", "Foundry training alliance"),
    ("/de/unternehmen/", "Unternehmen"),
    ("/en/companies/", "Companies"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "title"), PAGES)
def test_every_network_page_type_renders_in_both_languages_with_breadcrumbs(client, network_content, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert '<nav class="breadcrumbs"' in html
    assert f'<html lang="{url[1:3]}">' in html


@pytest.mark.django_db
def test_sectors_networks_and_companies_are_in_the_main_navigation(client, network_content):
    nav = client.get("/en/").content.decode().split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    for title in ("Focus sectors", "Networks", "Companies"):
        assert f">{title}</a>" in nav


@pytest.mark.django_db
def test_english_network_page_shows_english_topics_sectors_and_contact_roles(client, network_content):
    html = client.get("/en/networks/foundry-network/").content.decode()
    for text in ("Melting operations", "Foundry apprenticeships", "Sector manager foundries", "Foundry technology"):
        assert text in html
    for text in ("Schmelzbetrieb", "Gießerausbildung", "Branchenmanagerin Gießerei"):
        assert text not in html
    assert 'href="/en/focus-sectors/foundry-technology/"' in html
    assert "Sand and die casting for pump housings." in html  # member companies in English
    assert "Konrad Formhals" in html and "Management consultant, moderator" in html


@pytest.mark.django_db
def test_snippet_without_english_version_is_shown_in_german_on_the_english_page(client, network_tree):
    newcomer = ContactPersonFactory(name="Nur Deutsch", role="Neue Ansprechpartnerin")
    for network in (network_tree.german_network, network_tree.english_network):
        # wagtail-localize copies the German page's link unchanged into the English page
        NetworkContactPerson.objects.create(page=network, contact_person=newcomer)
    html = client.get("/en/networks/foundry-network/").content.decode()
    assert "Nur Deutsch" in html and "Neue Ansprechpartnerin" in html


@pytest.mark.django_db
def test_sector_page_shows_key_figures_contacts_companies_and_networks(client, network_content):
    html = client.get("/de/fokusbranchen/giessereitechnik/").content.decode()
    assert "fast 2\N{NO-BREAK SPACE}400" in html and "Beschäftigte in Gießereien" in html
    assert "Gisela Formsand" in html and "gisela.formsand@example.org" in html
    assert "Hordeler Gusswerk GmbH" in html and "Dahlhauser Modellbau GmbH" in html
    assert "Leither Gussputzerei" not in html  # a services company, not of this sector
    assert 'href="/de/netzwerke/netzwerk-giesserei/"' in html
    assert 'href="/de/unternehmen/?sector=giessereitechnik"' in html
    english = client.get("/en/focus-sectors/foundry-technology/").content.decode()
    assert "almost 2,400" in english and "employees in foundries" in english
    assert 'href="/en/networks/foundry-network/"' in english


@pytest.mark.django_db
def test_network_page_separates_upcoming_and_past_meetings(client, network_tree, meetings):
    network = network_tree.german_network
    MeetingPageFactory(parent=network, title="Zukunftstreffen", start=datetime.datetime(2099, 5, 7, 18, tzinfo=BERLIN))
    html = client.get("/de/netzwerke/netzwerk-giesserei/").content.decode()
    upcoming = html.split('id="meetings-heading"', 1)[1].split('id="past-meetings-heading"', 1)[0]
    past = html.split('id="past-meetings-heading"', 1)[1]
    assert "Zukunftstreffen" in upcoming and "7. Mai 2099, 18:00" in upcoming
    assert "Auftakttreffen des Netzwerks Gießerei" in past and "Zukunftstreffen" not in past
    assert 'href="/de/netzwerke/netzwerk-giesserei/ical/"' in html


@pytest.mark.django_db
def test_project_page_shows_status_topic_partners_and_institutions(client, network_content):
    html = client.get("/en/networks/foundry-network/foundry-training-alliance/").content.decode()
    assert "running" in html and "Foundry apprenticeships" in html
    assert "Hordeler Gusswerk GmbH" in html and "Technische Hochschule Georg Agricola" in html
    assert 'href="/en/networks/foundry-network/"' in html


@pytest.mark.django_db
def test_home_page_lists_upcoming_meetings_of_all_networks_in_its_language(client, network_tree, meetings):
    network = network_tree.german_network
    # The open meeting (2040) lies ahead; the two earlier meetings are past.
    home = client.get("/de/").content.decode()
    assert "Offenes Gusstreffen" in home and "Auftakttreffen" not in home
    assert "Open foundry meeting" in client.get("/en/").content.decode()
    MeetingPage.objects.filter(slug__in=["offenes-gusstreffen", "open-foundry-meeting"]).delete()
    MeetingPage.objects.exclude(pk__in=[page.pk for pages in meetings for page in pages]).filter(
        start__year__gte=2026
    ).delete()  # others ahead (the demo content's, when loaded)
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
    assert "Frühjahrstreffen" in html and "Netzwerk Gießerei" in html
    assert "Abgesagtes Treffen" not in html
    assert "Frühjahrstreffen" not in Client().get("/en/").content.decode()


@pytest.mark.django_db
def test_companies_and_network_pages_are_found_by_the_search_backend(network_tree):
    from wagtail.search.backends import get_search_backend

    german = Locale.objects.get(language_code="de")
    company = CompanyFactory(name="Laserwerk Stiepel GmbH", description="Laserschneiden von Blechen.")
    backend = get_search_backend()
    backend.add(company)
    found = list(backend.search("Laserwerk", Company.objects.filter(locale=german)))
    assert found == [company]
    pages = backend.search("Netzwerk Gießerei", Page.objects.live().filter(locale=german).specific())
    assert any(page.pk == network_tree.german_network.pk for page in pages)


@pytest.fixture
def network_news(network_content, network_tree):
    """Two articles on the foundry network and one on the foundry sector, German and English."""
    from home.tests.factories import translate_into_english
    from news.models import NewsArticleNetwork
    from news.tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, link

    german_home = network_tree.site_tree.german_home
    index = NewsIndexPageFactory(parent=german_home, title="Aktuelles", slug="aktuelles")
    translate_into_english(index, title="News", slug="news")
    articles = []
    titles = [
        ("Gießer treffen sich", "Founders meet"),
        ("Gießer planen", "Founders plan"),
        ("Guss im Wandel", "Casting"),
    ]
    for number, (title, english_title) in enumerate(titles):
        article = NewsArticlePageFactory(parent=index, title=title, date=datetime.date(1990, 1, 1 + number))
        if number < 2:
            NewsArticleNetwork.objects.create(article=article, network=network_tree.german_network)
            article.save()
        else:
            link(article, sectors=[network_content.directory.foundry])
        articles.append(
            translate_into_english(
                article,
                title=english_title,
                slug=english_title.lower().replace(" ", "-"),
                teaser=f"About {english_title}.",
                body=[("paragraph", RichText(f"<p>Text about {english_title}.</p>"))],
            )
        )
    return articles


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "heading", "count"),
    [
        ("/de/netzwerke/netzwerk-giesserei/", "Nachrichten zum Thema", 2),
        ("/en/networks/foundry-network/", "News on this topic", 2),
        ("/de/fokusbranchen/giessereitechnik/", "Nachrichten zum Thema", 1),
    ],
)
def test_sector_and_network_pages_show_their_news_in_their_language(client, network_news, url, heading, count):
    page = Page.objects.get(url_path__endswith=url[3:], live=True, depth__gt=2).specific
    articles = NewsArticlePage.objects.newest_for(page)
    assert len(articles) == count  # the articles of the network_news fixture
    html = client.get(url).content.decode()
    assert f'<h2 id="latest-news-title">{heading}</h2>' in html
    for article in articles:
        assert article.locale_id == page.locale_id
        assert f'href="{article.url}"' in html


@pytest.mark.django_db
def test_english_network_page_shows_its_projects_topics_and_moderator_in_english(client, network_content):
    html = client.get("/en/networks/foundry-network/").content.decode()
    projects = html.split('id="projects-heading"', 1)[1].split("</section>", 1)[0]
    assert "Foundry apprenticeships" in projects and "Gießerausbildung" not in projects
    moderation = html.split('id="moderator-heading"', 1)[1].split("</section>", 1)[0]
    assert "Konrad Formhals" in moderation and "Management consultant, moderator" in moderation


@pytest.mark.django_db
def test_network_page_lists_the_next_meetings_soonest_first_and_past_ones_latest_first(client, network_tree):
    network = network_tree.german_network
    for year in (2098, 2097, 2001, 2003):
        start = datetime.datetime(year, 5, 7, 18, tzinfo=BERLIN)
        MeetingPageFactory(parent=network, title=f"Treffen {year}", start=start)
    html = client.get("/de/netzwerke/netzwerk-giesserei/").content.decode()
    upcoming = html.split('id="meetings-heading"', 1)[1].split('id="past-meetings-heading"', 1)[0]
    past = html.split('id="past-meetings-heading"', 1)[1]
    assert upcoming.index("Treffen 2097") < upcoming.index("Treffen 2098")
    assert past.index("Treffen 2003") < past.index("Treffen 2001")
    assert "Treffen 2001" not in upcoming and "Treffen 2098" not in past
