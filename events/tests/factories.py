import datetime

import factory
import wagtail_factories

from django.utils.text import slugify

from events.models import EventIndexPage, EventNetwork, EventPage, EventSector
from network.models import BERLIN


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """The live event calendar of a language. Pass `parent` (a home page)."""

    title = "Termine"
    slug = "termine"
    intro = "Netzwerktreffen, Messen und Informationsabende in Bochum."
    live = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A live event of the initiative. Pass `parent` (a calendar) and `start` (aware); it lasts
    two hours. `sectors=[…]` and `networks=[…]` link focus sector and network pages."""

    title = factory.Sequence(lambda n: f"Informationsabend {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    kind = EventPage.Kind.INFORMATION_EVENING
    start = datetime.datetime(2030, 3, 12, 18, 0, tzinfo=BERLIN)
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=2))
    venue_name = "BioMedizinZentrum Bochum"
    venue_address = "Universitätsstraße 136\n44799 Bochum"
    intro = "Wie Unternehmen aus Bochum gemeinsam mehr erreichen."
    status = EventPage.Status.PLANNED
    live = True

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(obj, create, sectors, **kwargs):
        for sector in sectors or []:
            EventSector.objects.create(page=obj, sector=sector)

    @factory.post_generation
    def networks(obj, create, networks, **kwargs):
        for network in networks or []:
            EventNetwork.objects.create(page=obj, network=network)
