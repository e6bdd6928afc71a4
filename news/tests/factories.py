import datetime

import factory
import wagtail_factories

from django.utils.text import slugify

from wagtail.rich_text import RichText

from news.models import NewsArticlePage, NewsArticleSector, NewsArticleTag, NewsIndexPage, NewsTag


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nachrichten {n}")
    live = True

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    """A live article. Pass `parent` (a news index); its locale is the parent's."""

    title = factory.Sequence(lambda n: f"Testbeitrag {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    date = datetime.date(2020, 1, 1)
    teaser = factory.LazyAttribute(lambda obj: f"Anreißer zu {obj.title}.")
    # A live article has text or a picture (NewsArticlePage.clean).
    body = factory.LazyAttribute(lambda obj: [("paragraph", RichText(f"<p>Text zu {obj.title}.</p>"))])
    live = True
    first_published_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))

    class Meta:
        model = NewsArticlePage


class NewsTagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")

    class Meta:
        model = NewsTag


def make_articles(parent, count, start=datetime.date(2020, 1, 1), **fields):
    """`count` live articles under `parent`, one a day from `start` (newest last)."""
    return [
        NewsArticlePageFactory(parent=parent, date=start + datetime.timedelta(days=day), **fields)
        for day in range(count)
    ]


def link(article, sectors=(), tags=()):
    """Relate a saved article to sectors and tags."""
    for sector in sectors:
        NewsArticleSector.objects.create(article=article, sector=sector)
    for tag in tags:
        NewsArticleTag.objects.create(article=article, tag=tag)
    return article
