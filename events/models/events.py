"""The initiative's own events: trade fairs, information evenings, company visits."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, ContentStreamBlock, DocumentBlock, ImageWithCaptionBlock
from core.calendar import build_calendar, calendar_response
from core.context import lazy
from core.models import ScheduledPage
from localization.linked import linked_in_locale
from registration.pages import RegistrationMixin

from ..feeds import event_entry, event_json_ld


class EventPage(RegistrationMixin, RoutablePageMixin, ScheduledPage):
    """An event of the initiative itself; editors may open it for registrations. After it, editors
    add its material (slides, photos, a short report), which the archive and the page show."""

    class Kind(models.TextChoices):
        TRADE_FAIR = "trade_fair", _("trade fair")
        INFORMATION_EVENING = "information_evening", _("information evening")
        COMPANY_VISIT = "company_visit", _("company visit")
        OTHER = "other", _("other event")

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("on site")
        ONLINE = "online", _("online")
        MIXED = "mixed", _("on site and online")

    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind.choices,
        default=Kind.INFORMATION_EVENING,
        help_text=_("Visitors filter the calendar by it."),
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
        help_text=_("On site needs a venue, online an online address; both for an event people can join either way."),
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("e.g. 'Technologie-Zentrum Ruhr'; empty for online only.")
    )
    venue_address = models.TextField(_("venue address"), blank=True, help_text=_("Street, postcode and city."))
    online_url = models.URLField(
        _("online address"), blank=True, help_text=_("Where participants join online, starting with https://.")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    report = RichTextField(
        _("short report"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("After the event: what happened, in a few paragraphs. Shown in the archive."),
    )
    slides = StreamField([("document", DocumentBlock())], blank=True, verbose_name=_("slides and documents"))
    photos = StreamField([("image", ImageWithCaptionBlock())], blank=True, verbose_name=_("photo gallery"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        *ScheduledPage.date_panels,
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_url"),
            ],
            heading=_("Venue"),
        ),
        FieldPanel("intro"),
        FieldPanel("body", help_text=_("The programme and what participants should know.")),
        MultiFieldPanel(
            [
                InlinePanel("sector_links", label=_("Focus sectors")),
                InlinePanel("network_links", label=_("Networks")),
            ],
            heading=_("Focus sectors and networks"),
        ),
        *RegistrationMixin.registration_panels,
        MultiFieldPanel(
            [
                FieldPanel("report"),
                FieldPanel("slides", help_text=_("The speakers' slides, preferably as accessible PDFs.")),
                FieldPanel("photos", help_text=_("Pictures of the event; each needs an alt text.")),
            ],
            heading=_("Material after the event"),
        ),
    ]
    search_fields = [
        *ScheduledPage.search_fields,
        index.SearchField("body"),
        index.SearchField("report"),
        index.SearchField("venue_name"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [ScheduledPage.end_index("events_event_end_idx")]

    def clean(self):
        super().clean()
        if self.attendance_mode != self.AttendanceMode.ONLINE and not self.venue_name.strip():
            raise ValidationError({"venue_name": _("Name the venue of an event on site.")})
        if self.attendance_mode != self.AttendanceMode.OFFLINE and not self.online_url:
            raise ValidationError({"online_url": _("Give the address where participants join online.")})

    @property
    def on_site(self):
        return self.attendance_mode != self.AttendanceMode.ONLINE

    @property
    def has_material(self):
        return bool(self.report or self.slides or self.photos)

    def calendar_entry(self, request):
        return event_entry(self, request)

    @path("ical/", name="calendar")
    def ical(self, request):
        return calendar_response([self.calendar_entry(request)], filename=f"{self.slug}.ics", name=self.title)

    def calendar_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar")

    def registration_ics(self):
        return build_calendar([self.calendar_entry(None)], self.title).to_ical()

    def get_context(self, request, *args, **kwargs):
        from network.models import FocusSectorPage, NetworkPage

        context = super().get_context(request, *args, **kwargs)
        locale = self.locale
        context["sectors"] = lazy(
            lambda: linked_in_locale(self.sector_links.all(), "sector", locale, FocusSectorPage.objects.live())
        )
        context["networks"] = lazy(
            lambda: linked_in_locale(self.network_links.all(), "network", locale, NetworkPage.objects.live())
        )
        context["calendar_index"] = lazy(self.get_parent)
        context["calendar_url"] = self.calendar_url(request)
        context["registration_url"] = self.registration_link(request)
        context["event_json_ld"] = event_json_ld(self, request)
        return context


class EventSector(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sector_links")
    sector = models.ForeignKey(
        "network.FocusSectorPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("focus sector")
    )

    panels = [FieldPanel("sector", help_text=_("A focus sector the event is for."))]

    class Meta(Orderable.Meta):
        verbose_name = _("focus sector")


class EventNetwork(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "network.NetworkPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )

    panels = [FieldPanel("network", help_text=_("A network that takes part in or organises the event."))]

    class Meta(Orderable.Meta):
        verbose_name = _("network")
