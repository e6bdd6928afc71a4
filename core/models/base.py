from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ContentStreamBlock
from ..slugs import german_ascii, slug_input


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
        MultiFieldPanel(
            [
                FieldPanel("slug", widget=slug_input()),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading=_("Page address and search engines"),
        ),
        FieldPanel("social_image"),
    ]

    search_fields = Page.search_fields
    # The field whose value a search result shows as the page's date (a meeting's start, an
    # article's date); without one, the first publication.
    search_result_date = None
    # Foreign keys fetched with the page when it is served (core.serving), e.g. a lead image.
    select_related_when_served = ()

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """The search description, or the page's own summary where it has one."""
        return self.search_description or getattr(self, "summary_text", "")

    def permissions_for_user(self, user):
        """Wagtail's page permission tester, or the site's own where an app registers one with the
        `page_permission_tester` hook (editorial: the roles). Wagtail asks this tester on every path
        – page views, bulk actions, the admin API, wagtail-localize – so one rule holds on all."""
        testers = hooks.get_hooks("page_permission_tester")
        if testers:
            return testers[-1](user, self)
        return super().permissions_for_user(user)

    # What finding this page by its path learnt (core.serving.Routing); None for a page read
    # otherwise (a preview, a list).
    routing = None

    def route(self, request, path_components):
        """A language's home page finds the page below it in one query (core.serving); a page
        that lookup found (it has its `routing`) routes on as Wagtail's pages do."""
        if self.depth == 2 and path_components and self.routing is None:
            from core.serving import find_route

            return find_route(request, self, path_components)
        return super().route(request, path_components)

    # Adds a lookup and nothing else: for core.serving, a page that routes as Wagtail's do.
    route.finds_below_home = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Breadcrumbs and the language switcher take these without a query where routing found
        # them; otherwise they ask the tree themselves.
        if self.routing is not None:
            context["ancestors"] = self.routing.ancestors
            if self.routing.translations is not None:
                context["translations"] = self.routing.translations
        return context

    def clean(self):
        # The address of a page not yet published, umlauts written out; a public address stays.
        if self.first_published_at is None:
            self.slug = german_ascii(self.slug)
        super().clean()

    def get_view_restrictions(self):
        """Two queries fewer per served page when routing found that no restriction can apply."""
        from wagtail.models import PageViewRestriction

        if self.routing is not None and self.routing.unrestricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class IntroPage(BasePage):
    """A page with an introduction: on top of the page and in lists (its `summary_text`). A page
    type may declare `intro` again with a help text of its own."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Two or three sentences shown on top and in lists.")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    @property
    def summary_text(self):
        return self.intro


class IntroBodyPage(IntroPage):
    """A page with an introduction and a free body: general pages, index pages and the pages of
    sectors and networks."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *IntroPage.content_panels,
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
    ]
    search_fields = [*IntroPage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True


class ChildIndexPage(IntroBodyPage):
    """An introduction and a body above cards of the live pages below it (core/index_page.html)."""

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # One template for all of them (Wagtail names one after each page class).
        return "core/index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def cards():
            # The cards' pictures and their renditions in two queries, not two per card.
            pages = list(self.get_children().live().specific())
            prefetch_related_objects(pages, "social_image__renditions")
            return pages

        # Read only when the cards' fragment renders (a cached one needs no query).
        context["child_pages"] = SimpleLazyObject(cards)
        return context


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
