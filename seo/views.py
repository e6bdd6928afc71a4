from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps.views import index as wagtail_sitemap_index
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from seo.sitemaps import LocalizedSitemap, SitemapXml


@require_safe
@cache_control(max_age=3600)
def robots_txt(request):
    """Every public page may be crawled; search result pages say noindex themselves. The admin
    is not named: its path is configurable (ADMIN_PATH) and it says noindex too."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow:", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


SITEMAPS = {"pages": LocalizedSitemap}


def sitemap_index(request):
    """/sitemap.xml: the list of the sitemap's pages (robots.txt points here)."""
    return wagtail_sitemap_index(request, sitemaps=SITEMAPS, sitemap_url_name="sitemap_section")


def sitemap(request, section):
    """One page of a sitemap section, e.g. /sitemap-pages.xml?p=2."""
    return wagtail_sitemap(request, sitemaps=SITEMAPS, section=section, template_name=SitemapXml())
