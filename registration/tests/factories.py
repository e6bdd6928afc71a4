"""An event open for registrations in German and English (a network meeting or an event of the
initiative), and registrations made on it."""

import datetime
from dataclasses import dataclass

import factory

from django.utils import timezone

from events.models import EventPage
from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.tests.factories import (
    ContactSettingsFactory,
    LegalPagesSettingsFactory,
    StandardPageFactory,
    translate_into_english,
)
from home.tests.factories import site_tree as build_site_tree
from network.models import BERLIN, MeetingPage
from network.tests.factories import MeetingPageFactory, NetworkIndexPageFactory, NetworkPageFactory
from registration.models import Registration


@dataclass
class BilingualEvent:
    german: MeetingPage | EventPage
    english: MeetingPage | EventPage


def _site_with_legal_notice():
    """A site of its own with contact data and a legal notice page (the e-mails' footer)."""
    tree = build_site_tree()
    legal = StandardPageFactory(parent=tree.german_home, title="Impressum", slug="impressum")
    translate_into_english(legal, title="Legal notice", slug="legal-notice")
    ContactSettingsFactory()
    LegalPagesSettingsFactory(legal_notice_page=legal)
    return tree


def _in_a_month():
    return timezone.now().astimezone(BERLIN).replace(microsecond=0) + datetime.timedelta(days=30)


def bilingual_meeting(capacity=20, waiting_list=True, start=None, **settings):
    """A German meeting open for registrations and its English translation, in a site of its own."""
    tree = _site_with_legal_notice()
    index = NetworkIndexPageFactory(parent=tree.german_home)
    translate_into_english(index, title="Networks", slug="networks", intro="Companies achieving more together.")
    network = NetworkPageFactory(parent=index, title="Netzwerk Produktion", slug="netzwerk-produktion")
    translate_into_english(network, title="Production network", slug="production-network", intro="A network.")
    start = start or _in_a_month()
    german = MeetingPageFactory(
        parent=network,
        title="Offenes Netzwerktreffen",
        slug="offenes-netzwerktreffen",
        start=start,
        intro="Unternehmen treffen sich.",
        registration_open=True,
        registration_capacity=capacity,
        registration_waiting_list=waiting_list,
        **settings,
    )
    english = translate_into_english(
        german, title="Open network meeting", slug="open-network-meeting", intro="Companies meet."
    )
    return BilingualEvent(MeetingPage.objects.get(pk=german.pk), MeetingPage.objects.get(pk=english.pk))


def bilingual_event(capacity=20, waiting_list=True, start=None, **settings):
    """A German event of the initiative open for registrations and its English translation, in a
    site of its own."""
    tree = _site_with_legal_notice()
    calendar = EventIndexPageFactory(parent=tree.german_home)
    translate_into_english(calendar, title="Events", slug="events", intro="Meetings, fairs and evenings.")
    start = start or _in_a_month()
    german = EventPageFactory(
        parent=calendar,
        title="Informationsabend Fördermittel",
        slug="informationsabend-foerdermittel",
        start=start,
        registration_open=True,
        registration_capacity=capacity,
        registration_waiting_list=waiting_list,
        **settings,
    )
    english = translate_into_english(
        german, title="Information evening on funding", slug="information-evening-funding", intro="Funding explained."
    )
    return BilingualEvent(EventPage.objects.get(pk=german.pk), EventPage.objects.get(pk=english.pk))


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration on `page` (pass it), pending unless `status` is given."""

    event_key = factory.LazyAttribute(lambda obj: obj.page.translation_key)
    event_title = factory.LazyAttribute(lambda obj: obj.page.title)
    locale = factory.LazyAttribute(lambda obj: obj.page.locale)
    name = factory.Sequence(lambda n: f"Erika Muster {n}")
    company = "Muster Metall GmbH"
    email = factory.Sequence(lambda n: f"person{n}@muster-metall.example")
    consent_text = "Ich bin einverstanden."
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
