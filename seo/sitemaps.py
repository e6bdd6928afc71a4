import datetime
from collections import defaultdict
from urllib.parse import quote

from django.conf import settings
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.serving import public, site_data
from pagecache.cache import cached_fragment

# What a sitemap entry needs of a page (as Wagtail's Sitemap.lastmod: published, else last revised).
PAGE_FIELDS = (
    "pk",
    "url_path",
    "translation_key",
    "locale__language_code",
    "last_published_at",
    "latest_revision_created_at",
)


class LocalizedSitemap(Sitemap):
    """Every live page of both language trees, each with its translations as hreflang
    alternates. Pages are not made specific: the URL and dates are on the base model.

    /sitemap.xml is the index of its pages of `limit` URLs each (/sitemap-pages.xml?p=2 …), so each
    answer costs the same few queries however large the archive grows. 500 (of the protocol's
    50,000) keeps an answer about 160 KB and about 50 ms to write after a content change."""

    limit = 500

    def items(self):
        in_a_language_tree = Q()
        for home in site_data(self.request).homes.values():
            in_a_language_tree |= Q(path__startswith=home.path)
        return public(Page.objects.live().filter(in_a_language_tree), self.request).order_by("path")

    @property
    def paginator(self):
        """Django's paginator, with the count of pages read once per content change (pagecache.cache):
        counting every live page was most of the index's cost."""
        paginator = super().paginator
        paginator.count = cached_fragment(self.request, "sitemap-count", self.items().count)
        return paginator

    def get_latest_lastmod(self):
        """For the index: one aggregate instead of Django's loop over every page, once per
        content change."""
        return cached_fragment(
            self.request,
            "sitemap-lastmod",
            lambda: self.items().aggregate(latest=Max("last_published_at"))["latest"],
        )

    def _url_maker(self):
        """A page's row -> its full URL, as `Page.get_full_url` gives it, without resolving the site and
        reversing a URL pattern for each of a sitemap page's thousands of links: the language's
        address of its home page plus the rest of the page's `url_path`, quoted as `reverse`
        quotes it."""
        data = site_data(self.request)
        bases = []
        for code, home in data.homes.items() if data.site else ():
            with translation.override(code):
                bases.append((home.url_path, data.site.root_url + reverse("wagtail_serve", args=("",))))
        append_slash = getattr(settings, "WAGTAIL_APPEND_SLASH", True)

        def full_url(row):
            for root_path, base in bases:
                if row["url_path"].startswith(root_path):
                    url = base + quote(row["url_path"][len(root_path) :], safe="!$&'()*+,;=/~:@")
                    return url if append_slash or url == base else url.rstrip("/")
            return Page.objects.get(pk=row["pk"]).get_full_url(self.request)

        return full_url

    def _urls(self, page, protocol, domain):
        # Rows, not Page objects: making two thousand model instances was most of the work.
        full_url = self._url_maker()
        pages = list(self.paginator.page(page).object_list.values(*PAGE_FIELDS))
        translations = defaultdict(list)
        for other in (
            public(Page.objects.live(), self.request)
            .filter(translation_key__in={p["translation_key"] for p in pages})
            .order_by("locale__language_code")
            .values(*PAGE_FIELDS)
        ):
            translations[other["translation_key"]].append(other)

        urls = []
        for item in pages:
            alternates = [
                {"lang_code": other["locale__language_code"], "location": full_url(other)}
                for other in translations[item["translation_key"]]
            ]
            urls.append(
                {
                    "item": item,
                    "location": full_url(item),
                    "lastmod": item["last_published_at"] or item["latest_revision_created_at"],
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls


class SitemapXml:
    """Django's `sitemap.xml` template written out in Python, for Django's sitemap view (which
    takes any object with the template's `render`). The same bytes as the template (a test
    compares them); the template engine spent most of a sitemap page's 290 ms on its
    thousand entries and their alternates."""

    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )

    def render(self, context=None, request=None):
        parts = [self.head]
        for url in (context or {}).get("urlset", ()):
            parts.append(f"<url><loc>{escape(url['location'])}</loc>")
            if url.get("lastmod"):
                parts.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
            if url.get("changefreq"):
                parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
            if url.get("priority"):
                parts.append(f"<priority>{escape(url['priority'])}</priority>")
            for alternate in url.get("alternates", ()):
                parts.append(
                    f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
                    f'href="{escape(alternate["location"])}"/>'
                )
            parts.append("</url>")
        parts.append("\n</urlset>\n")
        return "".join(parts)


def _day(value):
    """As the template's `{{ value|date:"Y-m-d" }}`: a moment on the day it is in the current time zone."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")
