"""Demo content of the network app, from the press release about the kick-off of the Netzwerk Produktion
(6 November 2008): the focus sectors, the network with its two meetings, its five topics of work, the
initiative's contact persons and the moderator. A third, open meeting is dated a few weeks after the
day the demo is loaded, so that the site's lists of upcoming meetings have something to show. The
companies (`demo.companies`; the first ten are the network's members) and the two cooperation projects
are invented and marked as demo data; e-mail addresses and websites are placeholders."""

from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.text import slugify

from core.slugs import german_ascii
from demo.companies import COMPANIES
from demo.tools import bilingual_page, bilingual_snippet, demo_image, stream
from network.models import (
    BERLIN,
    Company,
    CompanyDirectoryPage,
    Competence,
    ContactPerson,
    FocusSectorIndexPage,
    FocusSectorPage,
    MeetingPage,
    NetworkContactPerson,
    NetworkIndexPage,
    NetworkMember,
    NetworkPage,
    NetworkSector,
    NetworkTopic,
    ProjectPage,
    ProjectPartner,
    SectorContactPerson,
    Topic,
)

# The project's drawing of each sector (demo.tools.ILLUSTRATIONS), the picture of its cards.
SECTOR_ILLUSTRATIONS = {
    "verkehrstechnik-automotive": "automotive",
    "maschinen-und-anlagenbau": "maschinenbau",
    "metallverarbeitung": "metall",
    "produktionsnahe-dienstleistungen": "dienstleistung",
}
SECTORS = [
    (
        "verkehrstechnik-automotive",
        "Verkehrstechnik/Automotive",
        "Vom Zulieferer bis zum Systemhaus: Die Verkehrstechnik ist eine der wichtigsten Bochumer Fokusbranchen.",
        "transport-technology-automotive",
        "Transport technology/automotive",
        "From suppliers to system houses: transport technology is one of Bochum's most important focus sectors.",
    ),
    (
        "maschinen-und-anlagenbau",
        "Maschinen- und Anlagenbau",
        "Bochumer Maschinen- und Anlagenbauer liefern in alle Welt – und finden Partner in der Nachbarschaft.",
        "mechanical-and-plant-engineering",
        "Mechanical and plant engineering",
        "Bochum's mechanical and plant engineers deliver worldwide – and find partners in the neighbourhood.",
    ),
    (
        "metallverarbeitung",
        "Metallverarbeitung",
        "Umformen, Schweißen, Beschichten: Metallverarbeitung mit langer Tradition und neuen Verfahren.",
        "metalworking",
        "Metalworking",
        "Forming, welding, coating: metalworking with a long tradition and new processes.",
    ),
    (
        "produktionsnahe-dienstleistungen",
        "Produktionsnahe Dienstleistungen",
        "Engineering, Logistik und Beratung: die Dienstleister, ohne die keine Produktion läuft.",
        "production-related-services",
        "Production-related services",
        "Engineering, logistics and consulting: the services no production can run without.",
    ),
]

# Figures from the press release: almost 26,000 employees in the two largest sectors together,
# ten companies at the kick-off of the Netzwerk Produktion.
KEY_FIGURES = {
    "verkehrstechnik-automotive": [
        (
            ("fast 26 000", "Beschäftigte in Verkehrstechnik und Maschinen- und Anlagenbau"),
            ("almost 26,000", "employees in transport technology and mechanical and plant engineering"),
        ),
    ],
    "maschinen-und-anlagenbau": [
        (
            ("fast 26 000", "Beschäftigte in Verkehrstechnik und Maschinen- und Anlagenbau"),
            ("almost 26,000", "employees in transport technology and mechanical and plant engineering"),
        ),
    ],
}
NETWORK_KICK_OFF_FIGURE = (
    ("10", "Unternehmen beim Auftakt des Netzwerks Produktion"),
    ("10", "companies at the kick-off of the Production Network"),
)

TOPICS = [
    ("Wissenstransfer", "Knowledge transfer"),
    ("Forschung und Entwicklung", "Research and development"),
    ("Aus- und Weiterbildung", "Education and training"),
    ("Vertriebskooperation", "Sales cooperation"),
    ("Marketing", "Marketing"),
]

