"""Focus sectors and the company directory, whose companies are filed by sector.

Links from a page to snippets and to other pages are rows of small orderable models. wagtail-localize
copies those rows unchanged into the English page, so they may point to German objects; the pages
show each linked object in the page's own language through `localization.linked.in_locale`."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from core.context import lazy
from core.models import ChildIndexPage, IntroBodyPage
from core.serving import default_locale
from localization.linked import in_locale, linked_in_locale

from ..blocks import KeyFiguresBlock
from ..forms import CompanyFilterForm
from .companies import Company, company_cards, company_page_context
from .competences import Competence, labels_in_locale, matching_competences
from .networks import NetworkSector
from .snippets import ContactPerson


class FocusSectorIndexPage(ChildIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.FocusSectorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("focus sector index")


class FocusSectorPage(IntroBodyPage):
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
        # Other content than the page's own: computed only when its cached fragment is rendered.
        people = ContactPerson.objects.select_related("photo")
        context["contact_persons"] = lazy(
            lambda: linked_in_locale(self.contact_links.all(), "contact_person", self.locale, people)
        )
        context["companies"] = lazy(lambda: companies_of_sector(self, self.locale, request=request))
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


def companies_of_sector(sector, locale, limit=50, request=None):
    """Companies whose German version is linked to the sector, in `locale` where translated."""
    companies = (
        Company.objects.live()
        .filter(locale=default_locale(request), sectors__translation_key=sector.translation_key)
        .order_by("name")[:limit]
    )
    return in_locale(companies, locale, Company.objects.live())


class SectorContactPerson(Orderable):
    page = ParentalKey(FocusSectorPage, on_delete=models.CASCADE, related_name="contact_links")
    contact_person = models.ForeignKey(
        "network.ContactPerson", on_delete=models.CASCADE, related_name="+", verbose_name=_("contact person")
    )

    panels = [FieldPanel("contact_person", help_text=_("Someone companies can contact about this."))]


class CompanyDirectoryPage(RoutablePageMixin, IntroBodyPage):
    """All companies, filterable by sector, competence, district and size and searchable by name and
    competence; below it, each company's own page (`<address>/`)."""

    per_page = 24

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("company directory")

    def get_context(self, request, *args, company=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sectors = list(FocusSectorPage.objects.live().filter(locale=self.locale).order_by("title"))
        german = default_locale(request)
        if company is not None:
            labels = labels_in_locale(company.competences.all(), self.locale)
            context.update(company_page_context(company, self, request, sectors, labels))
            return context
        # The competences of the listed (German) companies, labelled in the page's language.
        labels = labels_in_locale(
            Competence.objects.filter(companies__locale=german, companies__live=True), self.locale
        )
        query = request.GET
        if query.get("competence") in labels.slugs:
            # A competence's slug in the other language (a link from the other site) means the same.
            query = query.copy()
            query["competence"] = labels.slugs[query["competence"]]
        form = CompanyFilterForm(
            query or None,
            sectors=sectors,
            competences=labels.grouped_choices(),
        )
        # Logos joined and their renditions prefetched: no query per company card.
        companies = Company.objects.live().filter(locale=german).select_related("logo").order_by("name")
        companies = companies.prefetch_related("logo__renditions")
        if form.is_bound and not form.is_valid():
            # A choice that no longer exists (an old link): its error, and no list that ignores it.
            companies = companies.none()
        elif form.is_bound:
            companies = self.filtered(companies, form.cleaned_data, sectors, labels)
        paginator = Paginator(companies.distinct(), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context["filter_form"] = form
        context["page_obj"] = page_obj
        context["companies"] = company_cards(list(page_obj.object_list), self.locale, sectors, labels)
        base = self.get_url(request)
        for card in context["companies"]:
            if card["slug"]:
                card["url"] = base + self.reverse_subpage("company", kwargs={"slug": card["slug"]})
        context["querystring"] = _querystring_without_page(request)
        return context

    @staticmethod
    def filtered(companies, data, sectors, labels):
        if data["q"]:
            # Names, competences and their synonyms are searched in both languages; the list
            # shows the German version's relations.
            keys = Company.objects.live().filter(name__icontains=data["q"]).values("translation_key")
            competences = matching_competences(data["q"]).values("translation_key")
            companies = companies.filter(Q(translation_key__in=keys) | Q(competences__translation_key__in=competences))
        if data["sector"]:
            sector = next(s for s in sectors if s.slug == data["sector"])
            companies = companies.filter(sectors__translation_key=sector.translation_key)
        if data["competence"]:
            key = next(key for key, label in labels.items() if label.slug == data["competence"])
            companies = companies.filter(competences__translation_key=key)
        if data["district"]:
            companies = companies.filter(district=data["district"])
        if data["size"]:
            companies = companies.filter(size=data["size"])
        return companies

    def route(self, request, path_components):
        """Other apps serve addresses below the directory before its company pages (the company
        representatives' access, /de/unternehmen/zugang/…): each `route_below_company_directory`
        hook gets (directory, request, path components) and answers (view, args, kwargs) or None."""
        if self.live and path_components:
            for hook in hooks.get_hooks("route_below_company_directory"):
                found = hook(self, request, path_components)
                if found is not None:
                    return RouteResult(self, args=found)
        return super().route(request, path_components)

    @path("<slug:slug>/", name="company")
    def company_page(self, request, slug):
        """A company's own page, in the directory's language (the German text where there is no
        translation yet)."""
        german = default_locale(request)
        company = (
            Company.objects.live()
            .filter(locale=german, slug=slug)
            .select_related("logo", "contact_person__photo")
            .prefetch_related("logo__renditions")
            .first()
        )
        if company is None:
            raise Http404
        return self.render(request, company=company, template="network/company_page.html")

    def company_url(self, company, request=None):
        return self.get_url(request) + self.reverse_subpage("company", kwargs={"slug": company.slug})


def _querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
