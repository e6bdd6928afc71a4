from django import template
from django.utils import dateformat, translation
from django.utils.translation import pgettext

from network.models import FocusSectorPage
from news.models import NewsIndexPage, latest_articles, latest_articles_for

register = template.Library()


@register.filter
def news_date(value):
    """A date in the language being shown: "6. November 2008" or "6 November 2008"."""
    if not value:
        return ""
    # Translators: a date format of Django's `date` filter, e.g. "6 November 2008".
    return dateformat.format(value, pgettext("date format", "j F Y"))


def _news_index(request):
    """The live news index of the language being shown, fetched once per request."""
    language = translation.get_language()
    cache = getattr(request, "_news_indexes", None)
    if cache is None:
        cache = request._news_indexes = {}
    if language not in cache:
        cache[language] = NewsIndexPage.objects.live().filter(locale__language_code=language).first()
    return cache[language]


@register.simple_tag(takes_context=True)
def news_index(context):
    request = context.get("request")
    return _news_index(request) if request else None


@register.inclusion_tag("news/components/feed_links.html", takes_context=True)
def news_feed_links(context):
    """`<link rel="alternate">` to the news feed of the language, and to the sector's feed
    on a focus sector page."""
    request = context.get("request")
    index = _news_index(request) if request else None
    if index is None:
        return {"feeds": []}
    feed_url = request.build_absolute_uri(index.url + "feed/")
    feeds = [{"title": f"{index.title} – Bochum 2015", "url": feed_url}]
    page = context.get("page")
    if isinstance(page, FocusSectorPage):
        feeds.append({"title": f"{index.title}: {page.title} – Bochum 2015", "url": f"{feed_url}?sector={page.slug}"})
    return {"feeds": feeds}


@register.inclusion_tag("news/components/latest_news.html", takes_context=True)
def latest_news(context, page=None, limit=3, heading_level=2):
    """The newest articles of the language, or those related to `page` (a sector or network)."""
    request = context.get("request")
    if page is not None and page.pk:
        articles = latest_articles_for(page, limit=limit)
        locale_id = page.locale_id
    else:
        home = context.get("page")
        locale_id = getattr(home, "locale_id", None)
        articles = latest_articles(locale_id, limit=limit) if locale_id else []
    return {
        "request": request,
        "articles": articles,
        "news_index": _news_index(request) if request else None,
        "heading_level": heading_level,
        "related_to": page,
    }
