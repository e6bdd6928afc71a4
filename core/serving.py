"""Serving a page in few queries.

Wagtail finds a page by walking the tree from the site's root: the site, the active locale, the
localized home page, then two queries per level (the child by its slug, then its specific
page); an article costs seven queries before it renders anything, two more for its view
restrictions and one for the ancestors in its breadcrumbs. Here instead:

- what every request needs and hardly ever changes – the request's site, the locales, the
  site root's translations (each language's home page) and the paths of pages with view
  restrictions – is read once per content generation and kept with the fragments (pagecache.cache);
- each language's home page routes the path below it with `find_route` (`BasePage.route()`,
  the place Wagtail documents for a faster lookup): the page, all its ancestors and its live
  translations (for the language switcher) by their `url_path` in one query, and the page made
  specific in one more. Pages with a `route()` of their own on the way (routable pages) route
  the rest of the path as Wagtail would. What the lookup learnt is handed to the page as
  `page.routing` (a `Routing`), which `BasePage.get_context` passes on to templates;
- `serve` is Wagtail's serve view with the site and the route found above filled in beforehand
  (upstream), which spares the queries for the site and the home page;
- the view restriction check and `public()` use the cached paths.

Functions that need the site data take the request; called without one (a management
command, a signal handler) they ask the database as Wagtail would.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

import upstream
from pagecache.cache import cached_fragment, is_cacheable_request


@dataclass
class SiteData:
    site: Site | None
    locales: dict  # id -> Locale
    homes: dict  # language code -> the site root's translation (a plain Page)
    restricted_paths: tuple  # tree paths of pages with view restrictions
    root_paths: list  # Site.get_site_root_paths(), which Wagtail would read from the cache


def _read_site_data(request):
    site = upstream.find_site_uncached(request)
    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    wanted = Q(Exists(restricted))
    if site is not None:
        wanted |= Q(translation_key=site.root_page.translation_key)
    # One query for the home pages and the pages with view restrictions (a home may be both).
    homes, paths = {}, []
    for page in Page.objects.filter(wanted).annotate(restricted=Exists(restricted)).select_related("locale"):
        if page.restricted:
            paths.append(page.path)
        if site is not None and page.translation_key == site.root_page.translation_key:
            homes[page.locale.language_code] = page
    # Every locale of the site has its home page: their locales are the ones pages here have.
    locales = {home.locale_id: home.locale for home in homes.values()}
    return SiteData(site, locales, homes, tuple(paths), Site.get_site_root_paths())


def site_data(request):
    """This request's SiteData, read once per content generation."""
    if not hasattr(request, "_site_data"):
        request._site_data = cached_fragment(request, "site-data", lambda: _read_site_data(request))
        # Where Page.get_url looks for them first (one cache round trip less per request).
        upstream.prefill_site_root_paths(request, request._site_data.root_paths)
    return request._site_data


def _site_data_or_none(request):
    return site_data(request) if request is not None else None


@dataclass
class Routing:
    """What finding a page by its path learnt about it, kept with the page for its context."""

    ancestors: list  # the pages above it, from the tree's root down (plain Pages)
    # Live translations by language code (plain Pages), or None where the lookup did not read them.
    translations: dict | None = None
    # No view restriction can apply: none at or above the page, no alias on the way.
    unrestricted: bool = False
    extra: dict = field(default_factory=dict)


def public(pages, request=None):
    """`pages.public()`, without a query for the view restrictions while serving `request`."""
    data = _site_data_or_none(request)
    if data is None:
        return pages.public()
    for path in data.restricted_paths:
        pages = pages.exclude(path__startswith=path)
    return pages


def default_locale(request=None):
    """Locale.get_default(), without a query while serving `request`."""
    data = _site_data_or_none(request)
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for locale in data.locales.values() if data else ():
        if locale.language_code == code:
            return locale
    return Locale.get_default()


def _unrestricted(data, page, ancestors):
    """True when no view restriction can apply to `page`, judged without a query: no
    restricted page above it or at it, and no alias on the way (aliases take their source's
    restrictions)."""
    if page.alias_of_id or any(a.alias_of_id for a in ancestors):
        return False
    return not any(page.path.startswith(path) for path in data.restricted_paths)


