import datetime

import factory
import wagtail_factories

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

from network.models import (
    BERLIN,
    Company,
    CompanyDirectoryPage,
    Competence,
    ContactPerson,
    FocusSectorIndexPage,
    FocusSectorPage,
    MeetingPage,
    NetworkIndexPage,
    NetworkPage,
    ParticipationRequest,
    ProjectPage,
    Topic,
)


def german():
    return Locale.objects.get(language_code="de")


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    locale = factory.LazyFunction(german)

    class Meta:
        model = Topic


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Erika Muster {n}")
    role = "Netzwerkmanagerin"
    organisation = "Bochum 2015"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    locale = factory.LazyFunction(german)

    class Meta:
        model = ContactPerson


class CompanyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testfirma {n:04d} GmbH")
    description = factory.LazyAttribute(lambda obj: f"{obj.name} fertigt Teile.")
    city = "Bochum"
    locale = factory.LazyFunction(german)

    class Meta:
        model = Company


class CompetenceFactory(factory.django.DjangoModelFactory):
    """A German competence; `english=` (a name) adds its English translation as wagtail-localize
    makes it."""

    name = factory.Sequence(lambda n: f"Kompetenz {n}")
    group = "manufacturing"
    locale = factory.LazyFunction(german)

    class Meta:
        model = Competence
        skip_postgeneration_save = True

    @factory.post_generation
    def english(obj, create, name, **kwargs):
        if name:
            import copy

            from localization.translation import translate

            english = copy.copy(obj)
            english.name = name
            english.synonyms = kwargs.get("synonyms", obj.synonyms)
            translate(obj, english)


class ParticipationRequestFactory(factory.django.DjangoModelFactory):
    """A stored request to take part, by default in the demo's Netzwerk Produktion."""

    network = factory.LazyFunction(lambda: NetworkPage.objects.get(slug="netzwerk-produktion"))
    network_title = factory.LazyAttribute(lambda obj: obj.network.title)
    locale = factory.LazyAttribute(lambda obj: obj.network.locale)
    company = "Muster Metall GmbH"
    contact_name = "Erika Muster"
    email = "erika@example.org"
    message = "Hallo"
    consent_text = "Ich bin einverstanden."
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ParticipationRequest


class FocusSectorIndexPageFactory(wagtail_factories.PageFactory):
    """The live focus sector index of a language. Pass `parent` (a home page)."""

    title = "Fokusbranchen"
    slug = "fokusbranchen"
    intro = "Die Branchen, in denen Bochum stark ist."
    live = True

    class Meta:
        model = FocusSectorIndexPage


