"""The exchange's page type, German and English, on a tree of the tests' own."""

from exchange.models import ExchangeIndexPage
from home.models import HomePage
from home.tests.factories import site_tree
from home.tests.page_types import PageTypeTestCase

from .factories import EntryFactory, exchange_tree


class ExchangePageTypesTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = site_tree()
        cls.exchange = exchange_tree(cls.tree)
        cls.entry = EntryFactory(page=cls.exchange.german, title="Partner für Laserschneiden gesucht")
        cls.english_entry = EntryFactory(page=cls.exchange.english, title="Free milling capacity")

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ExchangeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ExchangeIndexPage, set())
        self.assertCanCreateAt(HomePage, ExchangeIndexPage)

    def test_german_exchange_page(self):
        self.assertGermanPageWorks(self.exchange.german)

    def test_english_exchange_page(self):
        self.assertEnglishPageWorks(self.exchange.english)

    def test_entries_and_forms_below_the_page_in_both_languages(self):
        for page, entry, words in (
            (self.exchange.german, self.entry, ("eintragen", "antworten")),
            (self.exchange.english, self.english_entry, ("post", "answer")),
        ):
            for route in (f"{entry.pk}-{entry.slug}/", f"{words[0]}/", f"{entry.pk}-{entry.slug}/{words[1]}/"):
                self.assertPageIsRoutable(page, route)
                self.assertPageIsRenderable(page, route)
