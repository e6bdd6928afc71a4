from collections import defaultdict

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    """Every live page of both language trees, each with its translations as hreflang
    alternates. Pages are not made specific: the URL and dates are on the base model."""

    def items(self):
        site = self.get_wagtail_site()
        in_a_language_tree = Q()
        for root in Page.objects.filter(translation_key=site.root_page.translation_key):
            in_a_language_tree |= Q(path__startswith=root.path)
        return Page.objects.live().public().filter(in_a_language_tree).select_related("locale").order_by("path")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for other in (
            Page.objects.live()
            .public()
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
