"""Factories of the home app's pages and settings, and the tree every page needs above it.

`site_tree()` builds a German home page under Wagtail's root with its English translation and
makes it the default site's root. In a test's transaction it works whether the demo content is
loaded or not: the test's own home replaces the demo's as the site root until the rollback.

English versions are made with `translate_into_english`, through wagtail-localize as a
translator would (`localization.translation.translate`): the page's translation source, its strings and
their English translations exist, and the admin shows wagtail-localize's translation editor."""

import copy
from dataclasses import dataclass

import factory
import wagtail_factories

from django.utils.text import slugify

from wagtail.models import Collection, Locale, Page, Site

from core.models import ContactSettings, LegalPagesSettings
from home.models import HomePage, StandardPage
from localization.translation import english_locale, translate
from search.models import SearchPage


def paragraphs(*texts):
    """StreamField data of rich-text paragraphs (the block type pages share)."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def translate_into_english(instance, **english):
    """The English translation of a German page or snippet, with `english` as its field values.

    Fields not given keep the German value, so give every translatable text. A StreamField's
    English value needs the German one's blocks in the same order (strings pair by position)."""
    english_locale()
    source = instance.specific if isinstance(instance, Page) else instance
    translated = copy.copy(source)
    for name, value in english.items():
        setattr(translated, name, value)
    return translate(instance, translated)


class HomePageFactory(wagtail_factories.PageFactory):
    """A German home page. Pass `parent` (Wagtail's root); `site_tree()` also makes it the site root."""

    title = "Bochum 2015"
    slug = factory.Sequence(lambda n: f"startseite-{n}")
    hero_title = "Gemeinsam mehr erreichen"
    intro = "Die Wachstumsinitiative für den Wirtschaftsstandort Bochum."
    live = True

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A live general content page. Pass `parent` (a home page or another general page)."""

    title = factory.Sequence(lambda n: f"Über uns {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    intro = "Wer wir sind und was wir tun."
    body = factory.LazyFunction(lambda: paragraphs("Wir bringen Unternehmen an einen Tisch."))
    live = True

    class Meta:
        model = StandardPage


class SearchPageFactory(wagtail_factories.PageFactory):
    """The live search page of a language. Pass `parent` (a home page)."""

    title = "Suche"
    slug = "suche"
    intro = "Durchsuchen Sie Nachrichten, Fokusbranchen und Netzwerke."
    live = True

    class Meta:
        model = SearchPage


class ImageFactory(wagtail_factories.ImageFactory):
    """A picture of 1600 × 900 pixels (a JPEG of one colour), large enough for every rendition, in
    the root collection (where the editorial roles may choose images)."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Bild {n}")
    description = factory.LazyAttribute(lambda obj: obj.title)
    file = factory.django.ImageField(width=1600, height=900, format="JPEG", filename="bild.jpg")


class GenericSettingFactory(factory.django.DjangoModelFactory):
    """A site-wide setting has one row: the factory fills in the existing one (or the first)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        setting = model_class.load()
        for name, value in kwargs.items():
            setattr(setting, name, value)
        setting.save()
        return setting


class ContactSettingsFactory(GenericSettingFactory):
    organisation = "Bochum 2015"
    street = "Musterstraße 1"
    postcode_city = "44787 Bochum"
    phone = "0234 000000"
    email = "info@example.org"

    class Meta:
        model = ContactSettings


class LegalPagesSettingsFactory(GenericSettingFactory):
    """Which pages the footer links to; pass the German pages (e.g. StandardPageFactory's)."""

    class Meta:
        model = LegalPagesSettings


def privacy_and_contact(tree):
    """The privacy notice ("Datenschutz"/"Privacy", /de/datenschutz/ and /en/privacy/) the footer
    and the forms link to, and the initiative's contact details (info@example.org), for the
    site of `tree` (`site_tree()`): the German and the English privacy page. Called again for
    the same site, it gives the same pages."""
    existing = StandardPage.objects.child_of(tree.german_home).filter(slug="datenschutz").first()
    if existing:
        return existing, existing.get_translation(tree.english_home.locale)
    ContactSettingsFactory(email="info@example.org")
    privacy = StandardPageFactory(parent=tree.german_home, title="Datenschutz", slug="datenschutz")
    english = translate_into_english(
        privacy,
        title="Privacy",
        slug="privacy",
        intro="How we handle your details.",
        body=paragraphs("We store only what we need."),
    )
    LegalPagesSettingsFactory(privacy_page=privacy)
    return privacy, english


@dataclass
class SiteTree:
    german_home: HomePage
    english_home: HomePage
    site: Site


def site_tree():
    """A German home page with its English translation, the default site's root."""
    german = Locale.get_default()
    german_home = HomePageFactory(parent=Page.get_first_root_node(), locale=german)
    english_home = translate_into_english(
        german_home,
        slug=german_home.slug.replace("startseite", "home"),
        hero_title="Achieving more together",
        intro="The growth initiative for Bochum as a place to do business.",
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True, hostname="localhost")
    site.root_page = german_home
    site.site_name = "Bochum 2015"
    site.save()
    return SiteTree(german_home, english_home, site)
