"""Pages of the network app: focus sectors, networks, their meetings and projects, the company directory.

Links from a page to snippets and to other pages are rows of small orderable models. wagtail-localize
copies those rows unchanged into the English page, so they may point to German objects; the pages
show each linked object in the page's own language through `network.localization.in_locale`."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from core.models import BasePage
from core.serving import default_locale
from pagecache.cache import lazy

from ..blocks import KeyFiguresBlock
from ..localization import in_locale, linked_in_locale, one_in_locale

BERLIN = ZoneInfo("Europe/Berlin")


class IntroPage(BasePage):
    """An index or detail page with an introduction and a free body."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Two or three sentences shown on top and in lists.")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    @property
    def summary_text(self):
        return self.intro


class FocusSectorIndexPage(IntroPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.FocusSectorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("focus sector index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = self.get_children().live().specific()
        return context


class FocusSectorPage(IntroPage):
    """A Fokusbranche, e.g. Verkehrstechnik/Automotive."""

    key_figures = StreamField(
        KeyFiguresBlock(),
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("Up to six figures, e.g. '26 000' employees."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
        InlinePanel("contact_links", label=_("Contact persons")),
    ]

    parent_page_types = ["network.FocusSectorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("focus sector")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .snippets import ContactPerson

        # Other content than the page's own: computed only when its cached fragment is rendered.
        people = ContactPerson.objects.select_related("photo")
        context["contact_persons"] = lazy(
            lambda: linked_in_locale(self.contact_links.all(), "contact_person", self.locale, people)
        )
        context["companies"] = lazy(lambda: companies_of_sector(self, self.locale))
        context["networks"] = lazy(
            lambda: [
                link.page
                for link in NetworkSector.objects.filter(
                    sector__translation_key=self.translation_key, page__locale=self.locale, page__live=True
                )
                .select_related("page")
                .order_by("page__title")
            ]
        )
        context["company_directory_url"] = lazy(lambda: self.company_directory_url(request))
        return context

    def company_directory_url(self, request):
        """The company directory of this language, filtered by this sector ("" without one)."""
        directory = CompanyDirectoryPage.objects.live().filter(locale=self.locale).first()
        return f"{directory.get_url(request)}?sector={self.slug}" if directory else ""


def companies_of_sector(sector, locale, limit=50):
    """Companies whose German version is linked to the sector, in `locale` where translated."""
    from .snippets import Company

    companies = Company.objects.filter(
        locale=default_locale(), sectors__translation_key=sector.translation_key
    ).order_by("name")[:limit]
    return in_locale(companies, locale, Company.objects.all())


class SectorContactPerson(Orderable):
    page = ParentalKey(FocusSectorPage, on_delete=models.CASCADE, related_name="contact_links")
    contact_person = models.ForeignKey(
        "network.ContactPerson", on_delete=models.CASCADE, related_name="+", verbose_name=_("contact person")
    )

    panels = [FieldPanel("contact_person", help_text=_("Someone companies can contact about this."))]


class NetworkIndexPage(IntroPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = self.get_children().live().specific()
        return context


class NetworkPage(RoutablePageMixin, IntroPage):
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
    search_fields = [*IntroPage.search_fields, index.SearchField("goals")]
    # The moderator is copied to the translation as it is; the page shows the moderator's
    # translation where there is one, so a missing translation never blocks translating the page.
    override_translatable_fields = [SynchronizedField("moderator")]

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = ["network.MeetingPage", "network.ProjectPage"]

    class Meta:
        verbose_name = _("network")

    def get_context(self, request, *args, **kwargs):
        from .snippets import ContactPerson

        context = super().get_context(request, *args, **kwargs)
        locale = self.locale
        # Other content than the page's own: computed only when its cached fragment is rendered.
        context["topics"] = lazy(lambda: linked_in_locale(self.topic_links.all(), "topic", locale))
        context["sectors"] = lazy(
            lambda: linked_in_locale(self.sector_links.all(), "sector", locale, FocusSectorPage.objects.live())
        )
        people = ContactPerson.objects.select_related("photo")
        links = self.contact_links.all()
        if self.moderator_id:  # the contact persons and the moderator in one query
            shown = lazy(lambda: linked_in_locale(links, "contact_person", locale, people, and_one=self.moderator_id))
            context["contact_persons"] = lazy(lambda: shown[0])
            context["moderator"] = lazy(lambda: shown[1])
        else:
            context["contact_persons"] = lazy(lambda: linked_in_locale(links, "contact_person", locale, people))
        context["member_companies"] = lazy(lambda: linked_in_locale(self.member_links.all(), "company", locale))
        meetings = lazy(self.upcoming_and_past_meetings)
        context["upcoming_meetings"] = lazy(lambda: meetings["upcoming"])
        context["past_meetings"] = lazy(lambda: meetings["past"])
        context["projects"] = lazy(self.projects_with_topics)
        context["calendar_url"] = calendar_url(self, request)
        context.setdefault("form", None)
        if context["form"] is None:
            from ..forms import ParticipationForm

            context["form"] = ParticipationForm(page=self, request=request)
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

    def projects_with_topics(self):
        """The network's projects, each with the name of its topic in this page's language
        (`topic_name`; the linked topic's own where it is not translated): one query."""
        from .snippets import Topic

        translated = Topic.objects.filter(translation_key=OuterRef("topic__translation_key"), locale=self.locale_id)
        projects = (
            ProjectPage.objects.child_of(self)
            .live()
            .annotate(topic_name=Coalesce(Subquery(translated.values("name")[:1]), F("topic__name")))
            .order_by("title")
        )
        return list(projects[:20])

    @path("")
    def index_route(self, request):
        from ..views import participation

        return participation(request, self)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="network/participation_thanks.html")


class NetworkTopic(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey("network.Topic", on_delete=models.CASCADE, related_name="+", verbose_name=_("topic"))

    panels = [FieldPanel("topic", help_text=_("A topic the network works on."))]


class NetworkSector(Orderable):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="sector_links")
    sector = models.ForeignKey(
        FocusSectorPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("focus sector")
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


def calendar_url(page, request):
    """Where the page's iCalendar file is: its own address with `.ics` instead of the final slash."""
    return page.get_url(request).rstrip("/") + ".ics"


def parent_network(page):
    return NetworkPage.objects.filter(path=page.path[: -page.steplen]).first()


class MeetingPage(BasePage):
    """A Netzwerktreffen of the network above it."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        TOOK_PLACE = "took_place", _("took place")
        CANCELLED = "cancelled", _("cancelled")

    start = models.DateTimeField(_("start"), help_text=_("Date and time in Bochum (Europe/Berlin)."))
    end = models.DateTimeField(_("end"), help_text=_("Date and time in Bochum (Europe/Berlin)."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    venue_name = models.CharField(_("venue"), max_length=200, help_text=_("e.g. 'Technologie-Zentrum Ruhr'"))
    venue_address = models.TextField(_("venue address"), blank=True, help_text=_("Street, postcode and city."))
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences shown in lists."))
    agenda = RichTextField(_("agenda"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("status", help_text=_("Set to 'took place' or 'cancelled' afterwards; the page says so.")),
            ],
            heading=_("Date"),
        ),
        MultiFieldPanel([FieldPanel("venue_name"), FieldPanel("venue_address")], heading=_("Venue")),
        FieldPanel("intro"),
        FieldPanel("agenda", help_text=_("The items of the meeting, as a list.")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("agenda"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]

    parent_page_types = ["network.NetworkPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        # Upcoming meetings (home and network pages): few ahead, ever more behind.
        indexes = [models.Index(fields=["end"], name="network_meeting_end_idx")]

    @property
    def summary_text(self):
        return self.intro

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    @property
    def start_local(self):
        return timezone.localtime(self.start, BERLIN)

    @property
    def end_local(self):
        return timezone.localtime(self.end, BERLIN)

    @property
    def is_upcoming(self):
        return self.end >= timezone.now()

    def get_context(self, request, *args, **kwargs):
        from ..feeds import event_json_ld

        context = super().get_context(request, *args, **kwargs)
        context["network"] = parent_network(self)
        context["calendar_url"] = calendar_url(self, request)
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
        from .snippets import Topic

        context = super().get_context(request, *args, **kwargs)
        context["network"] = parent_network(self)
        context["partner_companies"] = linked_in_locale(self.partner_links.all(), "company", self.locale)
        context["topic"] = one_in_locale(Topic.objects.all(), self.topic_id, self.locale) if self.topic_id else None
        return context


class ProjectPartner(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partner_links")
    company = models.ForeignKey(
        "network.Company", on_delete=models.CASCADE, related_name="project_links", verbose_name=_("company")
    )

    panels = [FieldPanel("company", help_text=_("A company taking part."))]


class CompanyDirectoryPage(IntroPage):
    """All companies, filterable by sector and competence and searchable by name."""

    per_page = 24

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("company directory")

    def get_context(self, request, *args, **kwargs):
        from ..forms import CompanyFilterForm
        from .snippets import Company

        context = super().get_context(request, *args, **kwargs)
        sectors = list(FocusSectorPage.objects.live().filter(locale=self.locale).order_by("title"))
        german = default_locale()
        competences = Tag.objects.filter(network_companycompetence_items__content_object__locale=german)
        form = CompanyFilterForm(request.GET or None, sectors=sectors, competences=competences.distinct())
        # Logos joined and their renditions prefetched: no query per company card.
        companies = Company.objects.filter(locale=german).select_related("logo").order_by("name")
        companies = companies.prefetch_related("logo__renditions")
        if form.is_valid():
            data = form.cleaned_data
            if data["q"]:
                # Names are searched in both languages; the list shows the German version's relations.
                keys = Company.objects.filter(name__icontains=data["q"]).values("translation_key")
                companies = companies.filter(translation_key__in=keys)
            if data["sector"]:
                sector = next(s for s in sectors if s.slug == data["sector"])
                companies = companies.filter(sectors__translation_key=sector.translation_key)
            if data["competence"]:
                companies = companies.filter(competences__slug=data["competence"])
        paginator = Paginator(companies.distinct(), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context["filter_form"] = form
        context["page_obj"] = page_obj
        context["companies"] = company_cards(list(page_obj.object_list), self.locale, sectors)
        context["querystring"] = _querystring_without_page(request)
        return context


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def company_cards(companies, locale, sectors):
    """Everything a company card shows, for a page of German companies, in a fixed number of queries:
    the company's text in `locale`, its sectors, competences, networks and projects."""
    from .snippets import Company, CompanyCompetence

    if not companies:
        return []
    ids = [company.pk for company in companies]
    keys = [company.translation_key for company in companies]
    localized = in_locale(
        companies, locale, Company.objects.select_related("logo").prefetch_related("logo__renditions")
    )
    sector_by_key = {sector.translation_key: sector for sector in sectors}
    sector_keys = {}
    for company_id, key in Company.sectors.through.objects.filter(company_id__in=ids).values_list(
        "company_id", "focussectorpage__translation_key"
    ):
        if key in sector_by_key:
            sector_keys.setdefault(company_id, []).append(sector_by_key[key])
    competences = {}
    for item in CompanyCompetence.objects.filter(content_object_id__in=ids).select_related("tag"):
        competences.setdefault(item.content_object_id, []).append(item.tag)
    networks = {}
    for link in (
        NetworkMember.objects.filter(company__translation_key__in=keys, page__locale=locale, page__live=True)
        .select_related("page", "company")
        .order_by("page__title")
    ):
        networks.setdefault(link.company.translation_key, []).append(link.page)
    projects = {}
    for link in (
        ProjectPartner.objects.filter(company__translation_key__in=keys, page__locale=locale, page__live=True)
        .select_related("page", "company")
        .order_by("page__title")
    ):
        projects.setdefault(link.company.translation_key, []).append(link.page)
    return [
        {
            "company": shown,
            "sectors": sector_keys.get(source.pk, []),
            "competences": sorted(competences.get(source.pk, []), key=lambda tag: tag.name.lower()),
            "networks": networks.get(source.translation_key, []),
            "projects": projects.get(source.translation_key, []),
        }
        for source, shown in zip(companies, localized, strict=True)
    ]


def upcoming_meetings(locale, limit=3):
    """The next meetings of all networks in `locale`, each with its network (two queries)."""
    meetings = list(
        MeetingPage.objects.live()
        .filter(locale=locale, end__gte=timezone.now())
        .exclude(status=MeetingPage.Status.CANCELLED)
        .order_by("start")[:limit]
    )
    parent_paths = {meeting.path[: -MeetingPage.steplen] for meeting in meetings}
    networks = {network.path: network for network in NetworkPage.objects.filter(path__in=parent_paths)}
    for meeting in meetings:
        meeting.network = networks.get(meeting.path[: -MeetingPage.steplen])
    return meetings
