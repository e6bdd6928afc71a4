from collections import defaultdict

from django.db.models import Max, Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .serving import public, site_data


class LocalizedSitemap(Sitemap):
    """Every live page of both language trees, each with its translations as hreflang
    alternates. Pages are not made specific: the URL and dates are on the base model.

    /sitemap.xml is the index of its pages of `limit` URLs each (/sitemap-pages.xml?p=2 …), so each
    answer costs the same few queries however large the archive grows."""

    limit = 1000

    def items(self):
        in_a_language_tree = Q()
        for home in site_data(self.request).homes.values():
            in_a_language_tree |= Q(path__startswith=home.path)
        return public(Page.objects.live().filter(in_a_language_tree)).select_related("locale").order_by("path")

    def get_latest_lastmod(self):
        """For the index: one aggregate instead of Django's loop over every page."""
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for other in (
            public(Page.objects.live())
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations[other.translation_key].append(other)

        urls = []
        for item in pages:
            alternates = [
                {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                for other in translations[item.translation_key]
            ]
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls
