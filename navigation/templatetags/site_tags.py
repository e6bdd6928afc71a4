from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Page

from navigation.chrome import site_chrome
from pagecache.cache import cached_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per site language: where the switcher leads and whether that is a real
    translation of the current page (only those get an hreflang link). A view showing more than
    its page puts {language code: address} of what it shows into the context as `language_urls`."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    found_with_page = context.get("translations")  # routing found them with the page (BasePage.get_context)
    if context.get("language_urls") is not None:
        # A page's sub-route that shows something of its own (a company's page) names its addresses.
        translations = context["language_urls"]
    elif found_with_page is not None:
        translations = {code: other.get_url(request) for code, other in found_with_page.items()}
    elif isinstance(page, Page) and page.pk:
        translations = cached_fragment(
            request,
            "language-versions",
            lambda: {
                other.locale.language_code: other.get_url(request)
                for other in Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
            },
            str(page.translation_key),
        )
    homes = site_chrome(request).homes
    current = translation.get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        fallback = homes.get(code, {"url": f"/{code}/"})
        versions.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": translations.get(code, fallback["url"]),
                "is_translation": code in translations,
                "is_current": code == current,
            }
        )
    return versions


@register.simple_tag(takes_context=True)
def language_home(context):
    """The home page of the language being shown."""
    return site_chrome(context["request"]).homes.get(translation.get_language())


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "request": request,
        "items": [
            {**item, "active": current_path.startswith(item["path"])} for item in site_chrome(request).navigation
        ],
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    # Routing found the ancestors already (BasePage.get_context); previews and the like ask the tree.
    ancestors = context.get("ancestors")
    if ancestors is None:
        ancestors = page.get_ancestors()
    ancestors = [ancestor for ancestor in ancestors if ancestor.depth >= 2]
    crumbs = [{"title": a.title, "url": a.get_url(request)} for a in ancestors]
    # A sub-route showing something of its own (a company's page) names it: the page leads there.
    if context.get("breadcrumb_title"):
        crumbs.append({"title": page.title, "url": page.get_url(request)})
        return {"crumbs": crumbs, "current": context["breadcrumb_title"]}
    return {"crumbs": crumbs, "current": page.title}


@register.simple_tag(takes_context=True)
def legal_links(context):
    """The legal pages chosen in the settings, in the language being shown (navigation.chrome),
    as the footer and the participation form show them."""
    return site_chrome(context["request"]).legal_links


@register.simple_tag(takes_context=True)
def url_in_language(context, page):
    """The URL of `page` for a visitor reading the current language (see localization.untranslated)."""
    from localization.untranslated import url_in_language as resolve

    return resolve(page, context.get("request"))


@register.inclusion_tag("components/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """The notice for a visitor who followed a link to a page not available in their language."""
    from localization.untranslated import untranslated_page

    request = context["request"]
    page = untranslated_page(request)
    return {"page": page, "url": page.get_url(request) if page else ""}


@register.simple_tag(takes_context=True)
def access_links(context):
    """Links to the pages in Leichte Sprache and German Sign Language (navigation.chrome)."""
    return site_chrome(context["request"]).access_links


@register.simple_tag(takes_context=True)
def search_page_url(context):
    """The address of the search page of the language being shown ("" without one)."""
    return site_chrome(context["request"]).search_url


@register.simple_tag(takes_context=True)
def news_index_link(context):
    """Title, URL and feed URL of the news of the language being shown ({} without one), for the footer."""
    return site_chrome(context["request"]).news_index


@register.filter(is_safe=True)
def with_site_name(title):
    """The page's title followed by the site's name, once: the home page is called like the site."""
    title = str(title).strip()
    site_name = settings.WAGTAIL_SITE_NAME
    if not title or title == site_name:
        return site_name
    if site_name in title:
        return title
    return f"{title} – {site_name}"
