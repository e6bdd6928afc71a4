from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail import hooks
from wagtail.contrib.sitemaps.views import index as wagtail_sitemap_index
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from pagecache.cache import cached_fragment
from seo.sitemaps import LocalizedSitemap, SitemapXml


@require_safe
@cache_control(max_age=3600)
def robots_txt(request):
    """Every public page may be crawled; search result pages say noindex themselves. The admin
    is not named: its path is configurable (ADMIN_PATH) and it says noindex too."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow:", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def sitemaps():
    """The pages, and the sections apps add for addresses that are not pages of their own (a
    routable page's sub-routes): each `register_sitemap_section` hook returns {name: Sitemap class}."""
    sections = {"pages": LocalizedSitemap}
    for hook in hooks.get_hooks("register_sitemap_section"):
        sections.update(hook())
    return sections


def sitemap_index(request):
    """/sitemap.xml: the list of the sitemap's pages (robots.txt points here); a section with
    nothing in it on this site is left out."""

    def render():
        # Each section counts its addresses: a query or two each, read once per content change.
        sections = {name: section(request) for name, section in sitemaps().items()}
        sections = {name: section for name, section in sections.items() if name == "pages" or section.paginator.count}
        response = wagtail_sitemap_index(request, sitemaps=sections, sitemap_url_name="sitemap_section")
        response.render()
        kept = ("Content-Type", "X-Robots-Tag", "Last-Modified")
        return response.content, {name: response[name] for name in kept if response.has_header(name)}

    content, headers = cached_fragment(request, "sitemap-index", render)
    return HttpResponse(content, headers=headers)


def sitemap(request, section):
    """One page of a sitemap section, e.g. /sitemap-pages.xml?p=2."""
    return wagtail_sitemap(request, sitemaps=sitemaps(), section=section, template_name=SitemapXml())
