"""Every page type of the network app, German and English, on a tree of the tests' own."""

from home.models import HomePage
from home.tests.factories import paragraphs, site_tree, translate_into_english
from home.tests.page_types import PageTypeTestCase
from network.models import (
    CompanyDirectoryPage,
    FocusSectorIndexPage,
    FocusSectorPage,
    MeetingPage,
    NetworkIndexPage,
    NetworkPage,
    ProjectPage,
)

from .factories import (
    CompanyDirectoryPageFactory,
    CompanyFactory,
    FocusSectorIndexPageFactory,
    FocusSectorPageFactory,
    MeetingPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
    ProjectPageFactory,
)

INTRO = "Two or three sentences in English."


class NetworkPageTypesTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = site_tree()
        home = cls.tree.german_home
        cls.sectors = FocusSectorIndexPageFactory(parent=home)
        cls.sector = FocusSectorPageFactory(parent=cls.sectors, title="Maschinenbau", body=paragraphs("Stark."))
        cls.networks = NetworkIndexPageFactory(parent=home)
        cls.network = NetworkPageFactory(parent=cls.networks, title="Netzwerk Produktion", goals="<p>Mehr.</p>")
        cls.meeting = MeetingPageFactory(parent=cls.network, title="Frühjahrstreffen")
        cls.project = ProjectPageFactory(parent=cls.network, title="Leichtbau", intro="Ein Projekt.")
        cls.directory = CompanyDirectoryPageFactory(parent=home)
        cls.english = {
            page: translate_into_english(page, **fields)
            for page, fields in [
                (cls.sectors, {"title": "Focus sectors", "slug": "focus-sectors", "intro": INTRO}),
                (
                    cls.sector,
                    {"title": "Engineering", "slug": "engineering", "intro": INTRO, "body": paragraphs("Strong.")},
                ),
                (cls.networks, {"title": "Networks", "slug": "networks", "intro": INTRO}),
                (
                    cls.network,
                    {"title": "Production network", "slug": "production", "intro": INTRO, "goals": "<p>More.</p>"},
                ),
                (cls.meeting, {"title": "Spring meeting", "slug": "spring-meeting", "venue_name": "Tech centre"}),
                (cls.project, {"title": "Lightweight design", "slug": "lightweight", "intro": "A project."}),
                (cls.directory, {"title": "Companies", "slug": "companies", "intro": INTRO}),
            ]
        }

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(FocusSectorIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FocusSectorIndexPage, {FocusSectorPage})
        self.assertAllowedParentPageTypes(FocusSectorPage, {FocusSectorIndexPage})
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, {MeetingPage, ProjectPage})
        self.assertAllowedParentPageTypes(MeetingPage, {NetworkPage})
        self.assertAllowedParentPageTypes(ProjectPage, {NetworkPage})
        self.assertAllowedParentPageTypes(CompanyDirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(CompanyDirectoryPage, set())
        self.assertCanCreateAt(HomePage, CompanyDirectoryPage)
        self.assertCanNotCreateAt(HomePage, NetworkPage)

    def test_german_focus_sector_pages(self):
        self.assertGermanPageWorks(self.sectors)
        self.assertGermanPageWorks(self.sector)

    def test_english_focus_sector_pages(self):
        self.assertEnglishPageWorks(self.english[self.sectors])
        self.assertEnglishPageWorks(self.english[self.sector])

    def test_german_network_pages(self):
        self.assertGermanPageWorks(self.networks)
        self.assertGermanPageWorks(self.network)
        self.assertPageIsRenderable(self.network, "thanks/")

    def test_english_network_pages(self):
        self.assertEnglishPageWorks(self.english[self.networks])
        self.assertEnglishPageWorks(self.english[self.network])
        self.assertPageIsRenderable(self.english[self.network], "thanks/")

    def test_german_meeting_and_project_pages(self):
        self.assertGermanPageWorks(self.meeting)
        self.assertGermanPageWorks(self.project)

    def test_english_meeting_and_project_pages(self):
        self.assertEnglishPageWorks(self.english[self.meeting])
        self.assertEnglishPageWorks(self.english[self.project])

    def test_german_company_directory(self):
        self.assertGermanPageWorks(self.directory)

    def test_english_company_directory(self):
        self.assertEnglishPageWorks(self.english[self.directory])

    def test_company_pages_below_the_directory_in_both_languages(self):
        company = CompanyFactory(name="Hordeler Gusswerk GmbH", description="Sandguss für Pumpen.")
        translate_into_english(company, description="Sand casting for pumps.")
        for directory in (self.directory, self.english[self.directory]):
            self.assertPageIsRoutable(directory, f"{company.slug}/")
            self.assertPageIsRenderable(directory, f"{company.slug}/")

    def test_calendar_files_of_networks_and_meetings_in_both_languages(self):
        for page in (self.network, self.meeting, self.english[self.network], self.english[self.meeting]):
            self.assertPageIsRoutable(page, "ical/")
            self.assertPageIsRenderable(page, "ical/")
