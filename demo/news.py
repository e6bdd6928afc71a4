"""Demo content of the news app: both news indexes, the tags, a press contact and articles.

The Netzwerk Produktion kick-off article is the initiative's press release of 7 November 2008
(text kept here; the project never reads files outside the repository at run time)."""

import datetime
import uuid

from django.utils import timezone

from demo.tools import DEMO_NAMESPACE, bilingual_page, bilingual_snippet, demo_image, illustration_alt, stream
from news.models import NewsArticleNetwork, NewsArticlePage, NewsArticleSector, NewsArticleTag, NewsIndexPage, NewsTag


def list_items(key, values):
    """ListBlock items in block format with ids derived from `key`, so that German and English
    list items pair up for wagtail-localize."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{key}-item-{index}"))}
        for index, value in enumerate(values)
    ]


TAGS = {
    "netzwerk": ("Netzwerk", "Network", "network"),
    "kooperation": ("Kooperation", "Cooperation", "cooperation"),
    "veranstaltung": ("Veranstaltung", "Event", "event"),
    "hochschulen": ("Hochschulen", "Universities", "universities"),
    "wissenstransfer": ("Wissenstransfer", "Knowledge transfer", "knowledge-transfer"),
    "ausbildung": ("Aus- und Weiterbildung", "Education and training", "education-and-training"),
    "vertrieb": ("Vertrieb und Marketing", "Sales and marketing", "sales-and-marketing"),
}

AUTOMOTIVE = "verkehrstechnik-automotive"
MACHINERY = "maschinen-und-anlagenbau"
METAL = "metallverarbeitung"
SERVICES = "produktionsnahe-dienstleistungen"

KICK_OFF_DE = [
    (
        "paragraph",
        "<p>Leitungskräfte von zehn Unternehmen aus den Bereichen Maschinenbau, Automotive, Metallverarbeitung sowie "
        "der zugehörigen Dienstleistungsunternehmen folgten dem Aufruf der Bochumer Wachstumsinitiative zum "
        "Auftakttreffen im Technologie-Zentrum Ruhr auf dem Campus der Ruhr-Universität, um gemeinsame Arbeitsfelder "
        "und erste Maßnahmen zu definieren. Mit dem „Netzwerk Produktion“ verfolgt Bochum 2015 das Ziel, Gewinn "
        "bringende Kooperationsprojekte auf den Weg zu bringen, um die Produktionswirtschaft in Bochum schlagkräftig "
        "zu stärken.</p>",
    ),
    (
        "paragraph",
        "<p>Die Bochumer Produktionswirtschaft zeigt Dynamik. Mit fast 26 000 Arbeitnehmern gehören Verkehrstechnik "
        "und Maschinen- und Anlagenbau zu den wichtigsten Bochumer Fokusbranchen, die Bochum 2015 gezielt "
        "unterstützt, um die Wirtschaft der Stadt zu fördern und Arbeitsplätze zu erhalten und neue zu schaffen. Ein "
        "Ansatz ist dabei die Vernetzung der Unternehmen und Branchen untereinander und mit den Bochumer Hochschulen. "
        "Das Ziel: regional Synergien bündeln und Kooperationsprojekte auf den Weg bringen, die auf Sicht für eine "
        "Vielzahl an Unternehmensfeldern und Geschäftsbereichen Gewinne einfahren.</p>",
    ),
    (
        "paragraph",
        "<p>Im Mittelpunkt des Auftakttreffens des „Netzwerks Produktion“ standen unter der Moderation des erfahrenen "
        "Unternehmensberaters Jörg Lennardt (ExperConsult) das gegenseitige Kennenlernen sowie der erste "
        "Erfahrungsaustausch. In der weiteren Netzwerkarbeit sollen Projekte zu den Themen Wissenstransfer, Forschung "
        "und Entwicklung, Aus- und Weiterbildung, Vertriebskooperation oder Marketing angeregt werden. Beispiele, die "
        "Schule machen könnten.</p>",
    ),
    (
        "quote",
        {
            "quote": "Wir hören es immer wieder: ‚Unsere Partner haben wir in Süddeutschland gesucht, dabei sind die "
            "kompetenten Unternehmen vor der Haustüre.‘",
            "attribution": "Markus Henkenmeier (Automotive) und Marc Otten (Maschinen- und Anlagenbau), Bochum 2015",
        },
    ),
    (
        "paragraph",
        "<p>So benennen die beiden das Problem: Bochum ist stark, weiß es aber nicht. Geht es nach dem Willen der "
        "Wachstumsinitiative Bochum 2015, so soll hier durch Kooperation gründlich Abhilfe geschaffen werden.</p>",
    ),
    ("heading", {"text": "Teilnahme weiterhin möglich", "level": "h2"}),
    (
        "paragraph",
        "<p>Eine Teilnahme ist weiterhin möglich: Das Netzwerk ist offen für weitere Vorschläge und entwickelt die "
        "thematische Ausrichtung konsequent nach den Bedürfnissen der Unternehmen. Alle Aktionen des Netzwerks stehen "
        "den Unternehmen kostenlos zur Verfügung. Teilnehmer sind willkommen. Das zweite Netzwerktreffen wird Anfang "
        "2009 stattfinden. Informationen unter www.bochum2015.de.</p>",
    ),
    (
        "fact_box",
        {
            "title": "Auf einen Blick",
            "facts": list_items(
                "kick-off-facts",
                [
                    "Auftakttreffen am Donnerstag, 6. November 2008",
                    "Technologie-Zentrum Ruhr, Campus der Ruhr-Universität Bochum",
                    "Leitungskräfte von zehn Unternehmen",
                    "Moderation: Jörg Lennardt (ExperConsult)",
                    "Zweites Treffen: Anfang 2009",
                ],
            ),
        },
    ),
]
KICK_OFF_EN = [
    (
        "paragraph",
        "<p>Managers from ten companies in mechanical engineering, automotive, metalworking and the related services "
        "answered the growth initiative's call to the kick-off meeting at the Technologie-Zentrum Ruhr on the campus "
        "of the Ruhr University, to define common fields of work and first measures. With the Production Network, "
        "Bochum 2015 aims to start profitable cooperation projects that give Bochum's production industry real "
        "strength.</p>",
    ),
    (
        "paragraph",
        "<p>Bochum's production industry is on the move. With almost 26,000 employees, transport technology and "
        "mechanical and plant engineering are among Bochum's most important focus sectors, which Bochum 2015 supports "
        "in a targeted way to promote the city's economy, keep jobs and create new ones. One approach is to connect "
        "the companies and sectors with each other and with Bochum's universities. The goal: to pool synergies in the "
        "region and start cooperation projects that will, in time, pay off for many fields of business.</p>",
    ),
    (
        "paragraph",
        "<p>Moderated by the experienced management consultant Jörg Lennardt (ExperConsult), the kick-off meeting of "
        "the Production Network focused on getting to know each other and a first exchange of experience. As the "
        "network continues, it is to stimulate projects in knowledge transfer, research and development, education "
        "and training, sales cooperation or marketing. Examples that could set a trend.</p>",
    ),
    (
        "quote",
        {
            "quote": "We hear it again and again: ‘We looked for partners in southern Germany, when the competent "
            "companies were right on our doorstep.’",
            "attribution": "Markus Henkenmeier (automotive) and Marc Otten (mechanical and plant engineering), "
            "Bochum 2015",
        },
    ),
    (
        "paragraph",
        "<p>That is how the two describe the problem: Bochum is strong but does not know it. The growth initiative "
        "Bochum 2015 wants cooperation to put this right thoroughly.</p>",
    ),
    ("heading", {"text": "You can still join", "level": "h2"}),
    (
        "paragraph",
        "<p>Companies can still take part: the network is open to further suggestions and shapes its topics strictly "
        "around the needs of the companies. Everything the network does is free of charge for companies. New members "
        "are welcome. The second network meeting will take place in early 2009. More information at "
        "www.bochum2015.de.</p>",
    ),
    (
        "fact_box",
        {
            "title": "At a glance",
            "facts": list_items(
                "kick-off-facts",
                [
                    "Kick-off meeting on Thursday, 6 November 2008",
                    "Technologie-Zentrum Ruhr, Ruhr University Bochum campus",
                    "Managers from ten companies",
                    "Moderated by Jörg Lennardt (ExperConsult)",
                    "Second meeting: early 2009",
                ],
            ),
        },
    ),
]

# (date, slug de, title de, teaser de, text de, slug en, title en, teaser en, text en, sectors, tags,
#  illustration: the name of one of the project's drawings, demo.tools.ILLUSTRATIONS)
ARTICLES = [
    (
        datetime.date(2008, 9, 18),
        "bochum-2015-setzt-auf-fokusbranchen",
        "Bochum 2015 setzt auf die Fokusbranchen",
        "Verkehrstechnik, Maschinen- und Anlagenbau, Metallverarbeitung und produktionsnahe Dienstleistungen: "
        "Die Wachstumsinitiative stellt vor, wo sie ansetzt.",
        "Die Wachstumsinitiative Bochum 2015 konzentriert ihre Arbeit auf die Branchen, in denen die Stadt besonders "
        "stark ist. Für jede Fokusbranche gibt es feste Ansprechpartner, die Unternehmen beraten und Kontakte "
        "vermitteln. Die Angebote sind für die Betriebe kostenlos.",
        "bochum-2015-focuses-on-key-sectors",
        "Bochum 2015 focuses on its key sectors",
        "Transport technology, mechanical and plant engineering, metalworking and production-related services: the "
        "growth initiative presents where it starts.",
        "The growth initiative Bochum 2015 concentrates its work on the sectors in which the city is particularly "
        "strong. Each focus sector has permanent contacts who advise companies and arrange introductions. The "
        "services are free of charge for companies.",
        [AUTOMOTIVE, MACHINERY, METAL, SERVICES],
        ["kooperation"],
        "zeche",
    ),
    (
        datetime.date(2008, 10, 9),
        "zulieferer-tag-automotive",
        "Zulieferertag Automotive: Bochumer Betriebe zeigen, was sie können",
        "Rund 40 Fachleute aus der Fahrzeugzulieferung trafen sich, um Fertigungskompetenzen in der Region "
        "kennenzulernen.",
        "Beim ersten Zulieferertag stellten sich Bochumer Betriebe aus Verkehrstechnik und Automotive gegenseitig "
        "ihre Leistungen vor. Viele Teilnehmer entdeckten Partner, die sie bisher weit außerhalb der Region gesucht "
        "hatten.",
        "automotive-suppliers-day",
        "Automotive supplier day: Bochum companies show what they can do",
        "Around 40 experts from vehicle supply met to get to know the manufacturing skills in the region.",
        "At the first suppliers' day, Bochum companies from transport technology and automotive presented their "
        "services to each other. Many participants discovered partners they had so far looked for far outside the "
        "region.",
        [AUTOMOTIVE],
        ["veranstaltung", "kooperation"],
        "automotive",
    ),
    (
        datetime.date(2008, 11, 27),
        "hochschulen-oeffnen-labore",
        "Hochschulen öffnen ihre Labore für den Maschinenbau",
        "Bei einem Laborrundgang lernten Maschinen- und Anlagenbauer die Forschungseinrichtungen der Bochumer "
        "Hochschulen kennen.",
        "Wissenstransfer beginnt mit dem Kennenlernen: Beim Rundgang durch die Labore der Bochumer Hochschulen "
        "sprachen Unternehmen direkt mit Forschenden über Werkstoffprüfung, Antriebstechnik und Simulation. Erste "
        "gemeinsame Projektideen wurden bereits vereinbart.",
        "universities-open-their-labs",
        "Universities open their labs to mechanical engineering",
        "On a lab tour, mechanical and plant engineers got to know the research facilities of Bochum's universities.",
        "Knowledge transfer starts with getting to know each other: on the tour of the laboratories of Bochum's "
        "universities, companies talked directly to researchers about materials testing, drive technology and "
        "simulation. The first joint project ideas have already been agreed.",
        [MACHINERY],
        ["hochschulen", "wissenstransfer"],
        "maschinenbau",
    ),
    (
        datetime.date(2008, 12, 11),
        "ausbildungsverbund-metall",
        "Ausbildungsverbund Metall: Betriebe bilden gemeinsam aus",
        "Kleine Metallbetriebe teilen sich Ausbildungsinhalte, die einer allein nicht anbieten kann.",
        "Im neuen Ausbildungsverbund durchlaufen Auszubildende mehrere Bochumer Betriebe der Metallverarbeitung. So "
        "lernen sie Schweißen, Umformen und Beschichten auch dann, wenn ihr eigener Betrieb nicht alle Verfahren "
        "anbietet.",
        "metal-training-alliance",
        "Metal training alliance: companies train apprentices together",
        "Small metalworking companies share training content that none of them could offer alone.",
        "In the new training alliance, apprentices pass through several Bochum metalworking companies. This way they "
        "learn welding, forming and coating even if their own company does not offer every process.",
        [METAL],
        ["ausbildung", "kooperation"],
        "metall",
    ),
    (
        datetime.date(2009, 1, 22),
        "dienstleister-fuer-die-produktion",
        "Ohne sie läuft keine Produktion: Dienstleister im Porträt",
        "Engineering, Logistik und Instandhaltung: Bochum 2015 stellt produktionsnahe Dienstleister der Stadt vor.",
        "Die produktionsnahen Dienstleistungen sind die vierte Fokusbranche der Initiative. In einer Reihe von "
        "Porträts zeigt Bochum 2015, welche Leistungen die Bochumer Dienstleister für Industriebetriebe erbringen.",
        "services-for-production",
        "No production runs without them: service providers in portrait",
        "Engineering, logistics and maintenance: Bochum 2015 presents the city's production-related service "
        "providers.",
        "Production-related services are the initiative's fourth focus sector. In a series of portraits, Bochum 2015 "
        "shows what Bochum's service providers do for industrial companies.",
        [SERVICES],
        ["vertrieb"],
        "dienstleistung",
    ),
    (
        datetime.date(2009, 2, 12),
        "zweites-treffen-netzwerk-produktion",
        "Netzwerk Produktion: zweites Treffen mit ersten Projekten",
        "Beim zweiten Treffen des Netzwerks Produktion wurden drei Arbeitsgruppen gegründet.",
        "Wie beim Auftakt im November angekündigt, kam das Netzwerk Produktion Anfang des Jahres erneut zusammen. "
        "Die Teilnehmer gründeten Arbeitsgruppen zu Wissenstransfer, Ausbildung und gemeinsamem Vertrieb. Weitere "
        "Unternehmen haben sich dem Netzwerk angeschlossen.",
        "second-production-network-meeting",
        "Production Network: second meeting brings first projects",
        "At the second meeting of the Production Network, three working groups were founded.",
        "As announced at the kick-off in November, the Production Network met again early in the year. The "
        "participants founded working groups on knowledge transfer, training and joint sales. More companies have "
        "joined the network.",
        [MACHINERY, AUTOMOTIVE],
        ["netzwerk", "veranstaltung"],
        "netzwerk",
    ),
    (
        datetime.date(2009, 3, 5),
        "gemeinsamer-messestand",
        "Gemeinsam auf die Messe: Bochumer Gemeinschaftsstand geplant",
        "Maschinenbauer und Metallverarbeiter wollen sich auf einer Industriemesse erstmals gemeinsam präsentieren.",
        "Ein eigener Messestand ist für kleine Betriebe teuer. Bochum 2015 organisiert deshalb einen "
        "Gemeinschaftsstand, auf dem sich mehrere Unternehmen als Bochumer Produktionsstandort präsentieren.",
        "joint-trade-fair-stand",
        "Going to the fair together: a joint Bochum stand is planned",
        "Mechanical engineers and metalworkers want to present themselves together at an industrial fair for the "
        "first time.",
        "A stand of their own is expensive for small companies. Bochum 2015 is therefore organising a joint stand on "
        "which several companies present Bochum as a place of production.",
        [MACHINERY, METAL],
        ["vertrieb", "kooperation"],
        "maschinenbau",
    ),
    (
        datetime.date(2009, 3, 26),
        "energieeffizienz-in-der-produktion",
        "Energie sparen in der Produktion: Leitfaden für Betriebe",
        "Ein Leitfaden zeigt, wie Metall- und Dienstleistungsbetriebe ihren Energieverbrauch senken können.",
        "Gemeinsam mit Fachleuten der Hochschulen hat Bochum 2015 einen Leitfaden zur Energieeffizienz erarbeitet. Er "
        "beschreibt einfache Maßnahmen von der Druckluft bis zur Hallenbeleuchtung und nennt Ansprechpartner für "
        "Förderprogramme.",
        "energy-efficiency-in-production",
        "Saving energy in production: a guide for companies",
        "A guide shows how metalworking and service companies can reduce their energy consumption.",
        "Together with experts from the universities, Bochum 2015 has written a guide to energy efficiency. It "
        "describes simple measures from compressed air to hall lighting and names contacts for funding programmes.",
        [METAL, SERVICES],
        ["wissenstransfer", "hochschulen"],
        "zeche",
    ),
]


def load(out):
    from wagtail.models import Locale

    from home.models import HomePage
    from network.models import ContactPerson, FocusSectorPage, NetworkPage

    german = Locale.get_default()
    home = HomePage.objects.get(locale=german)
    index, _ = bilingual_page(
        home,
        NewsIndexPage,
        {
            "title": "Aktuelles",
            "slug": "aktuelles",
            "show_in_menus": True,
            "intro": "Neuigkeiten aus der Wachstumsinitiative, den Fokusbranchen und den Netzwerken.",
        },
        {
            "title": "News",
            "slug": "news",
            "intro": "News from the growth initiative, the focus sectors and the networks.",
        },
    )
    tags = {
        key: bilingual_snippet(NewsTag, {"slug": key}, {"name": de}, {"name": en, "slug": en_slug})[0]
        for key, (de, en, en_slug) in TAGS.items()
    }
    press, _ = bilingual_snippet(
        ContactPerson,
        {"name": "Pressestelle Bochum 2015", "email": "presse@example.org"},
        {"role": "Presse- und Öffentlichkeitsarbeit", "organisation": "Bochum 2015", "phone": "0234 000000"},
        {"name": "Bochum 2015 press office", "role": "Press and public relations", "organisation": "Bochum 2015"},
    )
    sectors = {page.slug: page for page in FocusSectorPage.objects.filter(locale=german)}
    network = NetworkPage.objects.filter(locale=german, slug="netzwerk-produktion").first()

    def article(date, german_fields, english_fields, sector_slugs, tag_keys, illustration, networks=()):
        image = demo_image(german_fields["title"], illustration=illustration)
        german_fields["lead_image_alt"], english_fields["lead_image_alt"] = illustration_alt(illustration)
        shared = {
            "date": date,
            "lead_image": image,
            "contact_person": press,
            "tag_links": [NewsArticleTag(tag=tags[key]) for key in tag_keys],
            "sector_links": [NewsArticleSector(sector=sectors[slug]) for slug in sector_slugs if slug in sectors],
            "network_links": [NewsArticleNetwork(network=page) for page in networks if page],
        }
        german_page, english_page = bilingual_page(
            index, NewsArticlePage, german_fields, english_fields, shared=shared
        )
        # These are archive press releases: they were first published on their date, which
        # orders them in the search's "newest first" and dates them in the feeds.
        published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(10)))
        NewsArticlePage.objects.filter(translation_key=german_page.translation_key).update(
            first_published_at=published
        )
        return german_page, english_page

    article(
        datetime.date(2008, 11, 6),
        {
            "title": "Netzwerk Produktion: Gemeinsam mehr erreichen",
            "slug": "netzwerk-produktion-auftakt",
            "teaser": "Gemeinsam mehr erreichen: Erstmals brachte Bochum 2015 am Donnerstagabend (6. November) die "
            "Akteure der in Bochum ansässigen Unternehmen der Produktionswirtschaft an einen Tisch.",
            "body": stream("netzwerk-produktion-auftakt", KICK_OFF_DE),
        },
        {
            "title": "Production Network: achieving more together",
            "slug": "production-network-kick-off",
            "teaser": "Achieving more together: on Thursday evening (6 November), Bochum 2015 brought the "
            "production companies based in Bochum to one table for the first time.",
            "body": stream("netzwerk-produktion-auftakt", KICK_OFF_EN),
        },
        [MACHINERY, AUTOMOTIVE, METAL, SERVICES],
        ["netzwerk", "kooperation", "veranstaltung"],
        "netzwerk",
        networks=[network],
    )
    for (
        date,
        de_slug,
        de_title,
        de_teaser,
        de_text,
        en_slug,
        en_title,
        en_teaser,
        en_text,
        sector_slugs,
        tag_keys,
        illustration,
    ) in ARTICLES:
        article(
            date,
            {
                "title": de_title,
                "slug": de_slug,
                "teaser": de_teaser,
                "body": stream(de_slug, [("paragraph", f"<p>{de_text}</p>")]),
            },
            {
                "title": en_title,
                "slug": en_slug,
                "teaser": en_teaser,
                "body": stream(de_slug, [("paragraph", f"<p>{en_text}</p>")]),
            },
            sector_slugs,
            tag_keys,
            illustration,
            networks=[network] if "netzwerk" in tag_keys else [],
        )
    out(f"  the news indexes, {len(TAGS)} tags and {len(ARTICLES) + 1} articles")
