import functools

from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps.views import index as wagtail_sitemap_index
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .sitemaps import LocalizedSitemap, SitemapXml


def page_not_found(request, exception=None):
    """A styled 404 in the language of the URL's prefix."""
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    """Renders without a request context: no database, no template tags that need one."""
    return HttpResponseServerError(loader.get_template("500.html").render())


@require_GET
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


@functools.lru_cache(maxsize=8)
def _reference_page(size):
    head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reference</title></head><body><p>'
    tail = "</p></body></html>"
    return head + "x" * max(size - len(head) - len(tail), 0) + tail


def bench_reference(request):
    """A constant page of the requested size through the whole middleware stack and no
    database: the ceiling `make bench` compares the pages with (only served when
    BENCH_REFERENCE_VIEW=1)."""
    try:
        size = min(int(request.GET.get("bytes", "")), 2_000_000)
    except ValueError:
        size = 20_000
    return HttpResponse(_reference_page(size))
