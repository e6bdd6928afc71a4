"""What a visitor sees in the calendar: upcoming meetings and events of all networks, the month,
the archive with its material, filters as addresses of their own; German and English."""

import re

from django.test import TestCase

from .tree import build_tree

# Words of the German pages and interface that an English page must not show.
GERMAN_WORDS = [
    "Termine",
    "Netzwerktreffen",
    "abgesagt",
    "Messe ",
    "Informationsabend",
    "Firmenbesuch",
    "Uhr",
    "März",
    "Juni",
    "Montag",
    "Mittwoch",
    "Fokusbranche",
    "Alle ",
    "Frühjahrstreffen",
]


def text_of(response):
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


class CalendarTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_tree()

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_german_list_shows_upcoming_meetings_of_all_networks_and_events_in_order(self):
        text = text_of(self.get("/de/termine/"))
        titles = [
            "Frühjahrstreffen Produktion",
            "Informationsabend Fördermittel",
            "Logistiktreffen im März",
            "Gemeinschaftsstand auf der Hannover Messe",
        ]
        positions = [text.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("5. März 2031, 18:00", text)
        self.assertIn("31. März 2031, 09:00 – 4. April 2031", text)  # a fair over several days
        self.assertIn("Netzwerk Produktion", text)
        self.assertNotIn("Auftakttreffen", text)  # past
        self.assertNotIn("Firmenbesuch im Walzwerk", text)

    def test_english_list_is_english_with_english_dates(self):
        response = self.get("/en/events/")
        self.assertContains(response, '<html lang="en"')
        text = text_of(response)
        for title in (
            "Spring meeting of the production network",
            "Information evening on funding",
            "Joint stand at Hannover Messe",
        ):
            self.assertIn(title, text)
        self.assertIn("5 March 2031, 18:00", text)
        self.assertIn("Network meeting", text)
        self.assertIn("Production network", text)
        for word in GERMAN_WORDS:
            self.assertNotIn(word, text.replace("Hannover Messe", ""), word)

    def test_a_cancelled_meeting_stays_listed_and_says_so(self):
        html = self.get("/de/termine/").content.decode()
        item = html[html.index("Logistiktreffen im März") :][:300]
        self.assertIn("badge--cancelled", item)

    def test_filters_are_addresses_of_their_own(self):
        by_sector = text_of(self.get("/de/termine/?sector=maschinenbau"))
        self.assertIn("Frühjahrstreffen Produktion", by_sector)  # its network serves the sector
        self.assertIn("Hannover Messe", by_sector)  # linked to the sector
        self.assertNotIn("Logistiktreffen", by_sector)
        self.assertNotIn("Fördermittel", by_sector)
        by_network = text_of(self.get("/de/termine/?network=netzwerk-logistik"))
        self.assertIn("Logistiktreffen im März", by_network)
        self.assertIn("Informationsabend Fördermittel", by_network)  # linked to the network
        self.assertNotIn("Frühjahrstreffen", by_network)
        meetings = text_of(self.get("/de/termine/?kind=meeting"))
        self.assertIn("Frühjahrstreffen", meetings)
        self.assertNotIn("Hannover Messe", meetings)
        fairs = text_of(self.get("/de/termine/?kind=trade_fair&sector=maschinenbau"))
        self.assertIn("Hannover Messe", fairs)
        self.assertNotIn("Frühjahrstreffen", fairs)

    def test_english_filters_use_english_addresses(self):
        text = text_of(self.get("/en/events/?sector=engineering"))
        self.assertIn("Spring meeting", text)
        self.assertIn("Joint stand", text)
        self.assertNotIn("Logistics meeting", text)

    def test_unknown_filter_values_are_ignored(self):
        text = text_of(self.get("/de/termine/?sector=gibt-es-nicht&kind=%27&network=99999999999999999999"))
        self.assertIn("Frühjahrstreffen", text)
        self.assertIn("Hannover Messe", text)

    def test_filter_form_is_labelled_and_keeps_the_choice(self):
        html = self.get("/de/termine/?network=netzwerk-logistik").content.decode()
        for name in ("sector", "network", "kind"):
            self.assertRegex(html, rf'<label for="filter-{name}">')
            self.assertIn(f'<select name="{name}" id="filter-{name}">', html)
        self.assertIn('<option value="netzwerk-logistik" selected>', html)
        self.assertIn('href="/de/termine/ical/?network=netzwerk-logistik"', html)

    def test_month_view_lists_each_day_of_the_month(self):
        response = self.get("/de/termine/monat/2031-03/")
        text = text_of(response)
        self.assertIn("März 2031", text)
        self.assertIn("Mittwoch, 5. März 2031", text)
        self.assertIn("Montag, 31. März 2031", text)
        self.assertNotIn("Auftakttreffen", text)
        html = response.content.decode()
        self.assertIn('<a href="#day-2031-03-12">', html)
        self.assertIn('id="day-2031-03-12"', html)
        self.assertIn('href="/de/termine/monat/2031-04/"', html)
        # The fair goes on into April: the April view shows it on each of its days there.
        april = text_of(self.get("/de/termine/monat/2031-04/"))
        self.assertIn("Dienstag, 1. April 2031", april)
        self.assertIn("Freitag, 4. April 2031", april)
        self.assertNotIn("Samstag, 5. April 2031", april)

    def test_english_month_view(self):
        text = text_of(self.get("/en/events/month/2031-03/?kind=meeting"))
        self.assertIn("March 2031", text)
        self.assertIn("Wednesday, 5 March 2031", text)
        self.assertNotIn("Joint stand", text)
        for word in GERMAN_WORDS:
            self.assertNotIn(word, text, word)

    def test_month_addresses_in_the_other_language_or_impossible_months_are_not_found(self):
        for url in ("/de/termine/month/2031-03/", "/en/events/monat/2031-03/", "/de/termine/monat/2031-13/"):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_archive_shows_past_events_newest_first_with_their_material(self):
        text = text_of(self.get("/de/termine/archiv/"))
        self.assertLess(text.index("Auftakttreffen Produktion"), text.index("Firmenbesuch im Walzwerk"))
        self.assertNotIn("Hannover Messe", text)
        self.assertIn("9. Juni 2021", text)
        event = text_of(self.get(self.t.visit.url))
        self.assertIn("Zwanzig Gäste sahen, wie Stahl gewalzt wird.", event)

    def test_english_archive(self):
        text = text_of(self.get("/en/events/archive/?sector=metalworking"))
        self.assertIn("Company visit to the rolling mill", text)
        self.assertNotIn("Kick-off meeting", text)
        self.assertIn("9 June 2021", text)


class EventPageTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.t = build_tree()

    def test_event_page_shows_date_venue_online_address_and_links(self):
        response = self.client.get(self.t.evening.url)
        text = text_of(response)
        self.assertIn("12. März 2031, 18:00 – 20:00", text)
        self.assertIn("BioMedizinZentrum Bochum", text)
        self.assertIn("https://video.example.org/foerdermittel", text)
        self.assertContains(response, f'href="{self.t.logistics.url}"')
        self.assertContains(response, f'href="{self.t.evening.url}ical/"')

    def test_english_event_page_in_english(self):
        response = self.client.get(self.t.en.fair.url)
        text = text_of(response)
        self.assertIn("31 March 2031, 09:00 – 4 April 2031, 18:00", text)
        self.assertIn("Mechanical engineering", text)
        self.assertContains(response, f'href="{self.t.en.engineering.url}"')
        for word in GERMAN_WORDS:
            self.assertNotIn(word, text.replace("Hannover Messe", ""), word)

    def test_cancelled_event_says_so_and_offers_no_calendar_entry(self):
        self.t.fair.status = "cancelled"
        self.t.fair.save_revision().publish()
        response = self.client.get(self.t.fair.url)
        self.assertContains(response, "notice--warning")
        self.assertNotContains(response, "/ical/")
