"""Demo content of the event calendar: the calendar page of each language (in the menu) and a
handful of the initiative's own events in the tone of its press releases – two past ones with their
material (a short report, slides, photos), and upcoming ones dated from the day the demo is first
loaded, on working days in Bochum at the usual times (demo.network.holidays_in_bochum). The network
meetings come from demo.network; the calendar lists them with these."""

import io
from datetime import date, datetime, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from demo.network import holidays_in_bochum
from demo.tools import bilingual_page, demo_image, draw_illustration, illustration_alt, stream
from events.models import EventIndexPage, EventNetwork, EventPage, EventSector
from network.models import BERLIN, FocusSectorPage, NetworkPage

TZB = "Technologie-Zentrum Ruhr"
TZB_ADDRESS = "Universitätsstraße 142\n44799 Bochum"
IHK = "IHK Mittleres Ruhrgebiet"
IHK_ADDRESS = "Ostring 30–32\n44787 Bochum"


def _at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def working_day(today, weeks, weekday):
    """The first `weekday` (0 = Monday) at least `weeks` weeks after `today` that is a working day
    in Bochum."""
    day = today + timedelta(weeks=weeks)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while day in holidays_in_bochum(day.year):
        day += timedelta(weeks=1)
    return day


def trade_fair_week(today):
    """Monday of the Hannover Messe week as the demo dates it: the first week from mid-April, the
    next one ahead of `today`, with no holiday from Monday to Friday."""
    year = today.year if today < date(today.year, 4, 1) else today.year + 1
    monday = date(year, 4, 15)
    monday += timedelta(days=(0 - monday.weekday()) % 7)
    while any(monday + timedelta(days=offset) in holidays_in_bochum(year) for offset in range(5)):
        monday += timedelta(weeks=1)
    return monday


