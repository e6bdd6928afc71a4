"""The queries that list news articles, as methods of the article pages' manager:
`NewsArticlePage.objects.visible_in(locale_id).linked_to(sector).with_card_images()`.

Written without importing the models of this app, so that whatever is handed a query of
articles (the feeds, the template tags) reads them through these methods alone."""

from django.db.models import Exists, OuterRef, Q

from wagtail.models import Page, PageManager, PageQuerySet

from core.serving import public


class NewsArticleQuerySet(PageQuerySet):
    def visible_in(self, locale_id, request=None):
        """The live articles of a language that a visitor may read (`request`: the one being
        served, whose site data knows the restricted pages)."""
        return public(self.live().filter(locale_id=locale_id), request)

    def with_card_images(self):
        """Articles ready for a list: lead images joined and their renditions prefetched, newest first."""
        return (
            self.defer_streamfields()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-pk")
        )

    def ordered_keys(self):
        """The primary keys of the articles in list order, newest first."""
        return self.order_by("-date", "-pk").values_list("pk", flat=True)

    # Filters written as EXISTS for each article rather than "id IN (all linked articles)": lists
    # read articles newest first and stop after a page, so the database checks a few dozen
    # articles' links instead of collecting the thousands of articles a sector has.

    def _links(self, relation):
        """The link model behind one of the article's inline relations (e.g. "sector_links")."""
        return self.model._meta.get_field(relation).related_model

    def _has_link(self, relation, field, translation_keys):
        links = self._links(relation).objects.filter(
            article_id=OuterRef("pk"), **{f"{field}__translation_key__in": translation_keys}
        )
        return Q(Exists(links))

    def linked_to(self, page):
        """Articles related to this focus sector or network page or one of its translations."""
        from network.models import NetworkPage

        translations = Page.objects.filter(translation_key=page.translation_key).values("pk")
        if isinstance(page, NetworkPage):
            # A network has a few articles: PostgreSQL starts from its links.
            links = self._links("network_links").objects.filter(network_id__in=translations)
        else:
            # A sector has thousands. Named by value as well, the page lets PostgreSQL expect
            # that and read the newest articles first instead of collecting every link of the sector.
            links = self._links("sector_links").objects.filter(Q(sector_id=page.pk) | Q(sector_id__in=translations))
        return self.filter(Exists(links.filter(article_id=OuterRef("pk"))))

    def tagged_any(self, translation_keys):
        return self.filter(self._has_link("tag_links", "tag", translation_keys))

    def sharing_sector_or_tag(self, sector_keys, tag_keys):
        return self.filter(
            self._has_link("sector_links", "sector", sector_keys) | self._has_link("tag_links", "tag", tag_keys)
        )

    def newest(self, limit=3):
        """The newest `limit` articles with lead images ready for rendering (articles, renditions:
        two queries however many articles there are)."""
        return list(self.with_card_images()[:limit])

    def newest_for(self, page, limit=3, request=None):
        """The newest live articles of `page`'s locale related to it (a FocusSectorPage or a
        NetworkPage of any locale); three queries (view restrictions outside a request, articles
        with their images, renditions)."""
        return self.visible_in(page.locale_id, request).linked_to(page).newest(limit)


NewsArticleManager = PageManager.from_queryset(NewsArticleQuerySet)
