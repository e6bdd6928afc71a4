"""The company pages in the sitemap: sub-routes of the company directory, which Wagtail's page
sitemap cannot see (seo/views.py takes this section from the `register_sitemap_section` hook)."""

from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap

from core.serving import default_locale, public, site_data

from .models import Company, CompanyDirectoryPage


class CompanySitemap(Sitemap):
    """Every company page of every public company directory, each with its other languages'
    addresses as hreflang alternates. Three queries, however many companies."""

    limit = 500

    def items(self):
        """The German companies (their pages exist in every language), none where the site has
        no public directory."""
        if not self.directories:
            return []
        return list(
            Company.objects.live().filter(locale=default_locale(self.request)).exclude(slug="").order_by("name", "pk")
        )

    @cached_property
    def directories(self):
        """(language code, directory page) of the public, live directories of this site, German first."""
        homes = site_data(self.request).homes.values()
        directories = [
            directory
            for directory in public(CompanyDirectoryPage.objects.live(), self.request).select_related("locale")
            if any(directory.path.startswith(home.path) for home in homes)
        ]
        return sorted(((d.locale.language_code, d) for d in directories), key=lambda pair: pair[0])

    def get_latest_lastmod(self):
        return None

    def _urls(self, page, protocol, domain):
        directories = self.directories
        bases = [(code, directory.get_full_url(self.request)) for code, directory in directories]
        urls = []
        for company in self.paginator.page(page).object_list:
            route = directories[0][1].reverse_subpage("company", kwargs={"slug": company.slug}) if bases else ""
            locations = [(code, base + route) for code, base in bases]
            alternates = [{"lang_code": code, "location": location} for code, location in locations]
            for _code, location in locations:
                urls.append(
                    {
                        "item": company,
                        "location": location,
                        "lastmod": None,
                        "changefreq": None,
                        "priority": None,
                        "alternates": alternates if len(alternates) > 1 else [],
                    }
                )
        return urls