# (key, name, German role, English role, organisation)
CONTACT_PERSONS = [
    ("henkenmeier", "Markus Henkenmeier", "Branchenmanager Automotive", "Sector manager automotive", "Bochum 2015"),
    (
        "otten",
        "Marc Otten",
        "Branchenmanager Maschinen- und Anlagenbau",
        "Sector manager mechanical and plant engineering",
        "Bochum 2015",
    ),
    (
        "lennardt",
        "Jörg Lennardt",
        "Unternehmensberater, Moderator",
        "Management consultant, moderator",
        "ExperConsult",
    ),
]
CONTACT_DETAILS = {
    "henkenmeier": ("markus.henkenmeier@example.org", "0234 000001"),
    "otten": ("marc.otten@example.org", "0234 000002"),
    "lennardt": ("", ""),
}

DEMO_NOTE_DE = "(Erfundenes Beispielunternehmen der Demo-Inhalte.)"
DEMO_NOTE_EN = "(Invented example company of the demo content.)"

# The competences companies pick from: (group, German name, German synonyms, English name, English
# synonyms). More than the demo companies use, as an editor's list would be.
COMPETENCES = [
    ("manufacturing", "Antriebstechnik", "", "Drive technology", ""),
    ("manufacturing", "CNC-Fertigung", "CNC-Bearbeitung", "CNC machining", "CNC manufacturing"),
    ("manufacturing", "Drehen", "Drehteile", "Turning", "turned parts"),
    ("manufacturing", "Fräsen", "Frästeile", "Milling", "milled parts"),
    ("manufacturing", "Getriebe", "Getriebebau", "Gearboxes", "gears, transmissions"),
    ("manufacturing", "Laserstrahlschneiden", "Laserschneiden, Laserzuschnitt", "Laser beam cutting", "laser cutting"),
    ("manufacturing", "Schweißen", "Schweißbaugruppen", "Welding", "welded assemblies"),
    ("manufacturing", "Stahlbau", "Stahlkonstruktionen", "Steel construction", "steel structures"),
    ("manufacturing", "Umformen", "Stanzen, Tiefziehen", "Forming", "stamping, deep drawing"),
    ("manufacturing", "Werkzeugbau", "Stanzwerkzeuge, Umformwerkzeuge", "Toolmaking", "stamping tools, forming tools"),
    ("manufacturing", "Montage", "Baugruppenmontage", "Assembly", "subassembly"),
    ("materials", "Beschichten", "Pulverbeschichtung, Galvanik", "Coating", "powder coating, electroplating"),
    ("materials", "Korrosionsschutz", "", "Corrosion protection", ""),
    ("materials", "Aluminiumverarbeitung", "Aluminium", "Aluminium processing", "aluminum"),
    ("engineering", "Konstruktion", "CAD", "Design engineering", "CAD"),
    ("engineering", "Simulation", "FEM-Berechnung", "Simulation", "FEM analysis"),
    ("engineering", "Sondermaschinenbau", "Sondermaschinen", "Special machinery", "special-purpose machines"),
    ("engineering", "Fördertechnik", "Förderanlagen", "Conveyor technology", "conveyor systems"),
    ("electronics", "Elektronik", "Steuergeräte", "Electronics", "control units"),
    ("electronics", "Kabelsätze", "Kabelkonfektion", "Wiring harnesses", "cable assembly"),
    ("services", "Logistik", "Produktionslogistik, Just-in-time", "Logistics", "production logistics, just-in-time"),
    ("services", "Lagerhaltung", "Lager", "Warehousing", "storage"),
    ("services", "Instandhaltung", "Wartung", "Maintenance", "servicing"),
    ("services", "Ausbildung", "Ausbildungswerkstatt", "Training", "apprentice workshop"),
]


def load(out):
    from wagtail.models import Locale

    from home.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    topics = _topics()
    people = _contact_persons()
    sectors = _sectors(home, people)
    competences = _competences()
    companies = _companies(sectors, competences)
    _company_directory(home)
    network = _network(home, topics, sectors, people, companies)
    _meetings(network)
    _next_open_meeting(network)
    _projects(network, topics, companies)
    out(
        f"  {len(SECTORS)} focus sectors, {len(TOPICS)} topics, {len(COMPETENCES)} competences, "
        f"{len(CONTACT_PERSONS)} contact persons, "
        f"{len(COMPANIES)} demo companies (ten of them network members), the company directory and the Netzwerk Produktion with three meetings "
        "(one ahead) and two projects"
    )