def _slides(title):
    """A one-page PDF of a drawing, standing in for a speaker's slides (marked as demo)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw_illustration("netzwerk", (1200, 675)).save(buffer, format="PDF", resolution=100, title=title)
    name = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]
    return Document.objects.create(title=title, file=ContentFile(buffer.getvalue(), name=f"{name}.pdf"))


def _photo(illustration, german_caption, english_caption):
    """An image block of the gallery in German and in English (the drawing's alt texts)."""
    image = demo_image(f"Demo-Foto: {german_caption}", illustration=illustration)
    german_alt, english_alt = illustration_alt(illustration)
    return (
        (
            "image",
            {"image": {"image": image.pk, "alt_text": german_alt, "decorative": False}, "caption": german_caption},
        ),
        (
            "image",
            {"image": {"image": image.pk, "alt_text": english_alt, "decorative": False}, "caption": english_caption},
        ),
    )


def _event(calendar, german, english, shared, sectors=(), networks=()):
    """A German event with its links to sectors and networks, and its English translation."""
    links = {
        "sector_links": [EventSector(sector=sector) for sector in sectors],
        "network_links": [EventNetwork(network=network) for network in networks],
    }
    return bilingual_page(calendar, EventPage, german, english, shared={**shared, **links})


def load(out):
    from wagtail.models import Locale

    from home.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    sectors = {page.slug: page for page in FocusSectorPage.objects.filter(locale=home.locale)}
    production = NetworkPage.objects.filter(locale=home.locale, slug="netzwerk-produktion").first()
    calendar, _ = bilingual_page(
        home,
        EventIndexPage,
        {
            "title": "Termine",
            "slug": "termine",
            "show_in_menus": True,
            "intro": "Netzwerktreffen, Informationsabende, Firmenbesuche und Messen: alle Termine der "
            "Wachstumsinitiative und ihrer Netzwerke. Die Teilnahme ist kostenlos.",
        },
        {
            "title": "Events",
            "slug": "events",
            "intro": "Network meetings, information evenings, company visits and trade fairs: all events of the "
            "growth initiative and its networks. Taking part is free of charge.",
        },
    )
    _past_events(calendar, sectors, production)
    _upcoming_events(calendar, sectors, production, timezone.localdate())
    out("  the event calendar with two past events (with material) and four upcoming ones")


def _past_events(calendar, sectors, production):
    slides = _slides("Demo-Folien: Die Fokusbranchen der Wachstumsinitiative")
    photo_de, photo_en = _photo("netzwerk", "Gespräche nach den Vorträgen", "Talks after the presentations")
    _event(
        calendar,
        {
            "title": "Informationsabend: Die Fokusbranchen der Wachstumsinitiative",
            "slug": "informationsabend-fokusbranchen",
            "intro": "Bochum 2015 stellte Unternehmerinnen und Unternehmern die vier Fokusbranchen vor und lud "
            "zum Netzwerk Produktion ein.",
            "report": "<p>Rund 60 Gäste aus Verkehrstechnik, Maschinen- und Anlagenbau, Metallverarbeitung und "
            "produktionsnahen Dienstleistungen kamen ins Technologie-Zentrum Ruhr. Die Branchenbetreuer von "
            "Bochum 2015 zeigten, wo Bochum stark ist – und wie wenig die Unternehmen bisher voneinander wissen.</p>"
            "<p>Am Ende stand eine Verabredung: Im November treffen sich die ersten zehn Unternehmen zum Auftakt "
            "des Netzwerks Produktion.</p>",
            "slides": stream(
                "fokusbranchen-folien", [("document", {"document": slides.pk, "title": "Folien des Abends (PDF)"})]
            ),
            "photos": stream("fokusbranchen-fotos", [photo_de]),
        },
        {
            "title": "Information evening: the focus sectors of the growth initiative",
            "slug": "information-evening-focus-sectors",
            "intro": "Bochum 2015 presented its four focus sectors to business owners and managers and invited them "
            "to the Production Network.",
            "report": "<p>Some 60 guests from transport technology, mechanical and plant engineering, metalworking "
            "and production-related services came to the Technologie-Zentrum Ruhr. Bochum 2015's sector managers "
            "showed where Bochum is strong – and how little the companies know about each other so far.</p>"
            "<p>It ended with an appointment: in November the first ten companies meet for the kick-off of the "
            "Production Network.</p>",
            "slides": stream(
                "fokusbranchen-folien", [("document", {"document": slides.pk, "title": "Slides of the evening (PDF)"})]
            ),
            "photos": stream("fokusbranchen-fotos", [photo_en]),
            "venue_address": "Universitätsstraße 142\n44799 Bochum, Germany",
        },
        shared={
            "kind": EventPage.Kind.INFORMATION_EVENING,
            "start": datetime(2008, 9, 23, 18, tzinfo=BERLIN),
            "end": datetime(2008, 9, 23, 20, 30, tzinfo=BERLIN),
            "status": EventPage.Status.TOOK_PLACE,
            "venue_name": TZB,
            "venue_address": TZB_ADDRESS,
        },
        sectors=sectors.values(),
        networks=[production] if production else [],
    )
    photo_de, photo_en = _photo("metall", "In der Fertigungshalle", "In the production hall")
    _event(
        calendar,
        {
            "title": "Firmenbesuch in der Metallverarbeitung",
            "slug": "firmenbesuch-metallverarbeitung",
            "intro": "Ein Bochumer Metallverarbeiter öffnete seine Hallen für die Unternehmen des Netzwerks "
            "Produktion: Umformen, Schweißen und Beschichten aus der Nähe.",
            "report": "<p>Zwanzig Teilnehmerinnen und Teilnehmer sahen, wie aus Blech einbaufertige Baugruppen "
            "werden. Im anschließenden Gespräch ging es um gemeinsame Ausbildung und um Aufträge, die bisher "
            "nach Süddeutschland vergeben wurden.</p>",
            "photos": stream("walzwerk-fotos", [photo_de]),
        },
        {
            "title": "Company visit in metalworking",
            "slug": "company-visit-metalworking",
            "intro": "A Bochum metalworking company opened its halls to the companies of the Production Network: "
            "forming, welding and coating up close.",
            "report": "<p>Twenty participants saw sheet metal turned into ready-to-fit assemblies. The discussion "
            "afterwards was about joint apprenticeships and orders so far placed in southern Germany.</p>",
            "photos": stream("walzwerk-fotos", [photo_en]),
            "venue_name": "A metalworking company in Bochum (demo)",
            "venue_address": "44793 Bochum, Germany",
        },
        shared={
            "kind": EventPage.Kind.COMPANY_VISIT,
            "start": datetime(2009, 3, 18, 14, tzinfo=BERLIN),
            "end": datetime(2009, 3, 18, 16, 30, tzinfo=BERLIN),
            "status": EventPage.Status.TOOK_PLACE,
            "venue_name": "Ein Bochumer Metallverarbeiter (Demo)",
            "venue_address": "44793 Bochum",
        },
        sectors=[sectors[slug] for slug in ("metallverarbeitung",) if slug in sectors],
        networks=[production] if production else [],
    )


def _upcoming_events(calendar, sectors, production, today):
    # Dated from the day the demo is first loaded; loading again keeps the existing pages.
    evening = working_day(today, weeks=5, weekday=1)
    _event(
        calendar,
        {
            "title": "Informationsabend: Fördermittel für Innovation im Mittelstand",
            "slug": "informationsabend-foerdermittel",
            "intro": "Welche Förderprogramme von Land, Bund und EU passen zu Ihrem Vorhaben? Fachleute der "
            "Förderberatung erklären Wege und Fristen – vor Ort und im Livestream.",
        },
        {
            "title": "Information evening: funding for innovation in small and medium-sized companies",
            "slug": "information-evening-funding",
            "intro": "Which funding programmes of the state, the federal government and the EU suit your project? "
            "Funding advisers explain the ways and deadlines – on site and in a live stream.",
            "venue_name": "Chamber of Industry and Commerce (IHK Mittleres Ruhrgebiet)",
            "venue_address": "Ostring 30–32\n44787 Bochum, Germany",
        },
        shared={
            "kind": EventPage.Kind.INFORMATION_EVENING,
            "start": _at(evening, 18),
            "end": _at(evening, 20),
            "attendance_mode": EventPage.AttendanceMode.MIXED,
            "venue_name": IHK,
            "venue_address": IHK_ADDRESS,
            "online_url": "https://stream.example.org/bochum2015-foerdermittel",
        },
        sectors=sectors.values(),
    )
    visit = working_day(today, weeks=9, weekday=2)
    _event(
        calendar,
        {
            "title": "Firmenbesuch im Maschinen- und Anlagenbau",
            "slug": "firmenbesuch-maschinenbau",
            "intro": "Ein Bochumer Anlagenbauer zeigt seine Montage und spricht über Kooperationen mit Zulieferern "
            "aus der Nachbarschaft. Die Plätze sind begrenzt.",
        },
        {
            "title": "Company visit in mechanical and plant engineering",
            "slug": "company-visit-plant-engineering",
            "intro": "A Bochum plant engineering company shows its assembly and talks about cooperation with "
            "suppliers from the neighbourhood. Places are limited.",
            "venue_name": "A plant engineering company in Bochum (demo)",
            "venue_address": "44805 Bochum, Germany",
        },
        shared={
            "kind": EventPage.Kind.COMPANY_VISIT,
            "start": _at(visit, 14),
            "end": _at(visit, 16, 30),
            "venue_name": "Ein Bochumer Anlagenbauer (Demo)",
            "venue_address": "44805 Bochum",
            # Places are limited: registration until a week before, then a waiting list.
            "registration_open": True,
            "registration_capacity": 20,
            "registration_deadline": _at(visit - timedelta(days=7), 12),
            "registration_waiting_list": True,
        },
        sectors=[sectors[slug] for slug in ("maschinen-und-anlagenbau",) if slug in sectors],
        networks=[production] if production else [],
    )
    online = working_day(today, weeks=11, weekday=0)
    _event(
        calendar,
        {
            "title": "Online-Sprechstunde: Ausbildung im Verbund",
            "slug": "online-sprechstunde-verbundausbildung",
            "intro": "Kleine Betriebe bilden gemeinsam aus: Wie eine Verbundausbildung funktioniert und wer hilft, "
            "erklärt Bochum 2015 in einer Stunde am Bildschirm.",
        },
        {
            "title": "Online consultation: joint apprenticeships",
            "slug": "online-consultation-joint-apprenticeships",
            "intro": "Small companies train apprentices together: Bochum 2015 explains in one hour on screen how "
            "joint apprenticeships work and who helps.",
        },
        shared={
            "kind": EventPage.Kind.INFORMATION_EVENING,
            "start": _at(online, 17),
            "end": _at(online, 18),
            "attendance_mode": EventPage.AttendanceMode.ONLINE,
            "online_url": "https://stream.example.org/bochum2015-verbundausbildung",
        },
        sectors=[
            sectors[slug] for slug in ("metallverarbeitung", "produktionsnahe-dienstleistungen") if slug in sectors
        ],
    )
    fair = trade_fair_week(today)
    _event(
        calendar,
        {
            "title": "Gemeinschaftsstand auf der Hannover Messe",
            "slug": "hannover-messe",
            "intro": "Bochumer Unternehmen aus Verkehrstechnik und Maschinenbau zeigen sich auf dem "
            "Gemeinschaftsstand der Wachstumsinitiative. Besuchen Sie uns!",
        },
        {
            "title": "Joint stand at Hannover Messe",
            "slug": "hannover-messe",
            "intro": "Bochum companies from transport technology and mechanical engineering present themselves on "
            "the growth initiative's joint stand. Come and see us!",
            "venue_name": "Hannover exhibition grounds",
            "venue_address": "Messegelände\n30521 Hannover, Germany",
        },
        shared={
            "kind": EventPage.Kind.TRADE_FAIR,
            "start": _at(fair, 9),
            "end": _at(fair + timedelta(days=4), 18),
            "venue_name": "Messegelände Hannover",
            "venue_address": "Messegelände\n30521 Hannover",
        },
        sectors=[
            sectors[slug] for slug in ("verkehrstechnik-automotive", "maschinen-und-anlagenbau") if slug in sectors
        ],
    )
