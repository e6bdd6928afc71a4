"""News: the index of each language, the articles and their translatable tags. The queries
that list articles are methods of the articles' manager (news.queries).

Relations to sectors, networks and tags are copied unchanged into translations by
wagtail-localize (they point at the German source objects, or at whatever an editor chose).
They are therefore always resolved by `translation_key` in the locale of the page being
shown: an English article shows English sectors and English tag names, in one query per list."""

from array import array

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from core.context import lazy
from core.models import BasePage, IntroPage
from core.pagination import paginate
from localization.linked import keyed_in_locale
from pagecache.cache import per_content_change

from .blocks import NewsBodyBlock
from .feeds import article_feed
from .forms import NewsArticleForm, NewsFilterForm
from .queries import NewsArticleManager
from .structured_data import article_json_ld

CARD_IMAGE = "fill-480x270"
ARTICLES_PER_PAGE = 12
RELATED_ARTICLES = 3


class NewsTag(TranslatableMixin, index.Indexed, models.Model):
    """A topic of articles. A snippet rather than a taggit tag, so translators give each
    tag an English name and address."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        blank=True,
        help_text=_("Used in the address of the filtered news list; filled in from the name when left empty."),
    )

    panels = [
        FieldPanel("name", help_text=_("One or two words; the tag's address is made from it.")),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = slugify(self.slug or self.name)
        super().save(*args, **kwargs)


def filter_keys(active):
    """The active filters as text ("sector=automotive"), for cache keys."""
    return [f"{name}={getattr(value, 'slug', value)}" for name, value in sorted(active.items())]


class NewsIndexPage(RoutablePageMixin, IntroPage):
    """The news of one language: a filterable list and its RSS feeds."""

    # The header links to it and the site's feed is its feed (navigation.chrome).
    navigation_role = "news_index"

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences above the list."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def articles(self, request=None):
        return NewsArticlePage.objects.visible_in(self.locale_id, request).child_of(self)

    def sector_choices(self):
        from network.models import FocusSectorPage

        return list(FocusSectorPage.objects.live().filter(locale_id=self.locale_id).order_by("title"))

    @per_content_change("news-filter-choices", key=lambda page: [page.pk])
    def filter_choices(self, request):
        """What the visitor can filter by: the sectors and tags of this language, and the
        years that have articles; the same for every visitor until content changes (the year
        list reads every article), for the list and its feeds."""
        return {
            "sectors": self.sector_choices(),
            "tags": list(NewsTag.objects.filter(locale_id=self.locale_id)),
            "years": [day.year for day in self.articles(request).order_by().dates("date", "year", order="DESC")],
        }

    def active_filters(self, request, choices):
        """The valid filters in the query string; unknown values are ignored, never an error."""
        sectors = {sector.slug: sector for sector in choices["sectors"]}
        tags = {tag.slug: tag for tag in choices["tags"]}
        active = {}
        if request.GET.get("sector") in sectors:
            active["sector"] = sectors[request.GET["sector"]]
        if request.GET.get("tag") in tags:
            active["tag"] = tags[request.GET["tag"]]
        years = {str(year): year for year in choices["years"]}
        if request.GET.get("year") in years:
            active["year"] = years[request.GET["year"]]
        return active

    def filtered_articles(self, active, request=None):
        articles = self.articles(request)
        if "sector" in active:
            articles = articles.linked_to(active["sector"])
        if "tag" in active:
            articles = articles.tagged_any([active["tag"].translation_key])
        if "year" in active:
            articles = articles.filter(date__year=active["year"])
        return articles

    @per_content_change("news-order", key=lambda page, active: [page.pk, *filter_keys(active)])
    def article_order(self, request, active):
        """The keys of the filtered articles in list order (an array: quick to load)."""
        return array("q", self.filtered_articles(active, request).ordered_keys())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        choices = self.filter_choices(request)
        active = self.active_filters(request, choices)
        filters = filter_keys(active)
        # Counting and sorting thousands of articles for every page of the list (and crawlers read
        # every page) is most of its cost: the order of the list is read once per content change
        # (as an array, which is quick to load), and a page reads its own twelve articles by key.
        keys = self.article_order(request, active)
        page = paginate(request, keys, ARTICLES_PER_PAGE)
        page_keys = list(page)

        def cards():
            found = {
                article.pk: article for article in self.articles(request).filter(pk__in=page_keys).with_card_images()
            }
            return [found[key] for key in page_keys if key in found]

        # The filter form and the cards are cached as fragments per filter (and page number).
        context.update(
            active_filters=active,
            filter_form=lazy(lambda: NewsFilterForm(choices, active)),
            articles=page,
            article_cards=lazy(cards),
            filters_key="|".join(filters),
            cards_key="|".join([*filters, str(page.number)]),
        )
        return context

    @path("feed/")
    def feed(self, request):
        return article_feed(self, request)


class NewsArticlePage(BasePage):
    search_result_date = "date"

    date = models.DateField(
        _("publication date"), default=timezone.localdate, help_text=_("Shown with the article; sets its order.")
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=500,
        help_text=_("One or two sentences shown in lists and feeds; also the description for search engines."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead image"),
    )
    lead_image_alt = models.CharField(
        _("alt text of the lead image"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it. Required with a lead image."),
    )
    body = StreamField(NewsBodyBlock(), blank=True, verbose_name=_("body"))
    contact_person = models.ForeignKey(
        "network.ContactPerson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("press contact"),
    )

    base_form_class = NewsArticleForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "lead_image",
                    help_text=_("Shown above the article and in lists. Landscape, at least 1200 × 675 pixels."),
                ),
                FieldPanel("lead_image_alt"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
        InlinePanel("tag_links", heading=_("Tags"), label=_("Tag")),
        InlinePanel("sector_links", heading=_("Focus sectors"), label=_("Focus sector")),
        InlinePanel("network_links", heading=_("Networks"), label=_("Network")),
        FieldPanel("contact_person", help_text=_("Who answers questions about this article; shown below it.")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("teaser", boost=1.5),
        index.SearchField("body"),
        index.SearchField("tag_names"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = NewsArticleManager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # Lists, feeds, previous/next and related articles all read the newest first.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_article_date_idx")]

    @property
    def summary_text(self):
        return self.teaser

    @property
    def listing_image(self):
        return self.lead_image

    NOTHING_TO_READ = _(
        "An article needs a text or a lead image before it can be approved or published: "
        "add a text block under 'Body' or choose a lead image."
    )

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError({"lead_image_alt": _("Describe what the lead image shows.")})
        # A live article is a card in the news grid and a page of its own: never an empty one.
        if self.live and not self.body and not self.lead_image_id:
            raise ValidationError(self.NOTHING_TO_READ)

    # Relations, resolved in this article's locale

    # Shown with the article without further queries (core.serving).
    select_related_when_served = ("lead_image", "contact_person")

    def _linked_keys(self, relation, field):
        links = getattr(self, relation).all()
        if isinstance(links, models.QuerySet):
            # A subquery: the list of objects in this locale is then one query, not two.
            return links.order_by().values(f"{field}__translation_key")
        # A preview keeps unsaved links in memory.
        return [getattr(link, field).translation_key for link in links if getattr(link, f"{field}_id")]

    def tags(self, keys=None):
        keys = self._linked_keys("tag_links", "tag") if keys is None else keys
        return list(keyed_in_locale(NewsTag, keys, self.locale_id, live=False))

    def tag_names(self):
        return " ".join(tag.name for tag in self.tags())

    def siblings(self, request=None):
        return NewsArticlePage.objects.visible_in(self.locale_id, request).exclude(pk=self.pk).defer_streamfields()

    def neighbours(self, request=None):
        """The next older and the next newer article of the same language (one query)."""
        siblings = self.siblings(request)
        # "date <= d and not (date = d and pk >= p)" rather than "date < d or (date = d and
        # pk < p)": the same articles, but the date index then starts right at this article.
        older = siblings.filter(date__lte=self.date).exclude(date=self.date, pk__gte=self.pk).order_by("-date", "-pk")
        newer = siblings.filter(date__gte=self.date).exclude(date=self.date, pk__lte=self.pk).order_by("date", "pk")
        previous = following = None
        for article in siblings.filter(
            Q(pk=Subquery(older.values("pk")[:1])) | Q(pk=Subquery(newer.values("pk")[:1]))
        ):
            if (article.date, article.pk) < (self.date, self.pk):
                previous = article
            else:
                following = article
        return previous, following

    def related_articles(self, sector_keys, tag_keys, request=None):
        """Newest articles sharing a focus sector or a tag with this one."""
        return self.siblings(request).sharing_sector_or_tag(sector_keys, tag_keys).newest(RELATED_ARTICLES)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from network.models import FocusSectorPage, NetworkPage

        def sector_keys():
            return self._linked_keys("sector_links", "sector")

        def tag_keys():
            return self._linked_keys("tag_links", "tag")

        # Other content than the article's own: computed only when its cached fragment renders.
        neighbours = lazy(lambda: self.neighbours(request))
        context.update(
            news_index=self.get_parent(),
            sectors=lazy(lambda: list(keyed_in_locale(FocusSectorPage, sector_keys(), self.locale_id))),
            networks=lazy(
                lambda: list(
                    keyed_in_locale(NetworkPage, self._linked_keys("network_links", "network"), self.locale_id)
                )
            ),
            tags=lazy(lambda: self.tags(tag_keys())),
            related_articles=lazy(lambda: self.related_articles(sector_keys(), tag_keys(), request)),
            previous_article=lazy(lambda: neighbours[0]),
            next_article=lazy(lambda: neighbours[1]),
            structured_data=lazy(lambda: article_json_ld(self, request)),
        )
        return context


class NewsArticleTag(Orderable):
    article = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="+", verbose_name=_("tag"))

    panels = [FieldPanel("tag", help_text=_("A topic the article is about."))]

    class Meta(Orderable.Meta):
        verbose_name = _("tag")


class NewsArticleSector(Orderable):
    article = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="sector_links")
    sector = models.ForeignKey(
        "network.FocusSectorPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("focus sector")
    )

    panels = [FieldPanel("sector", help_text=_("A focus sector the article concerns."))]

    class Meta(Orderable.Meta):
        verbose_name = _("focus sector")


class NewsArticleNetwork(Orderable):
    article = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="network_links")
    network = models.ForeignKey(
        "network.NetworkPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )

    panels = [FieldPanel("network", help_text=_("A network the article concerns."))]

    class Meta(Orderable.Meta):
        verbose_name = _("network")
