"""A bilingual network of the tests' own, below the site of `site_tree` (conftest.py).

Its names are not the demo content's ("Netzwerk Gießerei"/"Foundry Network"), so a test that
finds them on a page found the test's own objects, whether the demo content is loaded or not."""

import datetime
from dataclasses import dataclass

import pytest

from home.tests.factories import privacy_and_contact, translate_into_english
from network.models import BERLIN

from .factories import MeetingPageFactory, NetworkIndexPageFactory, NetworkPageFactory


@dataclass
class NetworkTree:
    site_tree: object
    german_index: object
    english_index: object
    german_network: object
    english_network: object
    german_privacy: object
    english_privacy: object


@pytest.fixture
def network_tree(site_tree):
    """Networks ("Netzwerke"/"Networks") with the foundry network in both languages, the
    privacy notice ("Datenschutz"/"Privacy") the footer and the participation form link to, and
    the initiative's contact details (requests nobody is assigned to go to info@example.org)."""
    # Absolute links (calendar files, e-mails) name the test client's host.
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    german_home = site_tree.german_home
    privacy, english_privacy = privacy_and_contact(site_tree)
    index = NetworkIndexPageFactory(
        parent=german_home, intro="Netzwerke, in denen Unternehmen gemeinsam mehr erreichen."
    )
    english_index = translate_into_english(
        index, title="Networks", slug="networks", intro="Networks in which companies achieve more together."
    )
    network = NetworkPageFactory(
        parent=index,
        title="Netzwerk Gießerei",
        slug="netzwerk-giesserei",
        intro="Das Netzwerk der Gießereien in Bochum.",
    )
    english_network = translate_into_english(
        network, title="Foundry Network", slug="foundry-network", intro="The network of Bochum's foundries."
    )
    return NetworkTree(site_tree, index, english_index, network, english_network, privacy, english_privacy)


# The foundry network's meetings: German and English title and slug, start (Berlin time); each
# lasts three hours. Only the English pages say "workshop", only the German ones "Gusstreffen".
MEETINGS = [
    (
        ("Auftakttreffen des Netzwerks Gießerei", "auftakttreffen"),
        ("Kick-off meeting of the Foundry Network", "kick-off-meeting"),
        datetime.datetime(1990, 11, 6, 18, 0, tzinfo=BERLIN),
    ),
    (
        ("Zweites Gusstreffen", "zweites-gusstreffen"),
        ("Second foundry meeting", "second-foundry-meeting"),
        datetime.datetime(1991, 4, 23, 18, 0, tzinfo=BERLIN),
    ),
    (
        ("Offenes Gusstreffen", "offenes-gusstreffen"),
        ("Open foundry meeting", "open-foundry-meeting"),
        datetime.datetime(2040, 3, 6, 18, 0, tzinfo=BERLIN),
    ),
]


@pytest.fixture
def meetings(network_tree):
    """The foundry network's three meetings (two past, one ahead), German and English: the
    German pages and the English pages, in the order of their dates. Each was published a
    month before it took place."""
    german, english = [], []
    for (title, slug), (english_title, english_slug), start in MEETINGS:
        meeting = MeetingPageFactory(
            parent=network_tree.german_network,
            title=title,
            slug=slug,
            start=start,
            end=start + datetime.timedelta(hours=3),
            first_published_at=start - datetime.timedelta(days=30),
            intro="Das Netzwerk Gießerei trifft sich mit seinen Mitgliedern im Technologie-Zentrum Ruhr.",
        )
        german.append(meeting)
        english.append(
            translate_into_english(
                meeting,
                title=english_title,
                slug=english_slug,
                intro="The Foundry Network meets its members at the Technologie-Zentrum Ruhr; a workshop follows.",
                venue_name="Technologie-Zentrum Ruhr",
            )
        )
    return german, english


@dataclass
class Directory:
    german: object
    english: object
    foundry: object  # the sector "Gießereitechnik"/"Foundry technology"
    services: object  # the sector "Industrielle Dienste"/"Industrial services"
    companies: dict  # by name
    project: object  # "Ausbildungsverbund Gießerei", partner Hordeler Gusswerk


# The block id of the foundry sector's key figure: the English figure translates the German one.
FIGURE = "5b6c0b2e-2f0a-4d5e-9c1a-6f1d2e3a4b5c"
# German name and synonyms, English name and synonyms: none is the demo content's.
COMPETENCES = {
    "Kokillenguss": ("Dauerformguss", "Die casting", "permanent mould casting"),
    "Sandguss": ("Formsandguss", "Sand casting", "green sand casting"),
    "Modellbau": ("Gießereimodelle", "Pattern making", "foundry patterns"),
    "Gussputzen": ("Entgraten, Strahlen", "Fettling", "deburring, blasting"),
}
# Name, German and English description, sectors, competences.
COMPANIES = [
    (
        "Hordeler Gusswerk GmbH",
        "Sandguss und Kokillenguss für Pumpengehäuse.",
        "Sand and die casting for pump housings.",
        ["foundry"],
        ["Sandguss", "Kokillenguss"],
    ),
    (
        "Dahlhauser Modellbau GmbH",
        "Holz- und Kunststoffmodelle für Gießereien.",
        "Wooden and plastic patterns for foundries.",
        ["foundry"],
        ["Modellbau"],
    ),
    (
        "Leither Gussputzerei GmbH",
        "Entgraten und Strahlen von Gussteilen.",
        "Deburring and blasting of castings.",
        ["services"],
        ["Gussputzen"],
    ),
    (
        "Stiepeler Formguss GmbH",
        "Kokillenguss aus Aluminium in Serie.",
        "Die cast aluminium parts in series.",
        ["foundry", "services"],
        ["Kokillenguss"],
    ),
]