class FocusSectorPageFactory(wagtail_factories.PageFactory):
    """A live focus sector. Pass `parent` (a focus sector index)."""

    title = factory.Sequence(lambda n: f"Maschinenbau {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    intro = "Maschinen- und Anlagenbau in Bochum."
    live = True

    class Meta:
        model = FocusSectorPage


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    """The live network index of a language. Pass `parent` (a home page)."""

    title = "Netzwerke"
    slug = "netzwerke"
    intro = "Unternehmen, die gemeinsam mehr erreichen."
    live = True

    class Meta:
        model = NetworkIndexPage


class CompanyDirectoryPageFactory(wagtail_factories.PageFactory):
    """The live company directory of a language. Pass `parent` (a home page)."""

    title = "Unternehmen"
    slug = "unternehmen"
    intro = "Unternehmen der Fokusbranchen in Bochum."
    live = True

    class Meta:
        model = CompanyDirectoryPage


class NetworkPageFactory(wagtail_factories.PageFactory):
    """A live network page. Pass `parent` (a network index)."""

    title = factory.Sequence(lambda n: f"Testnetzwerk {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    intro = "Ein Netzwerk für Tests."
    live = True

    class Meta:
        model = NetworkPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    """A live meeting. Pass `parent` (a network page) and `start` (aware); it lasts two hours."""

    title = factory.Sequence(lambda n: f"Netzwerktreffen {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    start = datetime.datetime(2030, 3, 5, 18, 0, tzinfo=BERLIN)
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=2))
    venue_name = "Technologie-Zentrum Ruhr"
    venue_address = "Universitätsstraße 142\n44799 Bochum"
    status = MeetingPage.Status.PLANNED
    live = True

    class Meta:
        model = MeetingPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kooperationsprojekt {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    status = ProjectPage.Status.RUNNING
    live = True

    class Meta:
        model = ProjectPage


def add_meetings_quickly(network, count, first_start, title="Größentest"):
    """`count` live meetings below `network`, one a week from `first_start`, inserted in bulk without
    Wagtail's per-page work (revisions, search index): only for tests of how pages grow with content."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    network = Page.objects.get(pk=network.pk)
    last = network.get_last_child()
    path = last.path if last else None
    content_type = ContentType.objects.get_for_model(MeetingPage)
    pages = []
    for number in range(count):
        path = Page(path=path)._inc_path() if path else Page._get_path(network.path, network.depth + 1, 1)
        slug = f"{slugify(title)}-{path[-4:].lower()}"
        pages.append(
            Page(
                title=f"{title} {number}",
                draft_title=f"{title} {number}",
                slug=slug,
                path=path,
                depth=network.depth + 1,
                numchild=0,
                url_path=f"{network.url_path}{slug}/",
                locale_id=network.locale_id,
                live=True,
                content_type=content_type,
            )
        )
    pages = Page.objects.bulk_create(pages)
    meetings = []
    for number, page in enumerate(pages):
        start = first_start + datetime.timedelta(weeks=number)
        meeting = MeetingPage(page_ptr=page, start=start, end=start + datetime.timedelta(hours=2))
        meeting.venue_name, meeting.status = "Technologie-Zentrum Ruhr", MeetingPage.Status.PLANNED
        meetings.append(meeting)
    # Only the meeting table's own columns: the page rows exist already (multi-table inheritance).
    fields = list(MeetingPage._meta.local_concrete_fields)
    for batch in range(0, len(meetings), 100):
        MeetingPage._base_manager._insert(meetings[batch : batch + 100], fields=fields)
    Page.objects.filter(pk=network.pk).update(numchild=network.numchild + count)


def add_companies_quickly(count, sector, network, english_share=2, first=0):
    """`count` German companies in `sector` and members of `network` (and of its English version),
    every `english_share`-th with an English translation, inserted in bulk; numbered from `first`."""
    import uuid

    from network.models import NetworkMember

    english = Locale.objects.get(language_code="en")
    companies = Company.objects.bulk_create(
        [
            Company(
                name=f"Größe {number:04d} GmbH",
                slug=f"groesse-{number:04d}-gmbh",
                description="Fertigt Teile.",
                locale=german(),
                translation_key=uuid.uuid4(),
            )
            for number in range(first, first + count)
        ]
    )
    Company.objects.bulk_create(
        [
            Company(
                name=c.name, slug=c.slug, description="Makes parts.", locale=english, translation_key=c.translation_key
            )
            for c in companies[::english_share]
        ]
    )
    Company.sectors.through.objects.bulk_create(
        [Company.sectors.through(company=company, focussectorpage=sector) for company in companies]
    )
    competence = Competence.objects.filter(locale=german(), slug="groessentest").first() or Competence.objects.create(
        locale=german(), name="Größentest", group="manufacturing"
    )
    Company.competences.through.objects.bulk_create(
        [Company.competences.through(company=company, competence=competence) for company in companies]
    )
    networks = NetworkPage.objects.filter(translation_key=network.translation_key)
    NetworkMember.objects.bulk_create(
        [
            NetworkMember(page=page, company=company, sort_order=1000 + i)
            for page in networks
            for i, company in enumerate(companies)
        ]
    )
    return companies
