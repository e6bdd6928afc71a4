"""Demo content of the home app: the site, both home pages and the general pages.

Written in the voice of the initiative's press releases. Contact data are placeholders."""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Locale, Page, Site

from core.models import ContactSettings, LegalPagesSettings
from demo.tools import bilingual_page, demo_image, stream
from home.models import HomePage, StandardPage
from localization.translation import english_locale
from search.models import SearchPage


def load(out):
    home = _site_and_home(out)
    about = _about(home)
    legal_notice = _legal_notice(home)
    privacy = _privacy(home)
    _settings(legal_notice, privacy)
    _search(home)
    out(f"  general pages: {about[0].title}, {legal_notice.title}, {privacy.title}")
    return {"home": home}


def _search(home):
    return bilingual_page(
        home,
        SearchPage,
        {
            "title": "Suche",
            "slug": "suche",
            "intro": "Durchsuchen Sie Nachrichten, Fokusbranchen und Netzwerke.",
            "search_description": "Nachrichten, Fokusbranchen und Netzwerke von Bochum 2015 durchsuchen.",
        },
        {
            "title": "Search",
            "slug": "search",
            "intro": "Search the news, focus sectors and networks.",
            "search_description": "Search the news, focus sectors and networks of Bochum 2015.",
        },
    )


def set_site_address(site):
    """The site's host and port from WAGTAILADMIN_BASE_URL (`make run` sets it from PORT): every
    absolute link (canonical, sitemap, calendar, e-mails) names the address the site is served at."""
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)


