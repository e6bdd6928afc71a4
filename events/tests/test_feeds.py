"""The calendar as iCalendar subscriptions (RFC 5545, parsed back with the icalendar library) for
every filter, and an event page's JSON-LD `Event`."""

import datetime
import json
import re

import icalendar

from django.test import TestCase

from .tree import build_tree


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


class SubscriptionTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_tree()

    def test_feed_has_every_meeting_and_event_in_berlin_time_with_its_timezone(self):
        calendar = parse(self.client.get("/de/termine/ical/"))
        self.assertEqual(str(calendar["X-WR-CALNAME"]), "Termine – Bochum 2015")
        [timezone] = calendar.walk("VTIMEZONE")
        self.assertEqual(str(timezone["TZID"]), "Europe/Berlin")
        events = by_summary(calendar)
        self.assertEqual(
            set(events),
            {
                "Frühjahrstreffen Produktion",
                "Logistiktreffen im März",
                "Informationsabend Fördermittel",
                "Gemeinschaftsstand auf der Hannover Messe",
            },
        )
        fair = events["Gemeinschaftsstand auf der Hannover Messe"]
        self.assertEqual(fair["DTSTART"].params["TZID"], "Europe/Berlin")
        start, end = fair["DTSTART"].dt, fair["DTEND"].dt
        self.assertEqual((start.day, start.month, start.hour), (31, 3, 9))
        self.assertEqual(start.utcoffset(), datetime.timedelta(hours=2))  # summer time from 30 March 2031
        self.assertEqual((end.day, end.month, end.hour), (4, 4, 18))
        self.assertEqual(str(fair["LOCATION"]), "Messegelände Hannover, Messegelände, 30521 Hannover")
        self.assertRegex(str(fair["URL"]), r"^http://[^/]+/de/termine/hannover-messe/$")
        self.assertEqual(str(fair["STATUS"]), "CONFIRMED")
        evening = events["Informationsabend Fördermittel"]
        self.assertIn("https://video.example.org/foerdermittel", str(evening["LOCATION"]))

    def test_cancelled_meeting_is_sent_as_cancelled(self):
        events = by_summary(parse(self.client.get("/de/termine/ical/")))
        self.assertEqual(str(events["Logistiktreffen im März"]["STATUS"]), "CANCELLED")

    def test_uids_are_stable_and_shared_by_both_languages(self):
        german = by_summary(parse(self.client.get("/de/termine/ical/")))
        english = by_summary(parse(self.client.get("/en/events/ical/")))
        self.assertEqual(
            str(german["Gemeinschaftsstand auf der Hannover Messe"]["UID"]),
            str(english["Joint stand at Hannover Messe"]["UID"]),
        )
        self.assertEqual(
            str(german["Frühjahrstreffen Produktion"]["UID"]),
            str(english["Spring meeting of the production network"]["UID"]),
        )
        self.assertEqual(len({str(event["UID"]) for event in german.values()}), 4)
        again = by_summary(parse(self.client.get("/de/termine/ical/?kind=trade_fair")))
        self.assertEqual(
            str(again["Gemeinschaftsstand auf der Hannover Messe"]["UID"]),
            str(german["Gemeinschaftsstand auf der Hannover Messe"]["UID"]),
        )

    def test_sequence_grows_when_an_event_is_changed_and_cancelled(self):
        def entry():
            events = by_summary(parse(self.client.get("/de/termine/ical/")))
            return events["Informationsabend Fördermittel"]

        first = entry()
        uid, sequence = str(first["UID"]), int(first["SEQUENCE"])
        evening = self.t.evening
        evening.start += datetime.timedelta(hours=1)
        evening.save_revision().publish()
        moved = entry()
        self.assertEqual(str(moved["UID"]), uid)
        self.assertGreater(int(moved["SEQUENCE"]), sequence)
        self.assertEqual(moved["DTSTART"].dt.hour, 19)
        evening.status = "cancelled"
        evening.save_revision().publish()
        cancelled = entry()
        self.assertGreater(int(cancelled["SEQUENCE"]), int(moved["SEQUENCE"]))
        self.assertEqual(str(cancelled["STATUS"]), "CANCELLED")

    def test_each_filter_has_its_feed(self):
        cases = {
            "?sector=maschinenbau": {"Frühjahrstreffen Produktion", "Gemeinschaftsstand auf der Hannover Messe"},
            "?network=netzwerk-logistik": {"Logistiktreffen im März", "Informationsabend Fördermittel"},
            "?kind=meeting": {"Frühjahrstreffen Produktion", "Logistiktreffen im März"},
            "?kind=information_evening&network=netzwerk-logistik": {"Informationsabend Fördermittel"},
        }
        for query, expected in cases.items():
            self.assertEqual(set(by_summary(parse(self.client.get("/de/termine/ical/" + query)))), expected, query)
        english = parse(self.client.get("/en/events/ical/?sector=engineering"))
        self.assertEqual(
            set(by_summary(english)), {"Spring meeting of the production network", "Joint stand at Hannover Messe"}
        )
        self.assertEqual(str(english["X-WR-CALNAME"]), "Events: Mechanical engineering – Bochum 2015")

    def test_feed_leaves_out_events_older_than_a_year(self):
        summaries = set(by_summary(parse(self.client.get("/de/termine/ical/"))))
        self.assertNotIn("Firmenbesuch im Walzwerk", summaries)  # 2021

    def test_event_page_has_its_own_calendar_file(self):
        response = self.client.get(self.t.fair.url + "ical/")
        [event] = parse(response).walk("VEVENT")
        self.assertEqual(str(event["SUMMARY"]), "Gemeinschaftsstand auf der Hannover Messe")
        self.assertTrue(response["Content-Disposition"].startswith("attachment;"))

    def test_lines_are_folded_crlf(self):
        raw = self.client.get("/de/termine/ical/").content
        lines = raw.split(b"\r\n")
        self.assertEqual(lines[0], b"BEGIN:VCALENDAR")
        self.assertTrue(all(len(line) <= 75 for line in lines))


class StructuredDataTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_tree()

    def json_ld(self, url):
        html = self.client.get(url).content.decode()
        [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return json.loads(data)

    def test_event_json_ld(self):
        data = self.json_ld(self.t.evening.url)
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["name"], "Informationsabend Fördermittel")
        self.assertEqual(data["startDate"], "2031-03-12T18:00:00+01:00")
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")
        self.assertEqual(data["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode")
        place, online = data["location"]
        self.assertEqual(place["@type"], "Place")
        self.assertEqual(place["name"], "BioMedizinZentrum Bochum")
        self.assertEqual(online, {"@type": "VirtualLocation", "url": "https://video.example.org/foerdermittel"})
        self.assertEqual(data["organizer"]["name"], "Bochum 2015")
        self.assertEqual(data["offers"]["price"], 0)
        self.assertEqual(data["offers"]["priceCurrency"], "EUR")
        self.assertTrue(data["isAccessibleForFree"])

    def test_english_and_cancelled(self):
        english = self.json_ld(self.t.en.fair.url)
        self.assertEqual(english["inLanguage"], "en")
        self.assertEqual(english["location"]["name"], "Hannover exhibition grounds")
        self.assertEqual(english["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode")
        self.t.fair.status = "cancelled"
        self.t.fair.save_revision().publish()
        self.assertEqual(self.json_ld(self.t.fair.url)["eventStatus"], "https://schema.org/EventCancelled")

    def test_meetings_offer_free_participation_too(self):
        data = self.json_ld(self.t.spring_meeting.url)
        self.assertEqual(data["offers"]["price"], 0)
        self.assertEqual(data["organizer"]["name"], "Bochum 2015")
