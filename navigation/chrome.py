"""What every page shows of the site around it, in the language being shown: the home pages of
both languages, the main navigation, the news index, the search page, the legal pages and the
pages in Leichte Sprache and German Sign Language.

Read together – one query for all of these pages and the legal pages setting – once per
language and content change (pagecache.cache), so that the first request after a change does not
spend a query on each part of the header and footer.
"""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, ExpressionWrapper, Q, Subquery
from django.utils import translation

from wagtail.models import Page, get_page_models

from core.serving import site_data
from pagecache.cache import cached_fragment

LEGAL_PAGES = ("legal_notice", "privacy", "accessibility")
# Page types every header links to (BITV 2.0 § 4): in the language shown, else the German page.
ACCESS_ROLES = ("easy_language", "sign_language")


@dataclass
class SiteChrome:
    homes: dict  # language code -> {"url", "path"} of its live home page
    navigation: list = field(default_factory=list)  # {"title", "url", "path"} of the menu's pages
    news_index: dict = field(default_factory=dict)  # {"title", "url", "feed_url"}, or {} without one
    search_url: str = ""
    legal_links: dict = field(default_factory=dict)  # name in LEGAL_PAGES -> {"title", "url"}
    access_links: list = field(default_factory=list)  # {"role", "title", "url", "lang"} by ACCESS_ROLES


def site_chrome(request):
    """This request's SiteChrome, read once per language and content change."""
    if not hasattr(request, "_site_chrome"):
        request._site_chrome = cached_fragment(request, "site-chrome", lambda: _read_site_chrome(request))
    return request._site_chrome


def _content_types_by_role():
    """The page types that play a part in the header, by the `navigation_role` they declare
    ("news_index", "search"): navigation finds them without importing their apps."""
    models = [model for model in get_page_models() if getattr(model, "navigation_role", None)]
    return {
        model.navigation_role: content_type
        for model, content_type in ContentType.objects.get_for_models(*models).items()
    }


def _read_site_chrome(request):
    from core.models import LegalPagesSettings

    data = site_data(request)
    homes = {code: home for code, home in data.homes.items() if home.live}
    chrome = SiteChrome({code: {"url": home.get_url(request), "path": home.path} for code, home in homes.items()})
    home = homes.get(translation.get_language())
    if home is None:
        return chrome

    content_types = _content_types_by_role()
    in_language = Q(live=True, locale_id=home.locale_id)
    in_menu = Q(path__startswith=home.path, depth=home.depth + 1, show_in_menus=True)
    # This site's own (the database may hold other sites' trees, e.g. tests' own).
    index_or_search = Q(path__startswith=home.path, content_type__in=content_types.values())
    # The legal pages chosen in the settings (German pages) and their translations, with the setting
    # read in the same query: each chosen page says which of LEGAL_PAGES it is chosen as.
    chosen = LegalPagesSettings.objects.order_by("pk")  # the row the setting's load() takes
    chosen_as = {name: Q(pk=Subquery(chosen.values(f"{name}_page_id")[:1])) for name in LEGAL_PAGES}
    is_chosen = reduce(operator.or_, chosen_as.values())
    legal = Q(translation_key__in=Page.objects.filter(is_chosen).values("translation_key"))
    wanted = (in_language & (in_menu | index_or_search | legal)) | is_chosen
    access_types = [content_types[role] for role in ACCESS_ROLES if role in content_types]
    if access_types:  # also the other languages' ones: German pages stand in for missing ones
        in_site = reduce(operator.or_, (Q(path__startswith=other.path) for other in homes.values()))
        wanted |= Q(live=True, content_type__in=access_types) & in_site
    roles = {f"chosen_as_{name}": ExpressionWrapper(q, output_field=BooleanField()) for name, q in chosen_as.items()}
    pages = list(Page.objects.filter(wanted).annotate(**roles).order_by("path"))

    in_this_language = [page for page in pages if page.live and page.locale_id == home.locale_id]
    chrome.navigation = [
        {"title": page.title, "url": page.get_url(request), "path": page.path}
        for page in in_this_language
        if page.show_in_menus and page.depth == home.depth + 1 and page.path.startswith(home.path)
    ]
    role_of = {content_type.pk: role for role, content_type in content_types.items()}
    index = next((p for p in in_this_language if role_of.get(p.content_type_id) == "news_index"), None)
    if index is not None:
        url = index.get_url(request)
        chrome.news_index = {"title": index.title, "url": url, "feed_url": request.build_absolute_uri(url + "feed/")}
    search = next((p for p in in_this_language if role_of.get(p.content_type_id) == "search"), None)
    chrome.search_url = search.get_url(request) if search else ""

    chrome.access_links = _access_links(request, pages, role_of, homes, home)

    by_key = {page.translation_key: page for page in in_this_language}
    for name in LEGAL_PAGES:
        source = next((page for page in pages if getattr(page, f"chosen_as_{name}")), None)
        page = by_key.get(source.translation_key) if source else None
        if page is not None:
            chrome.legal_links[name] = {"title": page.title, "url": page.get_url(request)}
    return chrome


def _access_links(request, pages, role_of, homes, home):
    """The uppermost live page of each of ACCESS_ROLES in the language shown, else in the site's
    source language (Leichte Sprache and sign language pages are German pages of their own)."""
    source = homes.get(settings.LANGUAGE_CODE)
    links = []
    for role in ACCESS_ROLES:
        found = [page for page in pages if page.live and role_of.get(page.content_type_id) == role]
        own = [page for page in found if page.path.startswith(home.path)]
        fallback = [page for page in found if source is not None and page.path.startswith(source.path)]
        chosen = own or fallback
        if chosen:
            page = min(chosen, key=lambda page: (page.depth, page.path))
            language = translation.get_language() if own else settings.LANGUAGE_CODE
            links.append({"role": role, "title": page.title, "url": page.get_url(request), "lang": language})
    return links
