"""Every page type of the home app, German and English, on a tree of the tests' own."""

from wagtail.models import Page

from home.models import HomePage, StandardPage
from search.models import SearchPage

from .factories import SearchPageFactory, StandardPageFactory, paragraphs, site_tree, translate_into_english
from .page_types import PageTypeTestCase


class HomePageTypesTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = site_tree()
        cls.about = StandardPageFactory(parent=cls.tree.german_home, title="Über uns", slug="ueber-uns")
        cls.english_about = translate_into_english(
            cls.about,
            title="About us",
            slug="about-us",
            intro="Who we are and what we do.",
            body=paragraphs("We bring companies to one table."),
        )
        cls.team = StandardPageFactory(parent=cls.about, title="Das Team", slug="team")
        cls.english_team = translate_into_english(
            cls.team,
            title="The team",
            slug="team",
            intro="Who we are and what we do.",
            body=paragraphs("We bring companies to one table."),
        )
        cls.search = SearchPageFactory(parent=cls.tree.german_home)
        cls.english_search = translate_into_english(
            cls.search, title="Search", slug="search", intro="Search the news, focus sectors and networks."
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(SearchPage, {HomePage})
        self.assertAllowedSubpageTypes(SearchPage, set())
        self.assertCanCreateAt(HomePage, SearchPage)

    def test_german_home_page(self):
        self.assertGermanPageWorks(self.tree.german_home)

    def test_english_home_page(self):
        self.assertEnglishPageWorks(self.tree.english_home)

    def test_german_general_pages(self):
        self.assertGermanPageWorks(self.about)
        self.assertGermanPageWorks(self.team)

    def test_english_general_pages(self):
        self.assertEnglishPageWorks(self.english_about)
        self.assertEnglishPageWorks(self.english_team)

    def test_german_search_page(self):
        self.assertGermanPageWorks(self.search)
        self.assertPageIsRenderable(self.search, query_data={"q": "Unternehmen"})

    def test_english_search_page(self):
        self.assertEnglishPageWorks(self.english_search)
        self.assertPageIsRenderable(self.english_search, query_data={"q": "companies"})
