"""Every view of the calendar reads the same number of SQL queries with four and with forty
meetings and events: nothing runs a query per item."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from network.tests.factories import MeetingPageFactory
from pagecache.generation import bump_generation

from .factories import EventPageFactory
from .tree import at, build_tree

# A calendar view right after a content change (navigation, footer, filter choices read anew).
MOST_QUERIES = 15

URLS = [
    "/de/termine/",
    "/de/termine/?sector=maschinenbau&kind=trade_fair",
    "/de/termine/?network=netzwerk-produktion",
    "/de/termine/monat/2031-03/",
    "/de/termine/archiv/",
    "/de/termine/ical/",
    "/de/termine/ical/?sector=metallverarbeitung",
    "/en/events/",
    "/en/events/month/2031-03/",
    "/en/events/ical/",
]


class CalendarQueriesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_tree()

    def count(self):
        counts = {}
        for url in URLS:
            self.client.get(url)  # what is read once per process (locales, content types)
            for state in ("after a change", "cached parts"):
                if state == "after a change":
                    bump_generation()
                with CaptureQueriesContext(connection) as captured:
                    response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
                counts[url, state] = len(captured)
        return counts

    def test_views_need_as_many_queries_with_ten_times_the_events(self):
        little = self.count()
        for number in range(18):
            start = at(2031, 3, 2 + number, 10) if number % 2 else at(2020, 2, 2 + number, 10)
            EventPageFactory(parent=self.t.calendar, start=start, sectors=[self.t.engineering], kind="trade_fair")
            MeetingPageFactory(parent=self.t.production, start=start + datetime.timedelta(hours=5))
        more = self.count()
        self.maxDiff = None
        self.assertEqual(more, little)
        over = {key: count for key, count in more.items() if count > MOST_QUERIES}
        self.assertEqual(over, {}, more)
