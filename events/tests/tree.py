"""A bilingual site of the tests' own with a calendar: two focus sectors, two networks (each with
an upcoming, a past and, for one, a cancelled meeting) and the initiative's events, upcoming and
past, German and English (translated through wagtail-localize)."""

import datetime
from types import SimpleNamespace

from home.tests.factories import paragraphs, site_tree, translate_into_english
from network.models import BERLIN, NetworkSector
from network.tests.factories import (
    FocusSectorIndexPageFactory,
    FocusSectorPageFactory,
    MeetingPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)

from .factories import EventIndexPageFactory, EventPageFactory


def at(year, month, day, hour=18, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def english(page, **fields):
    return translate_into_english(page, **fields)


def build_tree():
    t = SimpleNamespace()
    t.site = site_tree()
    home = t.site.german_home
    sectors = FocusSectorIndexPageFactory(parent=home)
    t.engineering = FocusSectorPageFactory(parent=sectors, title="Maschinenbau", slug="maschinenbau")
    t.metal = FocusSectorPageFactory(parent=sectors, title="Metallverarbeitung", slug="metallverarbeitung")
    networks = NetworkIndexPageFactory(parent=home)
    t.production = NetworkPageFactory(parent=networks, title="Netzwerk Produktion", slug="netzwerk-produktion")
    NetworkSector.objects.create(page=t.production, sector=t.engineering)
    t.logistics = NetworkPageFactory(parent=networks, title="Netzwerk Logistik", slug="netzwerk-logistik")
    NetworkSector.objects.create(page=t.logistics, sector=t.metal)
    t.spring_meeting = MeetingPageFactory(
        parent=t.production, title="Frühjahrstreffen Produktion", slug="fruehjahrstreffen", start=at(2031, 3, 5)
    )
    t.cancelled_meeting = MeetingPageFactory(
        parent=t.logistics,
        title="Logistiktreffen im März",
        slug="logistiktreffen",
        start=at(2031, 3, 19),
        status="cancelled",
    )
    t.past_meeting = MeetingPageFactory(
        parent=t.production, title="Auftakttreffen Produktion", slug="auftakt", start=at(2021, 11, 4)
    )
    t.calendar = EventIndexPageFactory(parent=home)
    t.fair = EventPageFactory(
        parent=t.calendar,
        title="Gemeinschaftsstand auf der Hannover Messe",
        slug="hannover-messe",
        kind="trade_fair",
        start=at(2031, 3, 31, 9),
        end=at(2031, 4, 4, 18),
        venue_name="Messegelände Hannover",
        venue_address="Messegelände\n30521 Hannover",
        intro="Fünf Bochumer Unternehmen zeigen gemeinsam, was sie können.",
        sectors=[t.engineering],
    )
    t.evening = EventPageFactory(
        parent=t.calendar,
        title="Informationsabend Fördermittel",
        slug="informationsabend-foerdermittel",
        start=at(2031, 3, 12, 18),
        attendance_mode="mixed",
        online_url="https://video.example.org/foerdermittel",
        intro="Welche Förderprogramme Unternehmen nutzen können.",
        body=paragraphs("Ein Abend mit Beispielen aus der Praxis."),
        networks=[t.logistics],
    )
    t.visit = EventPageFactory(
        parent=t.calendar,
        title="Firmenbesuch im Walzwerk",
        slug="firmenbesuch-walzwerk",
        kind="company_visit",
        start=at(2021, 6, 9, 14),
        status="took_place",
        intro="Ein Blick hinter die Kulissen der Metallverarbeitung.",
        report="<p>Zwanzig Gäste sahen, wie Stahl gewalzt wird.</p>",
        sectors=[t.metal],
    )
    t.en = SimpleNamespace()
    # Each index before the pages below it, so that their addresses are the English ones.
    english(sectors, title="Focus sectors", slug="focus-sectors", intro="Where Bochum is strong.")
    english(networks, title="Networks", slug="networks", intro="Companies achieving more together.")
    t.en.engineering = english(t.engineering, title="Mechanical engineering", slug="engineering", intro="In Bochum.")
    t.en.metal = english(t.metal, title="Metalworking", slug="metalworking", intro="In Bochum.")
    t.en.production = english(t.production, title="Production network", slug="production", intro="A network.")
    t.en.logistics = english(t.logistics, title="Logistics network", slug="logistics", intro="A network.")
    t.en.spring_meeting = english(
        t.spring_meeting,
        title="Spring meeting of the production network",
        slug="spring-meeting",
        venue_name="Tech centre",
    )
    t.en.cancelled_meeting = english(
        t.cancelled_meeting, title="Logistics meeting in March", slug="logistics-meeting", venue_name="Tech centre"
    )
    t.en.past_meeting = english(t.past_meeting, title="Kick-off meeting", slug="kick-off", venue_name="Tech centre")
    t.en.calendar = english(t.calendar, title="Events", slug="events", intro="Meetings, trade fairs and evenings.")
    t.en.fair = english(
        t.fair,
        title="Joint stand at Hannover Messe",
        slug="hannover-messe",
        venue_name="Hannover exhibition grounds",
        venue_address="Exhibition grounds\n30521 Hannover",
        intro="Five Bochum companies show together what they can do.",
    )
    t.en.evening = english(
        t.evening,
        title="Information evening on funding",
        slug="funding-evening",
        venue_name="BioMedizinZentrum Bochum",
        venue_address="Universitätsstraße 136\n44799 Bochum",
        intro="Which funding programmes companies can use.",
        body=paragraphs("An evening with examples from practice."),
    )
    t.en.visit = english(
        t.visit,
        title="Company visit to the rolling mill",
        slug="rolling-mill-visit",
        venue_name="BioMedizinZentrum Bochum",
        venue_address="Universitätsstraße 136\n44799 Bochum",
        intro="A look behind the scenes of metalworking.",
        report="<p>Twenty guests saw how steel is rolled.</p>",
    )
    return t