def _topics():
    return [bilingual_snippet(Topic, {"name": de}, {}, {"name": en})[0] for de, en in TOPICS]


def _competences():
    """The vocabulary in German and English, by German name."""
    competences = {}
    for group, name_de, synonyms_de, name_en, synonyms_en in COMPETENCES:
        competences[name_de], _ = bilingual_snippet(
            Competence,
            {"name": name_de},
            {"group": group, "synonyms": synonyms_de},
            {"name": name_en, "synonyms": synonyms_en},
        )
    return competences


def _contact_persons():
    people = {}
    for key, name, role_de, role_en, organisation in CONTACT_PERSONS:
        email, phone = CONTACT_DETAILS[key]
        people[key], _ = bilingual_snippet(
            ContactPerson,
            {"name": name},
            {"role": role_de, "organisation": organisation, "email": email, "phone": phone},
            {"role": role_en},
        )
    return people


def _sectors(home, people):
    sector_index, _ = bilingual_page(
        home,
        FocusSectorIndexPage,
        {
            "title": "Fokusbranchen",
            "slug": "fokusbranchen",
            "show_in_menus": True,
            "intro": "Mit fast 26 000 Beschäftigten gehören Verkehrstechnik und Maschinen- und Anlagenbau zu den "
            "wichtigsten Bochumer Branchen. Bochum 2015 unterstützt sie gezielt.",
        },
        {
            "title": "Focus sectors",
            "slug": "focus-sectors",
            "intro": "With almost 26,000 employees, transport technology and mechanical and plant engineering are "
            "among Bochum's most important sectors. Bochum 2015 gives them targeted support.",
        },
    )
    contacts_by_sector = {"verkehrstechnik-automotive": ["henkenmeier"], "maschinen-und-anlagenbau": ["otten"]}
    sectors = {}
    for de_slug, de_title, de_intro, en_slug, en_title, en_intro in SECTORS:
        figures = [*KEY_FIGURES.get(de_slug, []), NETWORK_KICK_OFF_FIGURE]
        key = f"sector-{de_slug}"
        figures_de = stream(key, [("figure", {"number": de[0], "label": de[1]}) for de, _en in figures])
        figures_en = stream(key, [("figure", {"number": en[0], "label": en[1]}) for _de, en in figures])
        sectors[de_slug], _ = bilingual_page(
            sector_index,
            FocusSectorPage,
            {"title": de_title, "slug": de_slug, "intro": de_intro, "key_figures": figures_de},
            {"title": en_title, "slug": en_slug, "intro": en_intro, "key_figures": figures_en},
            shared={
                "social_image": demo_image(f"Bochum 2015 – {de_title}", illustration=SECTOR_ILLUSTRATIONS[de_slug]),
                "contact_links": [
                    SectorContactPerson(contact_person=people[person])
                    for person in contacts_by_sector.get(de_slug, [])
                ],
            },
        )
    return sectors


def _companies(sectors, competences):
    companies = []
    for entry in COMPANIES:
        slug = (
            slugify(german_ascii(entry["name"])).removesuffix("-gmbh-co-kg").removesuffix("-gmbh").removesuffix("-e-v")
        )
        street, postcode, district = entry["address"]
        company, _ = bilingual_snippet(
            Company,
            {"name": entry["name"]},
            {
                "description": f"{entry['de']} {DEMO_NOTE_DE}",
                "website": f"https://{slug}.example.org/",
                "city": "Bochum",
                "street": street,
                "postcode": postcode,
                "district": district,
                "size": entry["size"],
                "certifications": entry["certifications"],
            },
            {"description": f"{entry['en']} {DEMO_NOTE_EN}", "certifications": entry["certifications"]},
        )
        if not company.sectors.exists():
            company.sectors.set([sectors[sector] for sector in entry["sectors"]])
            company.competences.set([competences[name] for name in entry["competences"]])
            company.save()
        companies.append(company)
    return companies


