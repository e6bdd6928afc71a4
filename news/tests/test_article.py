"""An article page: its language's tags and sectors, related and previous/next articles,
share links, structured data; the home page's newest articles; the contract with the
sector and network pages."""

import datetime
import json
import re

import pytest

from django.core.exceptions import ValidationError

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from network.models import FocusSectorPage, NetworkPage
from news.models import NewsArticlePage, NewsIndexPage

from .factories import NewsArticlePageFactory, NewsTagFactory, link

pytestmark = [pytest.mark.django_db, pytest.mark.demo]
KICK_OFF_DE = "/de/aktuelles/netzwerk-produktion-auftakt/"
KICK_OFF_EN = "/en/news/production-network-kick-off/"


class NewsTreeRulesTest(WagtailPageTestCase):
    def test_one_news_index_under_each_home_page_and_articles_only_below_it(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        german_home = HomePage.objects.get(locale__language_code="de")  # has its news index already
        self.assertFalse(NewsIndexPage.can_create_at(german_home))


def test_article_shows_date_in_the_languages_format(client):
    assert '<time datetime="2008-11-06">6. November 2008</time>' in client.get(KICK_OFF_DE).content.decode()
    assert '<time datetime="2008-11-06">6 November 2008</time>' in client.get(KICK_OFF_EN).content.decode()


def test_english_article_shows_english_tags_sectors_network_and_contact(client):
    html = client.get(KICK_OFF_EN).content.decode()
    topics = html[html.index('id="topics-title"') : html.index('id="contact-title"')]
    assert '<a href="/en/news/?tag=cooperation">Cooperation</a>' in topics
    assert '<a href="/en/news/?sector=metalworking">Metalworking</a>' in topics
    assert '<a href="/en/networks/production-network/">Production Network</a>' in topics
    assert "Kooperation" not in topics and "Metallverarbeitung" not in topics
    assert "Bochum 2015 press office" in html
    german = client.get(KICK_OFF_DE).content.decode()
    assert '<a href="/de/aktuelles/?tag=kooperation">Kooperation</a>' in german


def test_related_articles_share_a_sector_or_tag_and_exclude_the_article(client, empty_index):
    sector = FocusSectorPage.objects.get(slug="metallverarbeitung")
    tag = NewsTagFactory(name="Leichtbau")
    article = link(
        NewsArticlePageFactory(parent=empty_index, title="Leichtbau im Fokus"), sectors=[sector], tags=[tag]
    )
    by_tag = link(NewsArticlePageFactory(parent=empty_index, title="Nur das Schlagwort"), tags=[tag])
    NewsArticlePageFactory(parent=empty_index, title="Ohne Bezug")
    html = client.get(article.url).content.decode()
    related = html[html.index('id="related-title"') :]
    titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', related)
    assert titles[0] == by_tag.title  # the newest first
    assert "Ohne Bezug" not in titles and article.title not in titles
    # then the newest demo articles of the same sector
    assert titles[1:] == [
        "Energie sparen in der Produktion: Leitfaden für Betriebe",
        "Gemeinsam auf die Messe: Bochumer Gemeinschaftsstand geplant",
    ]


def test_previous_and_next_follow_the_date_order(client):
    html = client.get(KICK_OFF_EN).content.decode()
    assert 'href="/en/news/automotive-suppliers-day/" rel="prev"' in html
    assert 'href="/en/news/universities-open-their-labs/" rel="next"' in html
    oldest = client.get("/de/aktuelles/bochum-2015-setzt-auf-fokusbranchen/").content.decode()
    assert 'rel="prev"' not in oldest and 'rel="next"' in oldest


def test_share_links_are_plain_links_without_scripts(client):
    html = client.get(KICK_OFF_DE).content.decode()
    url = "http%3A%2F%2Ftestserver%2Fde%2Faktuelles%2Fnetzwerk-produktion-auftakt%2F"
    assert f'href="mailto:?subject=Netzwerk%20Produktion%3A%20Gemeinsam%20mehr%20erreichen&amp;body={url}"' in html
    assert f'href="https://www.linkedin.com/sharing/share-offsite/?url={url}"' in html
    assert f'href="https://x.com/intent/post?url={url}"' in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)


def test_structured_data_describes_the_news_article(client):
    html = client.get(KICK_OFF_EN).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Production Network: achieving more together"
    assert data["datePublished"] == "2008-11-06"
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"] == "http://testserver" + KICK_OFF_EN
    assert data["image"][0].startswith("http://testserver/media/images/")


