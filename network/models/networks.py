"""Networks: their index and each network's page, with its participation form, its topics,
sectors, members and contact persons, and its meetings and projects (the pages below it)."""

import logging

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES
from core.context import lazy
from core.models import ChildIndexPage, IntroBodyPage
from localization.linked import linked_in_locale

from ..forms import ParticipationForm
from .meetings import CalendarMixin, MeetingPage, ProjectPage, live_companies
from .participation import ParticipationRequest, client_hash
from .snippets import ContactPerson, Topic

logger = logging.getLogger(__name__)

# The last part of the participation form's address below a network page, in the page's language.
PARTICIPATION_SLUGS = {"de": "teilnehmen", "en": "join"}


class NetworkIndexPage(ChildIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network index")


class NetworkPage(CalendarMixin, IntroBodyPage):
    """A business network such as the Netzwerk Produktion, with its participation form."""

    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    moderator = models.ForeignKey(
        "network.ContactPerson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderator"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("goals", help_text=_("What the network wants to achieve, in a few points.")),
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
        MultiFieldPanel(
            [
                InlinePanel("topic_links", label=_("Topics of work")),
                InlinePanel("sector_links", label=_("Focus sectors")),
            ],
            heading=_("Topics and sectors"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("moderator", help_text=_("The contact person who moderates the network's meetings.")),
                InlinePanel("contact_links", label=_("Contact persons")),
                InlinePanel("member_links", label=_("Member companies")),
            ],
            heading=_("People and members"),
        ),
    ]
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("goals")]
    # The moderator is copied to the translation as it is; the page shows the moderator's
    # translation where there is one, so a missing translation never blocks translating the page.
    override_translatable_fields = [SynchronizedField("moderator")]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = ["network.MeetingPage", "network.ProjectPage"]

    class Meta:
        verbose_name = _("network")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = self.locale
        # Other content than the page's own: computed only when its cached fragment is rendered.
        context["topics"] = lazy(lambda: linked_in_locale(self.topic_links.all(), "topic", locale))
        sector_pages = NetworkSector._meta.get_field("sector").related_model.objects.live()
        context["sectors"] = lazy(lambda: linked_in_locale(self.sector_links.all(), "sector", locale, sector_pages))
        people = ContactPerson.objects.select_related("photo")
        links = self.contact_links.all()
        if self.moderator_id:  # the contact persons and the moderator in one query
            shown = lazy(lambda: linked_in_locale(links, "contact_person", locale, people, and_one=self.moderator_id))
            context["contact_persons"] = lazy(lambda: shown[0])
            context["moderator"] = lazy(lambda: shown[1])
        else:
            context["contact_persons"] = lazy(lambda: linked_in_locale(links, "contact_person", locale, people))
        context["member_companies"] = lazy(
            lambda: linked_in_locale(self.member_links.all(), "company", locale, live_companies())
        )
        meetings = lazy(self.upcoming_and_past_meetings)
        context["upcoming_meetings"] = lazy(lambda: meetings["upcoming"])
        context["past_meetings"] = lazy(lambda: meetings["past"])
        context["projects"] = lazy(self.projects_with_topics)
        context["calendar_url"] = self.calendar_url(request)
        context["participation_url"] = self.participation_url(request)
        return context

    def upcoming_and_past_meetings(self, upcoming=20, past=10):
        """The next `upcoming` meetings, soonest first, and the last `past` ones, latest first:
        one query, whatever the number of meetings the network has had."""
        now = timezone.now()
        children = MeetingPage.objects.child_of(self).live()
        next_ones = children.filter(end__gte=now).order_by("start").values("pk")[:upcoming]
        last_ones = children.filter(end__lt=now).order_by("-start").values("pk")[:past]
        meetings = list(children.filter(Q(pk__in=Subquery(next_ones)) | Q(pk__in=Subquery(last_ones))))
        return {
            "upcoming": sorted((m for m in meetings if m.end >= now), key=lambda m: (m.start, m.pk)),
            "past": sorted((m for m in meetings if m.end < now), key=lambda m: (m.start, m.pk), reverse=True),
        }

    def calendar_meetings(self):
        return MeetingPage.objects.child_of(self).live().order_by("start")

    def projects_with_topics(self):
        """The network's projects, each with the name of its topic in this page's language
        (`topic_name`; the linked topic's own where it is not translated): one query."""
        translated = Topic.objects.filter(translation_key=OuterRef("topic__translation_key"), locale=self.locale_id)
        projects = (
            ProjectPage.objects.child_of(self)
            .live()
            .annotate(topic_name=Coalesce(Subquery(translated.values("name")[:1]), F("topic__name")))
            .order_by("title")
        )
        return list(projects[:20])

    # The participation form, on an address of its own below the page: the page itself is the
    # same for every visitor (cached by shared caches), the form carries a CSRF token and the
    # time it was shown, and it and the thank-you page are never cached.

    @path("")
    def index_route(self, request):
        """The page; a form sent to the page's own address (from a page shown before the form had
        one) is handled as on the form's."""
        if request.method == "POST":
            return self.participation(request, PARTICIPATION_SLUGS.get(self.locale.language_code))
        return self.render(request)

    @re_path(rf"^(?P<slug>{'|'.join(PARTICIPATION_SLUGS.values())})/$", name="participation")
    @method_decorator(never_cache)
    def participation(self, request, slug):
        """GET shows the empty form; POST handles a request to take part."""
        if slug != PARTICIPATION_SLUGS.get(self.locale.language_code):
            raise Http404
        if request.method != "POST":
            return self.render_participation(request, ParticipationForm(page=self))
        form = ParticipationForm(request.POST, page=self)
        thanks_url = self.get_url(request) + self.reverse_subpage("thanks")
        if form.honeypot_filled():
            logger.info("Participation form for page %s: honeypot filled, answered like a success", self.pk)
            return redirect(thanks_url, permanent=False)
        if not form.is_valid():
            return self.render_participation(request, form)
        if form.sent_too_fast():
            # Perhaps a bot, perhaps a browser's autofill: the person sees why and sends it once more.
            return self.render_participation(request, form.ask_once_more())
        client = client_hash(request)
        if ParticipationRequest.objects.over_rate_limit(form.cleaned_data["email"], client):
            form.add_error(
                None,
                gettext(
                    "We have received several requests from you within the last hour. Please try again later "
                    "or write to us directly."
                ),
            )
            response = self.render_participation(request, form)
            response.status_code = 429
            return response
        participation_request = ParticipationRequest.record(form.cleaned_data, self, client)
        participation_request.notify_network()
        return redirect(thanks_url, permanent=False)

    def render_participation(self, request, form):
        return self.render(request, template="network/participation_form_page.html", context_overrides={"form": form})

    def participation_url(self, request=None):
        """The address of the page's participation form, with the slug of the page's language."""
        slug = PARTICIPATION_SLUGS.get(self.locale.language_code, PARTICIPATION_SLUGS["de"])
        return self.get_url(request) + self.reverse_subpage("participation", kwargs={"slug": slug})

    @path("thanks/", name="thanks")
    @method_decorator(never_cache)
    def thanks(self, request):
        return self.render(request, template="network/participation_thanks.html")


class NetworkTopic(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey("network.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))

    panels = [FieldPanel("topic", help_text=_("A topic the network works on."))]


class NetworkSector(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="sector_links")
    sector = models.ForeignKey(
        "network.FocusSectorPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("focus sector")
    )

    panels = [FieldPanel("sector", help_text=_("A focus sector the network serves."))]


class NetworkContactPerson(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="contact_links")
    contact_person = models.ForeignKey(
        "network.ContactPerson", on_delete=models.CASCADE, related_name="+", verbose_name=_("contact person")
    )

    panels = [FieldPanel("contact_person", help_text=_("Someone companies can contact about this."))]


class NetworkMember(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="member_links")
    company = models.ForeignKey(
        "network.Company", on_delete=models.CASCADE, related_name="network_links", verbose_name=_("company")
    )

    panels = [FieldPanel("company", help_text=_("A company taking part."))]