def _company_directory(home):
    bilingual_page(
        home,
        CompanyDirectoryPage,
        {
            "title": "Unternehmen",
            "slug": "unternehmen",
            "show_in_menus": True,
            "intro": "Kompetente Partner vor der Haustüre: die Unternehmen der Bochumer Fokusbranchen, ihre "
            "Netzwerke und Kooperationsprojekte.",
        },
        {
            "title": "Companies",
            "slug": "companies",
            "intro": "Competent partners on your doorstep: the companies of Bochum's focus sectors, their "
            "networks and cooperation projects.",
        },
    )


def _network(home, topics, sectors, people, companies):
    network_index, _ = bilingual_page(
        home,
        NetworkIndexPage,
        {
            "title": "Netzwerke",
            "slug": "netzwerke",
            "show_in_menus": True,
            "intro": "In unseren Netzwerken lernen sich Bochumer Unternehmen kennen, tauschen Erfahrungen aus und "
            "starten gemeinsame Projekte. Die Teilnahme ist kostenlos.",
        },
        {
            "title": "Networks",
            "slug": "networks",
            "intro": "In our networks, Bochum companies get to know each other, share experience and start "
            "joint projects. Taking part is free of charge.",
        },
    )
    network, _ = bilingual_page(
        network_index,
        NetworkPage,
        {
            "title": "Netzwerk Produktion",
            "slug": "netzwerk-produktion",
            "intro": "Das Netzwerk Produktion bringt Unternehmen aus Maschinenbau, Automotive, Metallverarbeitung "
            "und produktionsnahen Dienstleistungen an einen Tisch.",
            "goals": "<p>Mit dem Netzwerk Produktion verfolgt Bochum 2015 das Ziel, Gewinn bringende "
            "Kooperationsprojekte auf den Weg zu bringen, um die Produktionswirtschaft in Bochum schlagkräftig zu "
            "stärken.</p><p>Die Unternehmen sollen regional Synergien bündeln – untereinander und mit den Bochumer "
            "Hochschulen. Denn die kompetenten Partner sitzen oft vor der Haustüre.</p>",
            "body": stream(
                "netzwerk-produktion",
                [
                    (
                        "paragraph",
                        "<p>Das Netzwerk ist offen für weitere Teilnehmer und entwickelt seine thematische "
                        "Ausrichtung konsequent nach den Bedürfnissen der Unternehmen. Alle Aktionen des Netzwerks "
                        "stehen den Unternehmen kostenlos zur Verfügung.</p>",
                    ),
                ],
            ),
        },
        {
            "title": "Production Network",
            "slug": "production-network",
            "intro": "The Production Network brings companies from mechanical engineering, automotive, "
            "metalworking and production-related services to one table.",
            "goals": "<p>With the Production Network, Bochum 2015 aims to start profitable cooperation "
            "projects that give Bochum's production industry real strength.</p><p>Companies are to pool their "
            "strengths in the region – with each other and with Bochum's universities. The competent partners are "
            "often right on the doorstep.</p>",
            "body": stream(
                "netzwerk-produktion",
                [
                    (
                        "paragraph",
                        "<p>The network is open to new members and shapes its topics around what the companies "
                        "need. Everything the network does is free of charge for companies.</p>",
                    ),
                ],
            ),
        },
        shared={
            "moderator": people["lennardt"],
            "topic_links": [NetworkTopic(topic=topic) for topic in topics],
            "sector_links": [NetworkSector(sector=sectors[slug]) for slug, *_rest in SECTORS],
            "contact_links": [NetworkContactPerson(contact_person=people[key]) for key in ("henkenmeier", "otten")],
            # The ten at the kick-off; the other demo companies are in the directory only.
            "member_links": [NetworkMember(company=company) for company in companies[:10]],
        },
    )
    return network