def test_structured_data_cannot_close_its_script_element(client, empty_index):
    article = NewsArticlePageFactory(parent=empty_index, title="Ende </script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["headline"].startswith("Ende </script>")


def test_lead_image_needs_an_alt_text(empty_index):
    image = get_image_model().objects.create(title="Testbild", file=get_test_image_file())
    article = NewsArticlePage(title="Mit Bild", slug="mit-bild", teaser="Kurz.", lead_image=image)
    with pytest.raises(ValidationError) as error:
        empty_index.add_child(instance=article)
    assert "lead_image_alt" in error.value.message_dict


def test_home_page_shows_the_three_newest_articles_of_its_language(client):
    for language, home_url in [("de", "/de/"), ("en", "/en/")]:
        html = client.get(home_url).content.decode()
        section = html[html.index('id="latest-news-title"') :]
        section = section[: section.index("</section>")]
        titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section)
        newest = NewsArticlePage.objects.live().filter(locale__language_code=language).order_by("-date")[:3]
        assert titles == [article.title for article in newest]


def test_latest_articles_for_a_sector_or_network_in_its_language(django_assert_num_queries):
    english_sector = FocusSectorPage.objects.get(slug="metalworking")
    for article in NewsArticlePage.objects.newest_for(english_sector):  # renditions are made on first use
        article.lead_image.get_rendition("fill-480x270")
    with django_assert_num_queries(3):  # view restrictions, articles, renditions
        articles = NewsArticlePage.objects.newest_for(english_sector)
        for article in articles:
            article.lead_image.get_rendition("fill-480x270")
    assert [a.title for a in articles] == [
        "Saving energy in production: a guide for companies",
        "Going to the fair together: a joint Bochum stand is planned",
        "Metal training alliance: companies train apprentices together",
    ]
    network = NetworkPage.objects.get(slug="netzwerk-produktion")
    assert [a.title for a in NewsArticlePage.objects.newest_for(network, limit=5)] == [
        "Netzwerk Produktion: zweites Treffen mit ersten Projekten",
        "Netzwerk Produktion: Gemeinsam mehr erreichen",
    ]
    assert all(a.locale_id == network.locale_id for a in NewsArticlePage.objects.newest_for(network))


def test_latest_articles_leave_out_other_pages_drafts(empty_index):
    sector = FocusSectorPage.objects.get(slug="metallverarbeitung")
    draft = link(
        NewsArticlePageFactory(parent=empty_index, live=False, date=datetime.date(2030, 1, 1)), sectors=[sector]
    )
    assert draft not in NewsArticlePage.objects.newest_for(sector)
    assert isinstance(Page.objects.get(pk=draft.pk).specific, NewsArticlePage)


class ArticleAdminTest(WagtailPageTestCase):
    def test_editor_creates_an_article_with_tags_sector_and_fact_box(self):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

        from news.models import NewsTag

        index = NewsIndexPage.objects.get(locale__language_code="de")
        tag = NewsTag.objects.get(slug="netzwerk", locale__language_code="de")
        sector = FocusSectorPage.objects.get(slug="metallverarbeitung")
        self.login()
        self.assertCanCreate(
            index,
            NewsArticlePage,
            nested_form_data(
                {
                    "title": "Neue Halle eröffnet",
                    "slug": "neue-halle",
                    "date": "2024-05-02",
                    "teaser": "Eine neue Fertigungshalle geht in Betrieb.",
                    "lead_image_alt": "",
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Die Halle ist 4 000 Quadratmeter groß.</p>")),
                            (
                                "fact_box",
                                {
                                    "title": "Fakten",
                                    "facts": streamfield([("item", "4 000 m²"), ("item", "30 Plätze")]),
                                },
                            ),
                        ]
                    ),
                    "tag_links": inline_formset([{"tag": tag.pk}]),
                    "sector_links": inline_formset([{"sector": sector.pk}]),
                    "network_links": inline_formset([]),
                }
            ),
        )
        article = NewsArticlePage.objects.get(slug="neue-halle")
        self.assertEqual(article.date, datetime.date(2024, 5, 2))
        self.assertEqual([t.name for t in article.tags()], ["Netzwerk"])
        self.assertEqual(list(article.body[1].value["facts"]), ["4 000 m²", "30 Plätze"])


def test_gallery_and_fact_box_render_with_alt_texts_and_captions(client, empty_index):
    image = get_image_model().objects.create(title="Halle", file=get_test_image_file())
    picture = {"image": image.pk, "alt_text": "Blick in die neue Halle", "decorative": False}
    article = NewsArticlePageFactory(
        parent=empty_index,
        title="Galerie",
        body=[
            {
                "type": "gallery",
                "value": {
                    "title": "Impressionen",
                    "images": [{"image": picture, "caption": "Die Halle"}, {"image": picture, "caption": "Von oben"}],
                },
            },
            {"type": "fact_box", "value": {"title": "Auf einen Blick", "facts": ["4 000 m²", "30 Arbeitsplätze"]}},
        ],
    )
    html = client.get(article.url).content.decode()
    gallery = html[html.index('<section class="block-gallery"') : html.index("</section>")]
    assert gallery.count('alt="Blick in die neue Halle"') == 2
    assert "<figcaption>Die Halle</figcaption>" in gallery and "<figcaption>Von oben</figcaption>" in gallery
    assert '<aside class="block-fact-box" aria-label="Auf einen Blick">' in html
    assert "<li>30 Arbeitsplätze</li>" in html
