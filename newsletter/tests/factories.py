"""A bilingual site with a newsletter page, a focus sector and a network in each language, and
subscribers and issues made on it."""

from dataclasses import dataclass

import factory
import wagtail_factories

from django.utils import timezone

from home.tests.factories import (
    ContactSettingsFactory,
    LegalPagesSettingsFactory,
    StandardPageFactory,
    translate_into_english,
)
from home.tests.factories import site_tree as build_site_tree
from network.models import FocusSectorPage, NetworkPage
from network.tests.factories import (
    FocusSectorIndexPageFactory,
    FocusSectorPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)
from newsletter.models import Issue, NewsletterPage, Subscriber


class NewsletterPageFactory(wagtail_factories.PageFactory):
    """The live newsletter page of a language. Pass `parent` (a home page)."""

    title = "Newsletter"
    slug = "newsletter"
    intro = "Neuigkeiten der Initiative einmal im Monat."
    live = True

    class Meta:
        model = NewsletterPage


@dataclass
class BilingualNewsletter:
    tree: object
    german: NewsletterPage
    english: NewsletterPage
    sector: FocusSectorPage
    english_sector: FocusSectorPage
    network: NetworkPage
    english_network: NetworkPage


def bilingual_newsletter():
    """German and English newsletter pages, a sector and a network in both languages, in a site of
    the test's own with contact data and a legal notice page (the e-mails' footer)."""
    tree = build_site_tree()
    legal = StandardPageFactory(parent=tree.german_home, title="Impressum", slug="impressum")
    translate_into_english(legal, title="Legal notice", slug="legal-notice")
    ContactSettingsFactory()
    LegalPagesSettingsFactory(legal_notice_page=legal)
    sectors = FocusSectorIndexPageFactory(parent=tree.german_home)
    translate_into_english(sectors, title="Focus sectors", slug="focus-sectors", intro="Sectors.")
    sector = FocusSectorPageFactory(parent=sectors, title="Gesundheitswirtschaft", slug="gesundheitswirtschaft")
    english_sector = translate_into_english(sector, title="Health economy", slug="health-economy", intro="Health.")
    networks = NetworkIndexPageFactory(parent=tree.german_home)
    translate_into_english(networks, title="Networks", slug="networks", intro="Networks.")
    network = NetworkPageFactory(parent=networks, title="Netzwerk Produktion", slug="netzwerk-produktion")
    english_network = translate_into_english(
        network, title="Production network", slug="production-network", intro="A network."
    )
    german = NewsletterPageFactory(parent=tree.german_home)
    english = translate_into_english(german, title="Newsletter", slug="newsletter", intro="News once a month.")
    return BilingualNewsletter(
        tree,
        NewsletterPage.objects.get(pk=german.pk),
        NewsletterPage.objects.get(pk=english.pk),
        FocusSectorPage.objects.get(pk=sector.pk),
        FocusSectorPage.objects.get(pk=english_sector.pk),
        NetworkPage.objects.get(pk=network.pk),
        NetworkPage.objects.get(pk=english_network.pk),
    )


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber of all news; pass `locale`."""

    email = factory.Sequence(lambda n: f"leser{n}@newsletter-test.example")
    status = Subscriber.Status.CONFIRMED
    all_news = True
    consent_text = "Ich bin einverstanden."
    consented_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber


class IssueFactory(factory.django.DjangoModelFactory):
    """A draft issue; pass `locale`."""

    subject = factory.Sequence(lambda n: f"Newsletter {n}")
    intro = "Neues aus der Initiative."

    class Meta:
        model = Issue