@pytest.fixture
def directory(network_tree):
    """The company directory ("Unternehmen"/"Companies") with four foundry companies in two
    sectors, their competences, and one company a member of the foundry network and partner of
    its project, all in German and English."""
    from network.models import NetworkMember, ProjectPartner

    from .factories import (
        CompanyDirectoryPageFactory,
        CompanyFactory,
        CompetenceFactory,
        FocusSectorIndexPageFactory,
        FocusSectorPageFactory,
        ProjectPageFactory,
    )

    german_home = network_tree.site_tree.german_home
    german = CompanyDirectoryPageFactory(parent=german_home)
    english = translate_into_english(german, title="Companies", slug="companies", intro="Companies in Bochum.")
    index = FocusSectorIndexPageFactory(parent=german_home)
    translate_into_english(index, title="Focus sectors", slug="focus-sectors", intro="Where Bochum is strong.")
    sectors = {
        "foundry": FocusSectorPageFactory(
            parent=index,
            title="Gießereitechnik",
            slug="giessereitechnik",
            key_figures=[
                {
                    "type": "figure",
                    "value": {"number": "fast 2 400", "label": "Beschäftigte in Gießereien"},
                    "id": FIGURE,
                }
            ],
        ),
        "services": FocusSectorPageFactory(parent=index, title="Industrielle Dienste", slug="industrielle-dienste"),
    }
    translate_into_english(
        sectors["foundry"],
        title="Foundry technology",
        slug="foundry-technology",
        intro="Casting.",
        key_figures=[
            {"type": "figure", "value": {"number": "almost 2,400", "label": "employees in foundries"}, "id": FIGURE}
        ],
    )
    translate_into_english(
        sectors["services"], title="Industrial services", slug="industrial-services", intro="Services for industry."
    )
    competences = {}
    for name, (synonyms, english_name, english_synonyms) in COMPETENCES.items():
        competences[name] = CompetenceFactory(
            name=name, synonyms=synonyms, english=english_name, english__synonyms=english_synonyms
        )
    companies = {}
    for name, description, english_description, sector_keys, competence_names in COMPANIES:
        company = CompanyFactory(name=name, description=description)
        company.sectors.set([sectors[key] for key in sector_keys])
        company.competences.set([competences[competence] for competence in competence_names])
        company.save()  # parental many-to-many relations are saved with the company
        translate_into_english(company, description=english_description)
        companies[name] = company
    network = network_tree.german_network
    hordel = companies["Hordeler Gusswerk GmbH"]
    for page in (network, network_tree.english_network):
        # wagtail-localize copies the German page's links unchanged into the English page
        NetworkMember.objects.create(page=page, company=hordel)
    project = ProjectPageFactory(
        parent=network,
        title="Ausbildungsverbund Gießerei",
        slug="ausbildungsverbund-giesserei",
        intro="Gemeinsam ausbilden.",
    )
    ProjectPartner.objects.create(page=project, company=hordel)
    translate_into_english(
        project, title="Foundry training alliance", slug="foundry-training-alliance", intro="Training together."
    )
    return Directory(german, english, sectors["foundry"], sectors["services"], companies, project)


@dataclass
class NetworkContent:
    network: object  # the German foundry network
    english_network: object
    directory: Directory
    meetings: tuple  # German and English meetings (`meetings`)
    topics: dict  # German topics by name
    sector_manager: object
    moderator: object


@pytest.fixture
def network_content(network_tree, directory, meetings, own_site_only):
    """The foundry network with everything its page shows, in German and English: topics, the
    foundry sector, a sector manager as contact person, a moderator, a member company, meetings
    and a project; the foundry sector with its key figure, contact person, companies and network.
    Links to snippets are on the German and the English page, as wagtail-localize copies them."""
    from wagtail.models import Page

    from network.models import NetworkContactPerson, NetworkSector, NetworkTopic, ProjectPage, SectorContactPerson

    from .factories import ContactPersonFactory, TopicFactory

    topics = {}
    for name, english in (("Schmelzbetrieb", "Melting operations"), ("Gießerausbildung", "Foundry apprenticeships")):
        topics[name] = TopicFactory(name=name, description=f"{name} im Netzwerk.")
        translate_into_english(topics[name], name=english, description=f"{english} in the network.")
    manager = ContactPersonFactory(
        name="Gisela Formsand", role="Branchenmanagerin Gießerei", email="gisela.formsand@example.org"
    )
    translate_into_english(manager, role="Sector manager foundries")
    moderator = ContactPersonFactory(
        name="Konrad Formhals", role="Unternehmensberater, Moderator", organisation="Formhals Beratung"
    )
    translate_into_english(moderator, role="Management consultant, moderator")
    for network in (network_tree.german_network, network_tree.english_network):
        for topic in topics.values():
            NetworkTopic.objects.create(page=network, topic=topic)
        NetworkSector.objects.create(page=network, sector=directory.foundry)
        NetworkContactPerson.objects.create(page=network, contact_person=manager)
        type(network).objects.filter(pk=network.pk).update(moderator=moderator)
    foundry = directory.foundry
    for sector in (foundry, foundry.get_translation(network_tree.english_network.locale)):
        SectorContactPerson.objects.create(page=sector, contact_person=manager)
    ProjectPage.objects.filter(translation_key=directory.project.translation_key).update(
        topic=topics["Gießerausbildung"],
        research_institutions="Technische Hochschule Georg Agricola",
    )
    # In the main navigation: the sectors, the networks and the company directory.
    menu = [foundry.get_parent(), network_tree.german_index, directory.german]
    Page.objects.filter(translation_key__in=[page.translation_key for page in menu]).update(show_in_menus=True)
    return NetworkContent(
        network_tree.german_network, network_tree.english_network, directory, meetings, topics, manager, moderator
    )
