"""The calendar and the event page, German and English, on a tree of the tests' own."""

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from home.tests.page_types import PageTypeTestCase

from .tree import build_tree


class EventPageTypesTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_tree()
        cls.tree = cls.t.site

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertFalse(EventIndexPage.can_create_at(self.tree.german_home))  # one per language

    def test_german_calendar_and_its_views(self):
        self.assertGermanPageWorks(self.t.calendar)
        for route in ("/monat/2031-03/", "/archiv/", "/ical/"):
            self.assertPageIsRoutable(self.t.calendar, route)
            self.assertPageIsRenderable(self.t.calendar, route)

    def test_english_calendar_and_its_views(self):
        self.assertEnglishPageWorks(self.t.en.calendar)
        for route in ("/month/2031-03/", "/archive/", "/ical/"):
            self.assertPageIsRoutable(self.t.en.calendar, route)
            self.assertPageIsRenderable(self.t.en.calendar, route)

    def test_german_event_pages(self):
        self.assertGermanPageWorks(self.t.fair)
        self.assertGermanPageWorks(self.t.evening)
        self.assertPageIsRenderable(self.t.fair, "/ical/")

    def test_english_event_pages(self):
        self.assertEnglishPageWorks(self.t.en.fair)
        self.assertEnglishPageWorks(self.t.en.visit)