def _has_own_route(page, remaining):
    """Whether `page` (a plain Page) would route `remaining` itself rather than pass it on to
    its child: a routable page whose routes match the rest of the path, or any other route()."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    if model is None or model.route is Page.route or getattr(model.route, "finds_below_home", False):
        return False
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Http404:
            return False
    return True


def _language_home(data):
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        language = None
    return data.homes.get(language) or data.site.root_page


def find_route(request, home, components):
    """What Wagtail's routing returns for the path `components` below `home`, a language's home
    page (a RouteResult; Http404 when nothing is found)."""
    data = site_data(request)
    # The page a path leads to, with its ancestors, changes only with content: found once per
    # content generation for anonymous visitors (editors and form posts read it afresh). Each
    # request unpickles a page of its own and routes the rest of the path itself.
    if is_cacheable_request(request):
        key = f"{home.pk}/" + "/".join(components)
        found = cached_fragment(request, "route", lambda: _find_page(data, home, components), key)
    else:
        found = _find_page(data, home, components)
    if found is None:
        raise Http404
    page, routed_depth = found
    # A page found here has its `routing`, so its route() goes on as Wagtail's would (for the
    # home page: nothing below it matched, or it routes the rest itself).
    return page.route(request, components[routed_depth:])


def _find_page(data, home, components):
    """The specific page the deepest matching part of `components` leads to below `home`, with
    what the lookup learnt (`page.routing`), and how many components lead to it (None when no
    page matches)."""
    url_paths = [
        home.url_path + "".join(f"{part}/" for part in components[:depth]) for depth in range(len(components) + 1)
    ]
    on_the_way = Q(url_path__in=url_paths, path__startswith=home.path)
    # In the same query: the live translations of the deepest page on the way, which the
    # language switcher links to (the page found is that one unless a routable page stops sooner).
    deepest_key = Page.objects.filter(on_the_way).order_by("-depth").values("translation_key")[:1]
    rows = list(Page.objects.filter(on_the_way | Q(translation_key=Subquery(deepest_key), live=True)))
    found = {page.url_path: page for page in rows if page.path.startswith(home.path)}
    chain = []
    for depth, url_path in enumerate(url_paths):
        page = found.get(url_path)
        parent = chain[-1] if chain else None
        if page is None or (parent and not (page.path.startswith(parent.path) and page.depth == parent.depth + 1)):
            break
        if parent and _has_own_route(parent, components[depth - 1 :]):
            break
        chain.append(page)
    if not chain:
        return None
    found_page = chain[-1]
    related = getattr(found_page.specific_class, "select_related_when_served", ())
    if related:
        page = found_page.specific_class._default_manager.select_related(*related).get(pk=found_page.pk)
    else:
        page = found_page.specific
    page.routing = Routing(ancestors=chain[:-1], unrestricted=_unrestricted(data, found_page, chain[:-1]))
    if found_page.depth == max(row.depth for row in found.values()):  # its translations were read
        page.routing.translations = {}
        for row in rows:
            if row.translation_key == page.translation_key and row.live and row.locale_id in data.locales:
                row.locale = data.locales[row.locale_id]
                page.routing.translations[row.locale.language_code] = row
    if len(chain) > 1:
        upstream.prefill_parent(page, chain[-2])
    if page.locale_id in data.locales:
        page.locale = data.locales[page.locale_id]
    return page, len(chain) - 1


def serve(request, path):
    """Wagtail's serve view, with the site and the page found by `find_route` filled in: what
    Wagtail's own `Page.route_for_request` would find through the home page's `route()`, without
    its queries for the site and the home page."""
    from wagtail.views import serve as wagtail_serve

    data = site_data(request)
    if data.site is not None:
        upstream.prefill_site(request, data.site)
        components = [component for component in path.split("/") if component]
        try:
            result = find_route(request, _language_home(data), components)
        except Http404:
            result = None
        upstream.prefill_route(request, result)
    return wagtail_serve(request, path)
