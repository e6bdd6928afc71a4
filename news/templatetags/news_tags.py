from django import template
from django.utils import dateformat
from django.utils.translation import pgettext

from navigation.chrome import site_chrome
from network.models import FocusSectorPage
from news.models import NewsArticlePage

register = template.Library()


@register.filter
def news_date(value):
    """A date in the language being shown: "6. November 2008" or "6 November 2008"."""
    if not value:
        return ""
    # Translators: a date format of Django's `date` filter, e.g. "6 November 2008".
    return dateformat.format(value, pgettext("date format", "j F Y"))


def news_index_link(request):
    """Title, URL and feed URL of the live news index of the language being shown ({} without
    one), from what every page reads of the site once per content change (navigation.chrome)."""
    return site_chrome(request).news_index


@register.inclusion_tag("news/components/feed_links.html", takes_context=True)
def news_feed_links(context):
    """`<link rel="alternate">` to the news feed of the language, and to the sector's feed
    on a focus sector page."""
    request = context.get("request")
    index = news_index_link(request) if request else {}
    if not index:
        return {"feeds": []}
    feeds = [{"title": f"{index['title']} – Bochum 2015", "url": index["feed_url"]}]
    page = context.get("page")
    if isinstance(page, FocusSectorPage):
        title = f"{index['title']}: {page.title} – Bochum 2015"
        feeds.append({"title": title, "url": f"{index['feed_url']}?sector={page.slug}"})
    return {"feeds": feeds}


@register.inclusion_tag("news/components/latest_news.html", takes_context=True)
def latest_news(context, page=None, limit=3, heading_level=2):
    """The newest articles of the language, or those related to `page` (a sector or network)."""
    request = context.get("request")
    if page is not None and page.pk:
        articles = NewsArticlePage.objects.newest_for(page, limit=limit, request=request)
    else:
        locale_id = getattr(context.get("page"), "locale_id", None)
        articles = NewsArticlePage.objects.visible_in(locale_id, request).newest(limit) if locale_id else []
    return {
        "request": request,
        "articles": articles,
        "news_index": news_index_link(request) if request else {},
        "heading_level": heading_level,
        "related_to": page,
    }