def _site_and_home(out):
    german = Locale.get_default()
    english_locale()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=german).first()
    if home is None:
        image = demo_image("Bochum 2015 – Produktion", illustration="zeche")
        home = HomePage(
            title="Bochum 2015",
            slug="startseite",
            locale=german,
            hero_title="Gemeinsam mehr erreichen",
            hero_image=image,
            intro=(
                "Bochum 2015 ist die Wachstumsinitiative für den Wirtschaftsstandort Bochum. Wir vernetzen "
                "Unternehmen der Fokusbranchen untereinander und mit den Hochschulen – damit Kooperationen "
                "vor der Haustüre entstehen."
            ),
            search_description="Die Wachstumsinitiative Bochum 2015: Fokusbranchen, Netzwerke und Nachrichten.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        out("  created the German home page")

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    set_site_address(site)
    site.root_page = home
    site.site_name = "Bochum 2015"
    site.save()

    # Wagtail's placeholder "Welcome" page is replaced by our home page.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()

    from demo.tools import english_version

    english_version(
        home,
        {
            "title": "Bochum 2015",
            "slug": "home",
            "hero_title": "Achieving more together",
            "intro": (
                "Bochum 2015 is the growth initiative for Bochum as a place to do business. We connect "
                "companies in the focus sectors with each other and with the universities, so that "
                "partnerships grow right on the doorstep."
            ),
            "search_description": "The Bochum 2015 growth initiative: focus sectors, networks and news.",
        },
    )
    return home


def _about(home):
    key = "about"
    return bilingual_page(
        home,
        StandardPage,
        {
            "title": "Über uns",
            "slug": "ueber-uns",
            "show_in_menus": True,
            "intro": "Bochum 2015 bündelt die Kräfte von Wirtschaft, Wissenschaft und Stadt, um Arbeitsplätze "
            "zu erhalten und neue zu schaffen.",
            "body": stream(
                key,
                [
                    ("heading", {"text": "Unser Auftrag", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Die Bochumer Wirtschaft ist stark – sie weiß es nur nicht immer. Bochum 2015 "
                        "unterstützt gezielt die Fokusbranchen Verkehrstechnik/Automotive, Maschinen- und Anlagenbau "
                        "und Metallverarbeitung sowie die zugehörigen Dienstleistungen. Zusammen beschäftigen sie fast "
                        "26 000 Menschen in der Stadt.</p>",
                    ),
                    ("heading", {"text": "Wie wir arbeiten", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Wir bringen Unternehmen an einen Tisch, moderieren Netzwerke und helfen, "
                        "Kooperationsprojekte auf den Weg zu bringen: in Wissenstransfer, Forschung und Entwicklung, "
                        "Aus- und Weiterbildung, Vertrieb und Marketing. Alle Angebote sind für Unternehmen kostenlos.</p>",
                    ),
                    (
                        "quote",
                        {
                            "quote": "Unsere Partner haben wir in Süddeutschland gesucht, dabei sind die "
                            "kompetenten Unternehmen vor der Haustüre.",
                            "attribution": "Ein Teilnehmer des Netzwerks Produktion",
                        },
                    ),
                ],
            ),
        },
        {
            "title": "About us",
            "slug": "about",
            "intro": "Bochum 2015 brings together business, science and the city to keep jobs and create new ones.",
            "body": stream(
                key,
                [
                    ("heading", {"text": "Our mission", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Bochum's economy is strong – it just does not always know it. Bochum 2015 "
                        "supports the focus sectors of transport technology/automotive, mechanical and plant "
                        "engineering and metalworking, together with the services around them. Between them they "
                        "employ almost 26,000 people in the city.</p>",
                    ),
                    ("heading", {"text": "How we work", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>We bring companies to one table, moderate networks and help to get "
                        "cooperation projects started: in knowledge transfer, research and development, education "
                        "and training, sales and marketing. Everything we offer is free of charge for companies.</p>",
                    ),
                    (
                        "quote",
                        {
                            "quote": "We looked for partners in southern Germany, when the competent companies "
                            "were right on our doorstep.",
                            "attribution": "A member of the Production Network",
                        },
                    ),
                ],
            ),
        },
    )


IMPRESSUM_DE = [
    ("heading", {"text": "Angaben gemäß § 5 DDG", "level": "h2"}),
    ("paragraph", "<p>Bochum 2015 – Wachstumsinitiative für Bochum<br/>Musterstraße 1<br/>44787 Bochum</p>"),
    ("heading", {"text": "Vertreten durch", "level": "h2"}),
    ("paragraph", "<p>Die Geschäftsführung der Initiative (Platzhalter für die Demo-Installation)</p>"),
    ("heading", {"text": "Kontakt", "level": "h2"}),
    ("paragraph", "<p>Telefon: 0234 000000<br/>E-Mail: info@example.org</p>"),
    ("heading", {"text": "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV", "level": "h2"}),
    ("paragraph", "<p>Die Redaktion von Bochum 2015, Anschrift wie oben</p>"),
    ("heading", {"text": "Haftung für Links", "level": "h2"}),
    (
        "paragraph",
        "<p>Für die Inhalte verlinkter Seiten anderer Anbieter sind ausschließlich deren Betreiber "
        "verantwortlich.</p>",
    ),
]
IMPRESSUM_EN = [
    ("heading", {"text": "Information pursuant to § 5 DDG", "level": "h2"}),
    ("paragraph", "<p>Bochum 2015 – growth initiative for Bochum<br/>Musterstraße 1<br/>44787 Bochum, Germany</p>"),
    ("heading", {"text": "Represented by", "level": "h2"}),
    ("paragraph", "<p>The initiative's management (placeholder for the demo installation)</p>"),
    ("heading", {"text": "Contact", "level": "h2"}),
    ("paragraph", "<p>Phone: +49 234 000000<br/>E-mail: info@example.org</p>"),
    ("heading", {"text": "Responsible for the content under § 18 (2) MStV", "level": "h2"}),
    ("paragraph", "<p>The editorial team of Bochum 2015, address as above</p>"),
    ("heading", {"text": "Liability for links", "level": "h2"}),
    ("paragraph", "<p>The operators of linked sites of other providers are solely responsible for their content.</p>"),
]


def _legal_notice(home):
    page, _ = bilingual_page(
        home,
        StandardPage,
        {"title": "Impressum", "slug": "impressum", "body": stream("impressum", IMPRESSUM_DE)},
        {"title": "Legal notice", "slug": "legal-notice", "body": stream("impressum", IMPRESSUM_EN)},
    )
    return page


PRIVACY_DE = [
    ("heading", {"text": "Verantwortliche Stelle", "level": "h2"}),
    (
        "paragraph",
        "<p>Verantwortlich für die Datenverarbeitung auf dieser Website ist Bochum 2015, "
        "Musterstraße 1, 44787 Bochum, E-Mail: datenschutz@example.org.</p>",
    ),
    ("heading", {"text": "Keine Tracker, keine fremden Server", "level": "h2"}),
    (
        "paragraph",
        "<p>Diese Website bindet keine Inhalte, Schriften oder Skripte anderer Anbieter ein und setzt "
        "keine Analyse- oder Werbe-Cookies. Ihr Browser spricht nur mit unserem Server.</p>",
    ),
    ("heading", {"text": "Server-Protokolle", "level": "h2"}),
    (
        "paragraph",
        "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten (IP-Adresse, "
        "Zeitpunkt, aufgerufene Adresse) zur Auslieferung und Absicherung der Website (Art. 6 Abs. 1 lit. f "
        "DSGVO). Protokolle werden nach 14 Tagen gelöscht.</p>",
    ),
    ("heading", {"text": "Anfragen zur Teilnahme an einem Netzwerk", "level": "h2"}),
    (
        "paragraph",
        "<p>Wenn Sie über ein Formular die Teilnahme an einem Netzwerk anfragen, speichern wir Ihre "
        "Angaben, um Ihre Anfrage zu bearbeiten (Art. 6 Abs. 1 lit. b DSGVO), und leiten sie an die "
        "Ansprechpersonen des Netzwerks weiter. Anfragen werden spätestens nach 24 Monaten gelöscht.</p>",
    ),
    ("heading", {"text": "Ihre Rechte", "level": "h2"}),
    (
        "paragraph",
        "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, "
        "Datenübertragbarkeit und Widerspruch (Art. 15–21 DSGVO) sowie das Recht, sich bei der Landesbeauftragten "
        "für Datenschutz und Informationsfreiheit Nordrhein-Westfalen zu beschweren.</p>",
    ),
]
PRIVACY_EN = [
    ("heading", {"text": "Controller", "level": "h2"}),
    (
        "paragraph",
        "<p>The controller for data processing on this website is Bochum 2015, Musterstraße 1, "
        "44787 Bochum, Germany, e-mail: datenschutz@example.org.</p>",
    ),
    ("heading", {"text": "No trackers, no third-party servers", "level": "h2"}),
    (
        "paragraph",
        "<p>This website embeds no content, fonts or scripts from other providers and sets no "
        "analytics or advertising cookies. Your browser talks to our server only.</p>",
    ),
    ("heading", {"text": "Server logs", "level": "h2"}),
    (
        "paragraph",
        "<p>When you open a page, the server processes technically necessary data (IP address, time, "
        "requested address) to deliver and secure the website (Art. 6(1)(f) GDPR). Logs are deleted after 14 "
        "days.</p>",
    ),
    ("heading", {"text": "Requests to join a network", "level": "h2"}),
    (
        "paragraph",
        "<p>When you ask to join a network through a form, we store your details to handle your "
        "request (Art. 6(1)(b) GDPR) and pass them on to the network's contact persons. Requests are deleted "
        "after 24 months at the latest.</p>",
    ),
    ("heading", {"text": "Your rights", "level": "h2"}),
    (
        "paragraph",
        "<p>You have the right of access, rectification, erasure, restriction of processing, data "
        "portability and objection (Art. 15–21 GDPR), and the right to lodge a complaint with the data protection "
        "authority of North Rhine-Westphalia.</p>",
    ),
]


def _privacy(home):
    page, _ = bilingual_page(
        home,
        StandardPage,
        {"title": "Datenschutz", "slug": "datenschutz", "body": stream("privacy", PRIVACY_DE)},
        {"title": "Privacy", "slug": "privacy", "body": stream("privacy", PRIVACY_EN)},
    )
    return page


def _settings(legal_notice, privacy):
    contact = ContactSettings.load()
    if not contact.email:
        contact.organisation = "Bochum 2015"
        contact.street = "Musterstraße 1"
        contact.postcode_city = "44787 Bochum"
        contact.phone = "0234 000000"
        contact.email = "info@example.org"
        contact.save()
    legal = LegalPagesSettings.load()
    legal.legal_notice_page = legal.legal_notice_page or legal_notice
    legal.privacy_page = legal.privacy_page or privacy
    legal.save()
