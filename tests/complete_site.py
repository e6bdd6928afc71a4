"""A complete small site of the tests' own, built by the apps' factories: a live page of every page
type in German and (but for the German-only pages in Leichte Sprache and German Sign Language) its
English translation made through wagtail-localize, with the snippets the pages show (contact
persons, topics, competences, companies, news tags), the privacy notice, the legal notice and the
contact settings.

Its names are not the demo content's ("Netzwerk Gießerei"/"Foundry Network"), so a test that finds
them on a page found the site's own objects, whether the demo content is loaded or not; the index
pages have the demo's slugs (/de/netzwerke/, /en/networks/ ...). `complete_site()` makes it the
default site's root (`home.tests.factories.site_tree`) and takes pages of other trees offline.

The root conftest.py's `complete_site` fixture builds it once per test module."""

import datetime
from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail.rich_text import RichText

from accessibility.tests.factories import (
    AccessibilityStatementPageFactory,
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
)
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from exchange.tests.factories import EntryFactory, ExchangeIndexPageFactory
from home.tests.factories import (
    ImageFactory,
    LegalPagesSettingsFactory,
    SearchPageFactory,
    StandardPageFactory,
    paragraphs,
    privacy_and_contact,
    site_tree,
    translate_into_english,
)
from network.models import (
    BERLIN,
    NetworkContactPerson,
    NetworkMember,
    NetworkSector,
    NetworkTopic,
    ProjectPartner,
    SectorContactPerson,
)
from network.tests.factories import (
    CompanyDirectoryPageFactory,
    CompanyFactory,
    CompetenceFactory,
    ContactPersonFactory,
    FocusSectorIndexPageFactory,
    FocusSectorPageFactory,
    MeetingPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
    ProjectPageFactory,
    TopicFactory,
)
from news.models import NewsArticleNetwork, NewsArticleSector, NewsArticleTag
from news.tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, NewsTagFactory
from newsletter.tests.factories import NewsletterPageFactory

INTRO = "Two or three sentences in English."


@dataclass
class Bilingual:
    german: Page
    english: Page | None


@dataclass
class CompleteSite:
    tree: object  # home.tests.factories.SiteTree
    pages: dict = field(default_factory=dict)  # Bilingual by name: "home", "network", "meeting" ...
    snippets: dict = field(default_factory=dict)  # German snippets by name

    def german(self, name):
        return self.pages[name].german

    def english(self, name):
        return self.pages[name].english

    def all_pages(self, language):
        """Every page of the site in `language` ("de" or "en")."""
        index = 0 if language == "de" else 1
        return [
            (pair.german, pair.english)[index] for pair in self.pages.values() if (pair.german, pair.english)[index]
        ]


def _bilingual(site, name, german, **english):
    """`german` published as an editor publishes it (with a revision), and its English translation."""
    german.save_revision().publish()
    site.pages[name] = Bilingual(german, translate_into_english(german, **english) if english else None)
    return german


