"""RSS 2.0 feeds of a news index: all articles of its language, or those of one focus sector.

Built from what the index hands over (its articles, as a query of news.queries), so this module
needs nothing of news.models."""

import datetime
import mimetypes

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

from pagecache.cache import cached_fragment

FEED_ITEMS = 20
ENCLOSURE_IMAGE = "fill-1200x630"


def article_feed(index, request):
    choices = index.filter_choices(request)  # only its sectors filter a feed
    active = index.active_filters(request, {**choices, "tags": [], "years": []})
    articles = index.articles(request)
    title = index.title
    link = index.get_full_url(request)
    if "sector" in active:
        articles = articles.linked_to(active["sector"])
        title = f"{index.title}: {active['sector'].title}"
        link = active["sector"].get_full_url(request)
    feed = feedgenerator.Rss201rev2Feed(
        title=f"{title} – Bochum 2015",
        link=link,
        description=index.intro or _("News of the Bochum 2015 growth initiative"),
        language=index.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    # The items show other pages: read once per content change (pagecache.cache) and sector.
    sector = getattr(active.get("sector"), "slug", "")
    for item in cached_fragment(request, "news-feed-items", lambda: _items(articles, request), str(index.pk), sector):
        enclosure = item["enclosure"]
        fields = {name: value for name, value in item.items() if name != "enclosure"}
        feed.add_item(**fields, enclosures=[feedgenerator.Enclosure(*enclosure)] if enclosure else None)
    # As one string: written into the response, the feed was some 600 chunks, and gunicorn writes
    # each of them to the socket on its own.
    return HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")


def _items(articles, request):
    items = []
    for article in articles.with_card_images()[:FEED_ITEMS]:
        url = article.get_full_url(request)
        enclosure = None
        if article.lead_image:
            rendition = article.lead_image.get_rendition(ENCLOSURE_IMAGE)
            enclosure = (
                request.build_absolute_uri(rendition.url),
                str(rendition.file.size),
                mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            )
        items.append(
            {
                "title": article.title,
                "link": url,
                "description": article.teaser,
                "unique_id": url,
                "unique_id_is_permalink": True,
                "pubdate": _publication_datetime(article),
                "enclosure": enclosure,
            }
        )
    return items


def _publication_datetime(article):
    """RSS wants a time: the moment of first publication when it was on the article's date,
    otherwise the start of that day in the site's time zone."""
    published = article.first_published_at and timezone.localtime(article.first_published_at)
    if published and published.date() == article.date:
        return published
    return timezone.make_aware(datetime.datetime.combine(article.date, datetime.time()))
