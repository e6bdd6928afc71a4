"""The cooperation exchange of the tests' own: its page in both languages and entries on it."""

import datetime
from dataclasses import dataclass

import factory
import wagtail_factories

from django.utils import timezone

from exchange.models import Answer, Entry, ExchangeIndexPage
from home.tests.factories import privacy_and_contact, translate_into_english


class ExchangeIndexPageFactory(wagtail_factories.PageFactory):
    """The live exchange page of a language. Pass `parent` (a home page)."""

    title = "Kooperationsbörse"
    slug = "kooperationsboerse"
    intro = "Angebote und Gesuche von Unternehmen in Bochum."
    live = True

    class Meta:
        model = ExchangeIndexPage


class EntryFactory(factory.django.DjangoModelFactory):
    """A public entry (confirmed, approved, not expired) on `page`; `public=False` leaves it
    unconfirmed and unpublished, as the form stores it."""

    page = None
    locale = factory.LazyAttribute(lambda obj: obj.page.locale)
    kind = "offer"
    theme = "production"
    title = factory.Sequence(lambda n: f"Freie Fräskapazität {n}")
    description = "Wir haben freie Kapazitäten auf zwei 5-Achs-Fräszentren."
    company_name = "Testfirma GmbH"
    contact_name = "Erika Muster"
    email = factory.Sequence(lambda n: f"poster{n}@firma.example")
    consent_text = "Ja."
    consented_at = factory.LazyFunction(timezone.now)
    live = True
    email_confirmed_at = factory.LazyFunction(timezone.now)
    first_published_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=180))

    class Meta:
        model = Entry
        skip_postgeneration_save = True

    class Params:
        pending = factory.Trait(live=False, email_confirmed_at=None, first_published_at=None, expires_at=None)

    @factory.post_generation
    def competences(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.competences.set(extracted)
            obj.save()


class AnswerFactory(factory.django.DjangoModelFactory):
    entry = None
    name = "Max Beispiel"
    company = "Beispiel AG"
    email = factory.Sequence(lambda n: f"answer{n}@beispiel.example")
    message = "Wir hätten Interesse."
    consent_text = "Ja."
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Answer


@dataclass
class ExchangeTree:
    site_tree: object
    german: ExchangeIndexPage
    english: ExchangeIndexPage


def exchange_tree(site_tree):
    """The exchange page in German and English (`/de/kooperationsboerse/`,
    `/en/cooperation-exchange/`) on the site of `site_tree`, with the privacy notice and the
    initiative's contact data; absolute links (e-mails) name the test client's host."""
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    privacy_and_contact(site_tree)
    german = ExchangeIndexPageFactory(parent=site_tree.german_home)
    english = translate_into_english(
        german,
        title="Cooperation exchange",
        slug="cooperation-exchange",
        intro="Offers and requests of companies in Bochum.",
    )
    return ExchangeTree(site_tree, german, english)
