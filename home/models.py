import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from .blocks import ContentStreamBlock
from .pagination import paginate

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


class BasePage(Page):
    """What every page of the site has: a social image and a meta description.

    An ordinary abstract Page subclass: wagtail-localize does not support Wagtail 8's
    swappable base page model."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared, and in lists. Landscape, at least 1200 × 630 pixels."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Page address and search engines")),
        FieldPanel("social_image"),
    ]

    search_fields = Page.search_fields
    # Foreign keys fetched with the page when it is served (home.serving), e.g. a lead image.
    select_related_when_served = ()

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """The search description, or the page's own summary where it has one."""
        return self.search_description or getattr(self, "summary_text", "")

    def get_view_restrictions(self):
        """Two queries fewer per served page when no restriction can apply (home.serving)."""
        from wagtail.models import PageViewRestriction

        from .serving import view_restrictions_known_empty

        if view_restrictions_known_empty(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(BasePage):
    """The root of each language's tree."""

    hero_title = models.CharField(_("hero title"), max_length=120, help_text=_("The big line on top."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences under the title."))

    select_related_when_served = ("hero_image",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel(
            "hero_image",
            help_text=_("A wide landscape picture behind the big line, at least 1600 × 600 pixels; decoration only."),
        ),
        FieldPanel("intro"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_title"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def summary_text(self):
        return self.intro


class StandardPage(BasePage):
    """A general content page: about us, legal notice, privacy, accessibility statement."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short summary shown above the text."))
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("general content page")

    @property
    def summary_text(self):
        return self.intro


@register_setting(icon="mail")
class ContactSettings(BaseGenericSetting):
    """The initiative's contact data, shown in the footer of every page."""

    organisation = models.CharField(_("organisation"), max_length=200, default="Bochum 2015")
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode_city = models.CharField(_("postcode and city"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contact data")


@register_setting(icon="doc-full")
class LegalPagesSettings(BaseGenericSetting):
    """The German pages the footer links to; each visitor gets their language's version."""

    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("legal notice (Impressum)"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy policy (Datenschutz)"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )

    panels = [
        PageChooserPanel("legal_notice_page"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("legal pages")


class CacheGeneration(models.Model):
    """A single row whose token is part of every page and fragment cache key (home.cache).

    Every content change replaces the token in the same transaction as the change, so every
    cached page becomes stale at once and for every process."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("cache generation")

    def __str__(self):
        return self.token


def clean_search_query(raw):
    """What the visitor typed, made safe to search for: control characters dropped, white
    space collapsed, at most SEARCH_QUERY_MAX_LENGTH characters."""
    printable = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in raw)
    return " ".join(printable.split())[:SEARCH_QUERY_MAX_LENGTH].strip()


def search_terms(query):
    """The words of a query, lower case, without operators or quotes: the database backends
    get plain words only (SQLite's full-text syntax would fail on a stray quote)."""
    return " ".join(re.sub(r"[^\w]+", " ", query).lower().split())


SEARCH_COMPANIES_SHOWN = 5


def specific_pages(pages):
    """The specific pages of `pages` (Page instances with at least id and content type), in
    the same order: one query per page type, as `.specific()` makes, but without its first
    query for the types, which the pages already have."""
    ids_by_type = {}
    for page in pages:
        ids_by_type.setdefault(page.content_type_id, []).append(page.pk)
    specific = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            specific.update((page.pk, page) for page in model._default_manager.filter(pk__in=ids))
    return [specific[page.pk] for page in pages if page.pk in specific]


class SearchPage(BasePage):
    """The site search of one language: live pages of that language, most relevant or
    newest first."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short text above the search field."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = []

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("search page")

    def search(self, query, newest_first=False):
        from .search_backend import backend_name_for
        from .serving import public

        # Only id and type: a search for a common word matches thousands of pages, and the
        # page shows the specific pages of one result page (specific_pages).
        pages = public(Page.objects.live().filter(locale_id=self.locale_id).not_type(SearchPage))
        pages = pages.only("id", "content_type_id")
        if newest_first:
            # Many pages share a publication time (a bulk import, a tree copy): the id keeps
            # the order, and so the result pages, the same from one request to the next.
            pages = pages.order_by("-first_published_at", "-id")
        return pages.search(
            query, backend=backend_name_for(self.locale.language_code), order_by_relevance=not newest_first
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = clean_search_query(request.GET.get("q", ""))
        newest_first = request.GET.get("sort") == "date"
        context.update(search_query=query, newest_first=newest_first, results=None)
        if query:
            terms = search_terms(query)
            found = self.search(terms, newest_first) if terms else Page.objects.none()
            results = paginate(request, found, SEARCH_RESULTS_PER_PAGE)
            context["results"] = results
            context["result_pages"] = specific_pages(results)
            if terms and results.number == 1:
                context.update(self.search_companies(terms))
        return context

    def search_companies(self, terms, limit=SEARCH_COMPANIES_SHOWN):
        """Companies of the company directory in this language whose name or description
        matches; each links to the directory filtered by its name (two queries)."""
        from network.models import Company, CompanyDirectoryPage

        from .search_backend import backend_name_for

        directory = CompanyDirectoryPage.objects.live().filter(locale_id=self.locale_id).first()
        if directory is None:
            return {}
        backend = get_search_backend(backend_name_for(self.locale.language_code))
        companies = backend.search(terms, Company.objects.filter(locale_id=self.locale_id))[:limit]
        return {"companies": list(companies), "company_directory": directory}