def _berlin(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def _meetings(network):
    bilingual_page(
        network,
        MeetingPage,
        {
            "title": "Auftakttreffen des Netzwerks Produktion",
            "slug": "auftakttreffen",
            "intro": "Erstmals brachte Bochum 2015 die Akteure der Bochumer Produktionswirtschaft an einen Tisch: "
            "Leitungskräfte von zehn Unternehmen kamen zum Auftakt ins Technologie-Zentrum Ruhr.",
            "venue_name": "Technologie-Zentrum Ruhr",
            "venue_address": "Universitätsstraße 142\n44799 Bochum",
            "agenda": "<ul><li>Begrüßung durch Bochum 2015</li><li>Gegenseitiges Kennenlernen der Unternehmen</li>"
            "<li>Erster Erfahrungsaustausch</li><li>Gemeinsame Arbeitsfelder und erste Maßnahmen</li></ul>"
            "<p>Moderation: Jörg Lennardt (ExperConsult)</p>",
        },
        {
            "title": "Kick-off meeting of the Production Network",
            "slug": "kick-off-meeting",
            "intro": "For the first time, Bochum 2015 brought the players of Bochum's production industry to one "
            "table: managers of ten companies came to the kick-off at the Technologie-Zentrum Ruhr.",
            "venue_name": "Technologie-Zentrum Ruhr",
            "venue_address": "Universitätsstraße 142\n44799 Bochum, Germany",
            "agenda": "<ul><li>Welcome by Bochum 2015</li><li>Getting to know each other</li>"
            "<li>First exchange of experience</li><li>Common fields of work and first measures</li></ul>"
            "<p>Moderation: Jörg Lennardt (ExperConsult)</p>",
        },
        shared={
            "start": _berlin(2008, 11, 6, 18),
            "end": _berlin(2008, 11, 6, 21),
            "status": MeetingPage.Status.TOOK_PLACE,
        },
    )
    # The press release says "early 2009"; the exact date is the demo's choice.
    bilingual_page(
        network,
        MeetingPage,
        {
            "title": "Zweites Netzwerktreffen",
            "slug": "zweites-netzwerktreffen",
            "intro": "Das zweite Treffen des Netzwerks Produktion findet Anfang 2009 statt. Neue Teilnehmer sind "
            "willkommen.",
            "venue_name": "Technologie-Zentrum Ruhr",
            "venue_address": "Universitätsstraße 142\n44799 Bochum",
            "agenda": "<ul><li>Vorstellung neuer Teilnehmer</li><li>Arbeitsgruppen zu den fünf Themen</li>"
            "<li>Erste Kooperationsprojekte</li></ul>",
        },
        {
            "title": "Second network meeting",
            "slug": "second-network-meeting",
            "intro": "The second meeting of the Production Network takes place in early 2009. New members are "
            "welcome.",
            "venue_name": "Technologie-Zentrum Ruhr",
            "venue_address": "Universitätsstraße 142\n44799 Bochum, Germany",
            "agenda": "<ul><li>Introduction of new members</li><li>Working groups on the five topics</li>"
            "<li>First cooperation projects</li></ul>",
        },
        shared={
            "start": _berlin(2009, 2, 12, 18),
            "end": _berlin(2009, 2, 12, 20, 30),
            "status": MeetingPage.Status.PLANNED,
        },
    )


def _easter_sunday(year):
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lunar = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lunar) // 451
    month, day = divmod(h + lunar - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holidays_in_bochum(year):
    """Public holidays in North Rhine-Westphalia, and the days between Christmas Eve and New Year's
    Day when nobody holds a network meeting."""
    easter = _easter_sunday(year)
    movable = {easter + timedelta(days=offset) for offset in (-2, 1, 39, 50, 60)}  # Good Friday ... Corpus Christi
    fixed = {date(year, 1, 1), date(year, 5, 1), date(year, 10, 3), date(year, 11, 1)}
    christmas_to_new_year = {date(year, 12, day) for day in range(24, 32)}
    return movable | fixed | christmas_to_new_year


def next_meeting_day(today, weeks=3):
    """The first Thursday, the network's usual meeting day, at least `weeks` weeks after `today`
    that is a working day in Bochum."""
    day = today + timedelta(weeks=weeks)
    day += timedelta(days=(3 - day.weekday()) % 7)
    while day in holidays_in_bochum(day.year):
        day += timedelta(weeks=1)
    return day


def _next_open_meeting(network):
    # Dated from the day the demo is first loaded; loading again keeps the existing page.
    day = next_meeting_day(timezone.localdate())
    bilingual_page(
        network,
        MeetingPage,
        {
            "title": "Offenes Netzwerktreffen",
            "slug": "offenes-netzwerktreffen",
            "intro": "Das Netzwerk Produktion lädt interessierte Unternehmen zum offenen Treffen ein: "
            "Kennenlernen, Erfahrungsaustausch und neue Kooperationsprojekte. Die Teilnahme ist kostenlos.",
            "venue_name": "Technologie-Zentrum Ruhr",
            "venue_address": "Universitätsstraße 142\n44799 Bochum",
            "agenda": "<ul><li>Berichte aus den Arbeitsgruppen</li><li>Vorstellung interessierter Unternehmen</li>"
            "<li>Neue Kooperationsprojekte</li></ul>",
        },
        {
            "title": "Open network meeting",
            "slug": "open-network-meeting",
            "intro": "The Production Network invites interested companies to an open meeting: getting to know "
            "each other, exchanging experience and new cooperation projects. Taking part is free of charge.",
            "venue_name": "Technologie-Zentrum Ruhr",
            "venue_address": "Universitätsstraße 142\n44799 Bochum, Germany",
            "agenda": "<ul><li>Reports from the working groups</li><li>Interested companies introduce "
            "themselves</li><li>New cooperation projects</li></ul>",
        },
        shared={
            "start": _berlin(day.year, day.month, day.day, 18),
            "end": _berlin(day.year, day.month, day.day, 20),
            "status": MeetingPage.Status.PLANNED,
            # Open for registrations, with free seats (registrations themselves are never demo content).
            "registration_open": True,
            "registration_capacity": 40,
            "registration_waiting_list": True,
        },
    )


def _projects(network, topics, companies):
    by_name = {company.name.split()[0]: company for company in companies}
    topic_by_name = {topic.name: topic for topic in topics}
    bilingual_page(
        network,
        ProjectPage,
        {
            "title": "Ausbildungsverbund Produktion",
            "slug": "ausbildungsverbund-produktion",
            "intro": "Drei Mitgliedsunternehmen bilden gemeinsam aus: Auszubildende lernen in allen drei Betrieben. "
            "(Erfundenes Beispielprojekt der Demo-Inhalte.)",
            "research_institutions": "Hochschule Bochum",
            "goals": "<p>Mehr und besser ausgebildete Fachkräfte für die Bochumer Produktion, auch für Betriebe "
            "ohne eigene Ausbildungswerkstatt.</p>",
            "results": "<p>Der erste Jahrgang hat die Ausbildung begonnen.</p>",
        },
        {
            "title": "Production training alliance",
            "slug": "production-training-alliance",
            "intro": "Three member companies train apprentices together: apprentices learn in all three firms. "
            "(Invented example project of the demo content.)",
            "research_institutions": "Hochschule Bochum (University of Applied Sciences)",
            "goals": "<p>More and better trained skilled workers for Bochum's production industry, including "
            "firms without their own apprentice workshop.</p>",
            "results": "<p>The first intake has started its training.</p>",
        },
        shared={
            "topic": topic_by_name["Aus- und Weiterbildung"],
            "status": ProjectPage.Status.RUNNING,
            "partner_links": [ProjectPartner(company=by_name[name]) for name in ("Hiltrop", "Ruhrtal", "Weitmar")],
        },
    )
    bilingual_page(
        network,
        ProjectPage,
        {
            "title": "Leichtbau-Komponenten für Fahrzeuge",
            "slug": "leichtbau-komponenten",
            "intro": "Konstruktion, Fertigung und Beschichtung aus einer Hand: leichtere Bauteile für die "
            "Fahrzeugindustrie. (Erfundenes Beispielprojekt der Demo-Inhalte.)",
            "research_institutions": "Ruhr-Universität Bochum",
            "goals": "<p>Gemeinsam ein Leichtbau-Bauteil entwickeln, das keines der Unternehmen allein anbieten "
            "könnte.</p>",
        },
        {
            "title": "Lightweight components for vehicles",
            "slug": "lightweight-components",
            "intro": "Design, manufacturing and coating from one source: lighter parts for the vehicle industry. "
            "(Invented example project of the demo content.)",
            "research_institutions": "Ruhr-Universität Bochum",
            "goals": "<p>To develop together a lightweight part that none of the companies could offer on its "
            "own.</p>",
        },
        shared={
            "topic": topic_by_name["Forschung und Entwicklung"],
            "status": ProjectPage.Status.IDEA,
            "partner_links": [
                ProjectPartner(company=by_name[name]) for name in ("Querenburg", "Bochumer", "Wattenscheider")
            ],
        },
    )