def complete_site():
    """Builds the site (see the module's docstring) and returns its `CompleteSite`."""
    tree = site_tree()
    tree.site.hostname, tree.site.port = "testserver", 80  # absolute links name the test client's host
    tree.site.save()
    site = CompleteSite(tree)
    home = tree.german_home
    # The hero picture is synchronised into the translation, as wagtail-localize would.
    type(home).objects.filter(translation_key=home.translation_key).update(hero_image=ImageFactory(title="Zeche"))
    site.pages["home"] = Bilingual(home, tree.english_home)
    privacy, english_privacy = privacy_and_contact(tree)
    site.pages["privacy"] = Bilingual(privacy, english_privacy)
    legal = _bilingual(
        site,
        "legal_notice",
        StandardPageFactory(parent=home, title="Impressum", slug="impressum", body=paragraphs("Verantwortlich.")),
        title="Legal notice",
        slug="legal-notice",
        intro="Who is responsible for this website.",
        body=paragraphs("Responsible."),
    )
    LegalPagesSettingsFactory(legal_notice_page=legal, privacy_page=privacy)
    _bilingual(
        site,
        "standard",
        StandardPageFactory(parent=home, title="Die Initiative", slug="initiative", show_in_menus=True),
        title="The initiative",
        slug="initiative",
        intro="Who we are and what we do.",
        body=paragraphs("We bring companies to one table."),
    )
    _bilingual(site, "search", SearchPageFactory(parent=home), title="Search", slug="search", intro=INTRO)

    # Snippets, German and English.
    manager = ContactPersonFactory(
        name="Gisela Formsand",
        role="Branchenmanagerin Gießerei",
        email="gisela.formsand@example.org",
        photo=ImageFactory(title="Gisela Formsand"),
    )
    translate_into_english(manager, role="Sector manager foundries")
    moderator = ContactPersonFactory(
        name="Konrad Formhals", role="Unternehmensberater, Moderator", organisation="Formhals Beratung"
    )
    translate_into_english(moderator, role="Management consultant, moderator")
    topic = TopicFactory(name="Schmelzbetrieb", description="Schmelzbetrieb im Netzwerk.")
    translate_into_english(topic, name="Melting operations", description="Melting operations in the network.")
    competence = CompetenceFactory(
        name="Kokillenguss", synonyms="Dauerformguss", english="Die casting", english__synonyms="permanent mould"
    )
    tag = NewsTagFactory(name="Gusstechnik", slug="gusstechnik")
    translate_into_english(tag, name="Casting technology", slug="casting-technology")
    other_tag = NewsTagFactory(name="Weiterbildung", slug="weiterbildung")
    translate_into_english(other_tag, name="Further training", slug="further-training")
    site.snippets.update(manager=manager, moderator=moderator, topic=topic, competence=competence, tag=tag)

    # Sectors, companies, networks with a meeting and a project.
    sectors = _bilingual(
        site,
        "sector_index",
        FocusSectorIndexPageFactory(parent=home, show_in_menus=True),
        title="Focus sectors",
        slug="focus-sectors",
        intro=INTRO,
    )
    sector = _bilingual(
        site,
        "sector",
        FocusSectorPageFactory(
            parent=sectors, title="Gießereitechnik", slug="giessereitechnik", body=paragraphs("Guss aus Bochum.")
        ),
        title="Foundry technology",
        slug="foundry-technology",
        intro="Casting.",
        body=paragraphs("Castings from Bochum."),
    )
    company = CompanyFactory(
        name="Hordeler Gusswerk GmbH", description="Sandguss für Pumpengehäuse.", website="https://hordel.example.org/"
    )
    company.sectors.set([sector])
    company.competences.set([competence])
    company.save()
    translate_into_english(company, description="Sand casting for pump housings.")
    site.snippets["company"] = company
    other = CompanyFactory(name="Dahlhauser Modellbau GmbH", description="Holzmodelle für Gießereien.")
    other.sectors.set([sector])
    other.save()
    translate_into_english(other, description="Wooden patterns for foundries.")
    site.snippets["other_company"] = other
    _bilingual(
        site,
        "directory",
        CompanyDirectoryPageFactory(parent=home, show_in_menus=True),
        title="Companies",
        slug="companies",
        intro="Companies in Bochum.",
    )
    networks = _bilingual(
        site,
        "network_index",
        NetworkIndexPageFactory(parent=home, show_in_menus=True),
        title="Networks",
        slug="networks",
        intro="Networks in which companies achieve more together.",
    )
    network = _bilingual(
        site,
        "network",
        NetworkPageFactory(
            parent=networks,
            title="Netzwerk Gießerei",
            slug="netzwerk-giesserei",
            intro="Das Netzwerk der Gießereien in Bochum.",
        ),
        title="Foundry Network",
        slug="foundry-network",
        intro="The network of Bochum's foundries.",
    )
    past = datetime.datetime(1990, 11, 6, 18, 0, tzinfo=BERLIN)
    _bilingual(
        site,
        "past_meeting",
        MeetingPageFactory(
            parent=network,
            title="Erstes Gusstreffen",
            slug="erstes-gusstreffen",
            start=past,
            end=past + datetime.timedelta(hours=3),
            first_published_at=past - datetime.timedelta(days=30),
            intro="Das Netzwerk Gießerei trifft sich zum ersten Mal.",
        ),
        title="First foundry meeting",
        slug="first-foundry-meeting",
        intro="The Foundry Network meets for the first time.",
        venue_name="Technologie-Zentrum Ruhr",
    )
    start = datetime.datetime(2040, 3, 6, 18, 0, tzinfo=BERLIN)
    _bilingual(
        site,
        "meeting",
        MeetingPageFactory(
            parent=network,
            title="Offenes Gusstreffen",
            slug="offenes-gusstreffen",
            start=start,
            end=start + datetime.timedelta(hours=3),
            intro="Das Netzwerk Gießerei trifft sich im Technologie-Zentrum Ruhr.",
        ),
        title="Open foundry meeting",
        slug="open-foundry-meeting",
        intro="The Foundry Network meets at the Technologie-Zentrum Ruhr.",
        venue_name="Technologie-Zentrum Ruhr",
    )
    project = ProjectPageFactory(
        parent=network, title="Ausbildungsverbund Gießerei", slug="ausbildungsverbund-giesserei", intro="Ausbilden."
    )
    ProjectPartner.objects.create(page=project, company=company)
    _bilingual(
        site,
        "project",
        project,
        title="Foundry training alliance",
        slug="foundry-training-alliance",
        intro="Training together.",
    )
    # wagtail-localize copies the German page's links to snippets unchanged into the English page.
    for page in (network, site.english("network")):
        NetworkTopic.objects.create(page=page, topic=topic)
        NetworkSector.objects.create(page=page, sector=sector)
        NetworkContactPerson.objects.create(page=page, contact_person=manager)
        NetworkMember.objects.create(page=page, company=company)
        type(page).objects.filter(pk=page.pk).update(moderator=moderator)
    for page in (sector, site.english("sector")):
        SectorContactPerson.objects.create(page=page, contact_person=manager)

    # News, events, newsletter, accessibility.
    news = _bilingual(
        site,
        "news_index",
        NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles"),
        title="News",
        slug="news",
    )
    article = NewsArticlePageFactory(
        parent=news,
        title="Gießer treffen sich",
        slug="giesser-treffen-sich",
        date=datetime.date(2015, 3, 26),
        teaser="Die Gießereien treffen sich.",
        lead_image=ImageFactory(title="Gießhalle"),
        lead_image_alt="Flüssiges Eisen fließt in eine Form.",
    )
    NewsArticleTag.objects.create(article=article, tag=tag)
    NewsArticleSector.objects.create(article=article, sector=sector)
    NewsArticleNetwork.objects.create(article=article, network=network)
    _bilingual(
        site,
        "article",
        article,
        title="Founders meet",
        slug="founders-meet",
        teaser="The foundries meet.",
        lead_image_alt="Liquid iron flows into a mould.",
        body=[("paragraph", RichText("<p>Text about founders meet.</p>"))],
    )
    events = _bilingual(
        site, "event_index", EventIndexPageFactory(parent=home), title="Events", slug="events", intro=INTRO
    )
    _bilingual(
        site,
        "event",
        EventPageFactory(
            parent=events,
            title="Informationsabend Gießerei",
            slug="informationsabend-giesserei",
            start=datetime.datetime(2040, 3, 13, 18, 0, tzinfo=BERLIN),
            sectors=[sector],
            networks=[network],
        ),
        title="Information evening foundry",
        slug="information-evening-foundry",
        intro="How companies in Bochum achieve more together.",
        venue_name="BioMedizinZentrum Bochum",
    )
    _bilingual(
        site,
        "newsletter",
        NewsletterPageFactory(parent=home),
        title="Newsletter",
        slug="newsletter",
        intro="News once a month.",
    )
    _bilingual(
        site,
        "statement",
        AccessibilityStatementPageFactory(parent=home, slug="barrierefreiheit"),
        title="Accessibility statement",
        slug="accessibility",
        intro="How accessible this website is.",
    )
    exchange = _bilingual(
        site,
        "exchange",
        ExchangeIndexPageFactory(parent=home),
        title="Cooperation exchange",
        slug="cooperation-exchange",
        intro="Offers and requests of companies in Bochum.",
    )
    site.snippets["entry"] = EntryFactory(page=exchange, title="Partner für Sandguss gesucht")
    EntryFactory(page=site.english("exchange"), title="Free casting capacity")
    LegalPagesSettingsFactory(accessibility_page=site.german("statement"))
    _bilingual(site, "easy_language", EasyLanguagePageFactory(parent=home, slug="leichte-sprache"))
    _bilingual(site, "sign_language", SignLanguagePageFactory(parent=home, slug="gebaerdensprache"))

    # Pages of other trees (the demo content's, when it is loaded) are offline.
    others = Page.objects.filter(depth__gt=1)
    for root in (tree.german_home, tree.english_home):
        others = others.exclude(path__startswith=root.path)
    others.update(live=False)
    for name, pair in site.pages.items():
        site.pages[name] = Bilingual(
            pair.german.specific_class.objects.get(pk=pair.german.pk),
            pair.english and pair.english.specific_class.objects.get(pk=pair.english.pk),
        )
    return site
