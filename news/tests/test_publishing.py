"""Scheduled publishing (the English translation goes live only after the German article) and
unpublishing: an article that is not live appears in no list, feed, sitemap or search."""

import datetime
from unittest import mock

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.rich_text import RichText

from localization.translation import translate
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db
TITLE_DE = "Zukunftswerkstatt Produktion eröffnet"
TITLE_EN = "Production future workshop opens"


def visible_everywhere(client, title, language):
    """Where a visitor could meet an article of this language: name of each place it shows up."""
    base = {"de": ("/de/", "/de/aktuelles/", "/de/suche/"), "en": ("/en/", "/en/news/", "/en/search/")}[language]
    home, index, search = base
    places = {
        "home": client.get(home),
        "index": client.get(index),
        "feed": client.get(index + "feed/"),
        "sitemap": client.get("/sitemap-pages.xml"),
        "search": client.get(search, {"q": "Zukunftswerkstatt" if language == "de" else "future workshop"}),
    }
    found = set()
    for name, response in places.items():
        assert response.status_code == 200, name
        text = response.content.decode()
        if name == "sitemap":
            if ("zukunftswerkstatt" if language == "de" else "future-workshop") in text:
                found.add(name)
        elif title in text:
            found.add(name)
    return found


@pytest.fixture
def german_news(news_tree):
    return news_tree.german_news


@pytest.fixture
def scheduled_article(german_news):
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    article = NewsArticlePage(
        title=TITLE_DE,
        slug="zukunftswerkstatt",
        teaser="Die Zukunftswerkstatt öffnet ihre Türen für Unternehmen.",
        body=[("paragraph", RichText("<p>Am Samstag von 10 bis 16 Uhr.</p>"))],
        date=timezone.localdate() + datetime.timedelta(days=2),
        go_live_at=go_live,
        live=False,
    )
    german_news.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def english_translation_of(article):
    english = NewsArticlePage.objects.get(pk=article.pk)
    english.title = TITLE_EN
    english.slug = "future-workshop"
    english.teaser = "The future workshop opens its doors to companies."
    return translate(article, english)


def test_scheduled_article_appears_only_after_publish_scheduled_and_its_translation_after_the_translator(
    client, scheduled_article
):
    assert not scheduled_article.live
    english = english_translation_of(scheduled_article)  # as a script would: published at once
    english.refresh_from_db()
    assert not english.live  # taken offline again: the German article is not live
    assert visible_everywhere(client, TITLE_DE, "de") == set()
    assert visible_everywhere(client, TITLE_EN, "en") == set()

    call_command("publish_scheduled", verbosity=0)  # too early: nothing happens
    assert not NewsArticlePage.objects.get(pk=scheduled_article.pk).live

    later = scheduled_article.go_live_at + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    assert NewsArticlePage.objects.get(pk=scheduled_article.pk).live
    assert not NewsArticlePage.objects.get(pk=english.pk).live
    everywhere = {"home", "index", "feed", "sitemap", "search"}
    assert visible_everywhere(client, TITLE_DE, "de") == everywhere
    assert visible_everywhere(client, TITLE_EN, "en") == set()

    english = NewsArticlePage.objects.get(pk=english.pk)
    english.go_live_at = None  # copied from the German article when it was translated
    english.save_revision().publish()  # the translator publishes it now
    assert visible_everywhere(client, TITLE_EN, "en") == everywhere


def test_translation_of_a_live_article_is_published_at_once(german_news):
    copy = NewsArticlePage(
        title="Sofort", slug="sofort", teaser="Gleich online.", body=[("paragraph", RichText("<p>Jetzt.</p>"))]
    )
    german_news.add_child(instance=copy)
    copy.save_revision().publish()
    english = NewsArticlePage.objects.get(pk=copy.pk)
    english.title, english.slug, english.teaser = "At once", "at-once", "Online right away."
    assert translate(copy, english).live
    assert NewsArticlePage.objects.get(pk=copy.pk).live


def test_unpublished_article_disappears_everywhere(client, scheduled_article):
    later = scheduled_article.go_live_at + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    assert "index" in visible_everywhere(client, TITLE_DE, "de")
    NewsArticlePage.objects.get(pk=scheduled_article.pk).unpublish()
    assert visible_everywhere(client, TITLE_DE, "de") == set()
    assert client.get("/de/aktuelles/zukunftswerkstatt/").status_code == 404


def test_publishing_in_wagtail_localize_before_the_german_article_is_live_leaves_the_translation_offline(
    scheduled_article, django_capture_on_commit_callbacks
):
    """wagtail-localize's save_target(publish=True) publishes on commit, without asking anyone."""
    from wagtail_localize.models import Translation, TranslationSource

    from localization.translation import english_locale

    source, _ = TranslationSource.get_or_create_from_instance(scheduled_article)
    translation = Translation.objects.create(source=source, target_locale=english_locale())
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = translation.get_target_instance()
    assert not english.live
