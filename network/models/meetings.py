"""The pages below a network: its meetings and its cooperation projects.

A meeting, and a network with all its meetings, can be added to a calendar: an iCalendar file at
the sub-address `ical/` of the page (`CalendarMixin`)."""

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.calendar import build_calendar
from core.models import BasePage, ScheduledPage
from localization.linked import linked_in_locale, one_in_locale
from registration.pages import RegistrationMixin

from ..feeds import event_json_ld, meeting_entry, meetings_calendar_response
from .snippets import Topic


class CalendarMixin(RoutablePageMixin):
    """A page whose meetings can be added to a calendar, as an iCalendar file at a sub-route of
    the page (a page address has no dots: `ical/` rather than `.ics`). Wagtail serves the route
    as it serves the page, with the page's view restrictions."""

    def calendar_meetings(self):
        """The meetings in the file, in order."""
        raise NotImplementedError

    @path("ical/", name="calendar")
    def calendar(self, request):
        return meetings_calendar_response(
            request, self.calendar_meetings(), filename=f"{self.slug}.ics", name=self.title
        )

    def calendar_url(self, request):
        return self.get_url(request) + self.reverse_subpage("calendar")


class MeetingPage(RegistrationMixin, CalendarMixin, ScheduledPage):
    """A Netzwerktreffen of the network above it; editors may open it for registrations."""

    venue_name = models.CharField(_("venue"), max_length=200, help_text=_("e.g. 'Technologie-Zentrum Ruhr'"))
    venue_address = models.TextField(_("venue address"), blank=True, help_text=_("Street, postcode and city."))
    agenda = RichTextField(_("agenda"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        *ScheduledPage.date_panels,
        MultiFieldPanel([FieldPanel("venue_name"), FieldPanel("venue_address")], heading=_("Venue")),
        FieldPanel("intro"),
        FieldPanel("agenda", help_text=_("The items of the meeting, as a list.")),
        *RegistrationMixin.registration_panels,
    ]
    search_fields = [
        *ScheduledPage.search_fields,
        index.SearchField("agenda"),
        index.SearchField("venue_name"),
    ]

    parent_page_types = ["network.NetworkPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [ScheduledPage.end_index("network_meeting_end_idx")]

    def calendar_meetings(self):
        return [self]

    def calendar_entry(self, request):
        return meeting_entry(self, request)

    def registration_ics(self):
        return build_calendar([self.calendar_entry(None)], self.title).to_ical()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network"] = self.get_parent()
        context["calendar_url"] = self.calendar_url(request)
        context["registration_url"] = self.registration_link(request)
        context["event_json_ld"] = event_json_ld(self, request)
        return context


class ProjectPage(BasePage):
    """A Kooperationsprojekt of companies of the network above it."""

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences shown in lists."))
    topic = models.ForeignKey(
        "network.Topic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("topic")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDEA)
    research_institutions = models.TextField(
        _("research institutions"), blank=True, help_text=_("One per line, e.g. 'Ruhr-Universität Bochum'.")
    )
    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    results = RichTextField(_("results"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("topic", help_text=_("The network topic the project belongs to.")),
        FieldPanel("status", help_text=_("How far the project is; shown on the page.")),
        InlinePanel("partner_links", label=_("Partner companies")),
        FieldPanel("research_institutions"),
        FieldPanel("goals", help_text=_("What the partners want to achieve together.")),
        FieldPanel("results", help_text=_("What came out of the project; leave empty while it runs.")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("results"),
        index.SearchField("research_institutions"),
    ]
    override_translatable_fields = [SynchronizedField("topic")]

    parent_page_types = ["network.NetworkPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")

    @property
    def summary_text(self):
        return self.intro

    @property
    def research_institution_list(self):
        return [line.strip() for line in self.research_institutions.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["network"] = self.get_parent()
        context["partner_companies"] = linked_in_locale(
            self.partner_links.all(), "company", self.locale, live_companies()
        )
        context["topic"] = one_in_locale(Topic.objects.all(), self.topic_id, self.locale) if self.topic_id else None
        return context


def live_companies():
    """The companies the site shows (`Company` imports this module, so it is looked up by name)."""
    return apps.get_model("network", "Company").objects.live()


class ProjectPartner(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partner_links")
    company = models.ForeignKey(
        "network.Company", on_delete=models.CASCADE, related_name="project_links", verbose_name=_("company")
    )

    panels = [FieldPanel("company", help_text=_("A company taking part."))]


def upcoming_meetings(locale, limit=3):
    """The next meetings of all networks in `locale`, each with its network (two queries)."""
    meetings = list(
        MeetingPage.objects.live()
        .filter(locale=locale, end__gte=timezone.now())
        .exclude(status=MeetingPage.Status.CANCELLED)
        .order_by("start")[:limit]
    )
    parent_paths = {meeting.path[: -MeetingPage.steplen] for meeting in meetings}
    # Their networks as plain pages (title and address): the lists show no more of them.
    networks = {network.path: network for network in Page.objects.filter(path__in=parent_paths)}
    for meeting in meetings:
        meeting.network = networks.get(meeting.path[: -MeetingPage.steplen])
    return meetings
