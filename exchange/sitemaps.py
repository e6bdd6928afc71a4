"""The public entries in the sitemap: sub-routes of the exchange pages, which Wagtail's page
sitemap cannot see (seo/views.py takes this section from the `register_sitemap_section` hook)."""

from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap

from core.serving import public, site_data

from .models import Entry, ExchangeIndexPage


class ExchangeSitemap(Sitemap):
    """Every public entry of every public exchange page of this site (an entry exists in the
    language it was posted in only: no alternates). Two queries, however many entries."""

    limit = 500

    @cached_property
    def pages(self):
        """{pk: page} of the public, live exchange pages of this site."""
        homes = site_data(self.request).homes.values()
        return {
            page.pk: page
            for page in public(ExchangeIndexPage.objects.live(), self.request)
            if any(page.path.startswith(home.path) for home in homes)
        }

    def items(self):
        if not self.pages:
            return []
        return list(Entry.objects.public().filter(page__in=list(self.pages)).order_by("pk"))

    def get_latest_lastmod(self):
        return None

    def _urls(self, page, protocol, domain):
        urls = []
        for entry in self.paginator.page(page).object_list:
            exchange = self.pages[entry.page_id]
            location = exchange.get_full_url(self.request) + exchange.reverse_subpage(
                "exchange_entry", kwargs={"pk": entry.pk, "slug": entry.slug}
            )
            urls.append(
                {
                    "item": entry,
                    "location": location,
                    "lastmod": entry.last_published_at,
                    "changefreq": None,
                    "priority": None,
                    "alternates": [],
                }
            )
        return urls
