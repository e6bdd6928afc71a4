"""Demo content of the cooperation exchange: its page in each language (in the menu) and six
approved offers and requests of the demo companies, each in German on the German page and in
English on the English one (an entry exists in the language it was posted in). Approved as a
moderator would (published, confirmed, in their period); no e-mails go out, and the posters'
addresses are invented (example.org)."""

import datetime

from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale

from demo.tools import bilingual_page
from exchange.models import Entry, ExchangeIndexPage
from exchange.models.entries import months_after
from home.models import HomePage
from network.models import Company, Competence

# Per entry: the company (its demo name), kind, theme, competences (German names), days since it
# was approved, and title and description in German and in English.
ENTRIES = [
    {
        "company": "Stahlbau Gerthe GmbH & Co. KG",
        "kind": "offer",
        "theme": "production",
        "competences": ["Laserstrahlschneiden", "Schweißen"],
        "days": 3,
        "de": (
            "Freie Kapazität: Laserschneiden und Schweißbaugruppen",
            "Ab Januar haben wir freie Kapazitäten auf unserer 6-kW-Faserlaseranlage (Bleche bis 25 mm) und "
            "in der Schweißerei. Wir übernehmen Einzelteile und Kleinserien, gern auch als verlängerte Werkbank.",
        ),
        "en": (
            "Free capacity: laser cutting and welded assemblies",
            "From January we have free capacity on our 6 kW fibre laser (sheet up to 25 mm) and in our welding "
            "shop. We take on single parts and small series, also as an extended workbench.",
        ),
    },
    {
        "company": "Querenburg Engineering GmbH",
        "kind": "request",
        "theme": "research",
        "competences": ["Simulation", "Konstruktion"],
        "days": 8,
        "de": (
            "Entwicklungspartner für leichte Sensorgehäuse gesucht",
            "Für ein gefördertes Projekt suchen wir ein Unternehmen mit Erfahrung in Aluminium- oder "
            "Kunststoffgehäusen, das Prototypen fertigt und die Serie mitdenkt.",
        ),
        "en": (
            "Development partner for lightweight sensor housings wanted",
            "For a funded project we are looking for a company experienced in aluminium or plastic housings "
            "that builds prototypes and thinks ahead to series production.",
        ),
    },
    {
        "company": "Gleisdreieck Ausbildungsverbund e. V.",
        "kind": "offer",
        "theme": "training",
        "competences": ["Ausbildung"],
        "days": 12,
        "de": (
            "Verbundausbildung für Industriemechanikerinnen und -mechaniker",
            "Kleine Betriebe bilden mit uns gemeinsam aus: Wir übernehmen die Grundausbildung in unserer "
            "Lehrwerkstatt, die Fachpraxis findet in Ihrem Betrieb statt.",
        ),
        "en": (
            "Joint apprenticeships for industrial mechanics",
            "Small firms train apprentices together with us: we provide the basic training in our workshop, "
            "the practical part takes place in your company.",
        ),
    },
    {
        "company": "Bochumer Fahrzeugelektronik GmbH",
        "kind": "request",
        "theme": "sales",
        "competences": ["Elektronik", "Kabelsätze"],
        "days": 20,
        "de": (
            "Vertriebspartner für Kabelsätze in den Benelux-Ländern gesucht",
            "Wir suchen einen Handelsvertreter oder ein Partnerunternehmen, das Sonderkabelsätze für "
            "Nutzfahrzeuge bei Kunden in Belgien und den Niederlanden anbietet.",
        ),
        "en": (
            "Sales partner for cable harnesses in the Benelux countries wanted",
            "We are looking for a sales agent or partner company to offer special cable harnesses for "
            "commercial vehicles to customers in Belgium and the Netherlands.",
        ),
    },
    {
        "company": "Eppendorfer Pulverbeschichtung GmbH",
        "kind": "offer",
        "theme": "marketing",
        "competences": ["Beschichten", "Korrosionsschutz"],
        "days": 27,
        "de": (
            "Gemeinsamer Messestand auf der Hannover Messe",
            "Wir teilen uns gern einen Stand mit zwei bis drei Bochumer Zulieferern aus der Oberflächen- "
            "und Metalltechnik – das senkt die Kosten und zieht mehr Besucher an.",
        ),
        "en": (
            "Shared stand at the Hannover Messe",
            "We would like to share a stand with two or three Bochum suppliers of surface and metal "
            "technology – it lowers the costs and draws more visitors.",
        ),
    },
    {
        "company": "Linden Logistik Service GmbH",
        "kind": "offer",
        "theme": "production",
        "competences": ["Logistik", "Lagerhaltung"],
        "days": 40,
        "de": (
            "Lagerfläche und Kommissionierung für Produktionsbetriebe",
            "1 200 m² beheizte Lagerfläche in Linden mit Kommissionierung und Just-in-time-Anlieferung an "
            "Ihre Montage – kurzfristig und auch für einzelne Monate.",
        ),
        "en": (
            "Storage space and order picking for manufacturers",
            "1,200 m² of heated storage space in Linden with order picking and just-in-time delivery to your "
            "assembly line – at short notice and also for single months.",
        ),
    },
]


def load(out):
    german = Locale.get_default()
    home = HomePage.objects.get(locale=german)
    page, english = bilingual_page(
        home,
        ExchangeIndexPage,
        {
            "title": "Kooperationsbörse",
            "slug": "kooperationsboerse",
            "show_in_menus": True,
            "intro": "Angebote und Gesuche Bochumer Unternehmen: Entwicklungspartner, Ausbildungskooperationen, "
            "Vertrieb, freie Produktionskapazitäten und gemeinsames Marketing. Antworten leiten wir weiter.",
            "search_description": "Angebote und Gesuche Bochumer Unternehmen für Kooperationen.",
        },
        {
            "title": "Cooperation exchange",
            "slug": "cooperation-exchange",
            "intro": "Offers and requests of Bochum companies: development partners, training cooperation, sales, "
            "free production capacity and joint marketing. We forward your answers.",
            "search_description": "Offers and requests of Bochum companies looking for cooperation.",
        },
    )
    companies = {company.name: company for company in Company.objects.filter(locale=german)}
    competences = {competence.name: competence for competence in Competence.objects.filter(locale=german)}
    made = 0
    for number, spec in enumerate(ENTRIES, start=1):
        company = companies.get(spec["company"])
        approved = timezone.now() - datetime.timedelta(days=spec["days"])
        for exchange_page, language in ((page, "de"), (english, "en")):
            title, description = spec[language]
            if Entry.objects.filter(page=exchange_page, title=title).exists():
                continue
            entry = Entry.objects.create(
                page=exchange_page,
                locale=exchange_page.locale,
                kind=spec["kind"],
                theme=spec["theme"],
                title=title,
                description=description,
                company=company,
                company_name=spec["company"],
                contact_name="Beispielperson (Demo)",
                email=f"kooperation-{number}@example.org",
                consent_text="Demo",
                consented_at=approved,
                created_at=approved - datetime.timedelta(days=1),
                email_confirmed_at=approved - datetime.timedelta(days=1),
                live=True,
                first_published_at=approved,
                last_published_at=approved,
                expires_at=months_after(settings.EXCHANGE_ENTRY_MONTHS, approved),
            )
            entry.competences.set([competences[name] for name in spec["competences"] if name in competences])
            entry.save()
            made += 1
    out(f"  cooperation exchange: {page.title} / {english.title}, {made} new entries ({len(ENTRIES)} per language)")
