"""Demo content of the network app: the focus sectors and the Netzwerk Produktion."""

from home.demo_tools import bilingual_page, stream

from .models import FocusSectorIndexPage, FocusSectorPage, NetworkIndexPage, NetworkPage

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


def load(out):
    from wagtail.models import Locale

    from home.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
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
    for de_slug, de_title, de_intro, en_slug, en_title, en_intro in SECTORS:
        bilingual_page(
            sector_index,
            FocusSectorPage,
            {"title": de_title, "slug": de_slug, "intro": de_intro},
            {"title": en_title, "slug": en_slug, "intro": en_intro},
        )

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
    bilingual_page(
        network_index,
        NetworkPage,
        {
            "title": "Netzwerk Produktion",
            "slug": "netzwerk-produktion",
            "intro": "Das Netzwerk Produktion bringt Unternehmen aus Maschinenbau, Automotive, Metallverarbeitung "
            "und produktionsnahen Dienstleistungen an einen Tisch.",
            "body": stream(
                "netzwerk-produktion",
                [
                    (
                        "paragraph",
                        "<p>Ziel des Netzwerks ist es, Gewinn bringende Kooperationsprojekte auf den Weg zu "
                        "bringen, um die Produktionswirtschaft in Bochum schlagkräftig zu stärken. Das Netzwerk ist offen "
                        "für weitere Teilnehmer; alle Aktionen stehen den Unternehmen kostenlos zur Verfügung.</p>",
                    ),
                ],
            ),
        },
        {
            "title": "Production Network",
            "slug": "production-network",
            "intro": "The Production Network brings companies from mechanical engineering, automotive, "
            "metalworking and production-related services to one table.",
            "body": stream(
                "netzwerk-produktion",
                [
                    (
                        "paragraph",
                        "<p>The network aims to start profitable cooperation projects that give Bochum's "
                        "production industry real strength. It is open to new members; everything it does is free of "
                        "charge for companies.</p>",
                    ),
                ],
            ),
        },
    )
    out(f"  {len(SECTORS)} focus sectors, the networks index and the Netzwerk Produktion")
