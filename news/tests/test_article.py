"""An article page: its language's tags and sectors, related and previous/next articles,
share links, structured data; the home page's newest articles; the contract with the
sector and network pages. On a bilingual site of the tests' own."""

import datetime
import json
import re
from dataclasses import dataclass

import pytest

from django.core.exceptions import ValidationError

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file, get_test_image_file_jpeg
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from home.tests.factories import site_tree, translate_into_english
from network.models import NetworkPage
from network.tests.factories import (
    ContactPersonFactory,
    FocusSectorIndexPageFactory,
    FocusSectorPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)
from news.models import NewsArticlePage, NewsIndexPage

from .factories import NewsArticlePageFactory, NewsIndexPageFactory, NewsTagFactory, link

pytestmark = pytest.mark.django_db
KICK_OFF_DE = "/de/aktuelles/netzwerk-produktion-auftakt/"
KICK_OFF_EN = "/en/news/production-network-kick-off/"


def english(article, title, slug, **fields):
    """The article's English translation with these title and address."""
    return translate_into_english(
        article,
        title=title,
        slug=slug,
        teaser=f"About {title}.",
        body=[("paragraph", RichText(f"<p>Text about {title}.</p>"))],
        **fields,
    )


@dataclass
class Articles:
    tree: object
    network: NetworkPage
    kick_off: NewsArticlePage
    empty_index: NewsIndexPage


@pytest.fixture
def articles(news_tree, tags):
    """Four articles in both languages around the network's kick-off of 6 November 1990, which
    has a picture, a tag, a sector, the network and a press contact; two more about
    metalworking. Older than any other article, so the demo content, when it is loaded, comes
    after them."""
    german_home = news_tree.site_tree.german_home
    networks = NetworkIndexPageFactory(parent=german_home)
    translate_into_english(networks, title="Networks", slug="networks", intro="Companies achieving more together.")
    network = NetworkPageFactory(parent=networks, title="Netzwerk Produktion", slug="netzwerk-produktion")
    translate_into_english(network, title="Production Network", slug="production-network", intro="A network.")
    contact = ContactPersonFactory(name="Pressestelle Bochum 2015", role="Pressestelle")
    translate_into_english(contact, name="Bochum 2015 press office", role="Press office")
    image = get_image_model().objects.create(title="Halle", file=get_test_image_file_jpeg())
    index, sector = news_tree.german_news, news_tree.german_sector

    focus = NewsArticlePageFactory(parent=index, title="Fokusbranchen", date=datetime.date(1990, 9, 1))
    link(focus, sectors=[sector])
    english(focus, "Focus sectors", "focus-sectors")
    suppliers = NewsArticlePageFactory(parent=index, title="Zuliefertag", date=datetime.date(1990, 10, 1))
    english(suppliers, "Automotive suppliers day", "automotive-suppliers-day")
    kick_off = NewsArticlePageFactory(
        parent=index,
        title="Netzwerk Produktion: Gemeinsam mehr erreichen",
        slug="netzwerk-produktion-auftakt",
        date=datetime.date(1990, 11, 6),
        lead_image=image,
        lead_image_alt="Eine Werkshalle",
        contact_person=contact,
    )
    link(kick_off, sectors=[sector], tags=[tags.cooperation])
    NewsArticleNetwork = kick_off.network_links.model
    NewsArticleNetwork.objects.create(article=kick_off, network=network)
    english(
        kick_off,
        "Production Network: achieving more together",
        "production-network-kick-off",
        lead_image_alt="A factory hall",
    )
    labs = NewsArticlePageFactory(parent=index, title="Hochschulen öffnen Labore", date=datetime.date(1990, 12, 1))
    link(labs, sectors=[sector])
    english(labs, "Universities open their labs", "universities-open-their-labs")
    empty_index = NewsIndexPageFactory(parent=german_home, title="Testnachrichten", slug="testnachrichten")
    return Articles(news_tree, network, kick_off, empty_index)


@pytest.fixture
def empty_index(articles):
    return articles.empty_index


class NewsTreeRulesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.german_home = site_tree().german_home
        NewsIndexPageFactory(parent=cls.german_home)

    def test_one_news_index_under_each_home_page_and_articles_only_below_it(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertFalse(NewsIndexPage.can_create_at(self.german_home))  # has its news index already


def test_article_shows_date_in_the_languages_format(client, articles):
    assert '<time datetime="1990-11-06">6. November 1990</time>' in client.get(KICK_OFF_DE).content.decode()
    assert '<time datetime="1990-11-06">6 November 1990</time>' in client.get(KICK_OFF_EN).content.decode()


def test_english_article_shows_english_tags_sectors_network_and_contact(client, articles):
    html = client.get(KICK_OFF_EN).content.decode()
    topics = html[html.index('id="topics-title"') : html.index('id="contact-title"')]
    assert '<a href="/en/news/?tag=collaboration">Collaboration</a>' in topics
    assert '<a href="/en/news/?sector=metalworking">Metalworking</a>' in topics
    assert '<a href="/en/networks/production-network/">Production Network</a>' in topics
    assert "Zusammenarbeit" not in topics and "Metallverarbeitung" not in topics
    assert "Bochum 2015 press office" in html and "Pressestelle" not in html
    german = client.get(KICK_OFF_DE).content.decode()
    assert '<a href="/de/aktuelles/?tag=zusammenarbeit">Zusammenarbeit</a>' in german


def test_related_articles_share_a_sector_or_tag_and_exclude_the_article(client, articles, empty_index):
    sector = articles.tree.german_sector
    tag = NewsTagFactory(name="Leichtbau im Test")
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
    # then the newest other articles of the same sector
    assert titles[1:] == ["Hochschulen öffnen Labore", "Netzwerk Produktion: Gemeinsam mehr erreichen"]


def test_previous_and_next_follow_the_date_order(client, articles):
    html = client.get(KICK_OFF_EN).content.decode()
    assert 'href="/en/news/automotive-suppliers-day/" rel="prev"' in html
    assert 'href="/en/news/universities-open-their-labs/" rel="next"' in html
    oldest = client.get("/de/aktuelles/fokusbranchen/").content.decode()
    assert 'rel="prev"' not in oldest and 'rel="next"' in oldest


def test_share_links_are_plain_links_without_scripts(client, articles):
    html = client.get(KICK_OFF_DE).content.decode()
    url = "http%3A%2F%2Ftestserver%2Fde%2Faktuelles%2Fnetzwerk-produktion-auftakt%2F"
    assert f'href="mailto:?subject=Netzwerk%20Produktion%3A%20Gemeinsam%20mehr%20erreichen&amp;body={url}"' in html
    assert f'href="https://www.linkedin.com/sharing/share-offsite/?url={url}"' in html
    assert f'href="https://x.com/intent/post?url={url}"' in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)


def test_structured_data_describes_the_news_article(client, articles):
    html = client.get(KICK_OFF_EN).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Production Network: achieving more together"
    assert data["datePublished"] == "1990-11-06"
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


def test_home_page_shows_the_three_newest_articles_of_its_language(client, articles):
    for day, title in enumerate(["Neu eins", "Neu zwei", "Neu drei", "Neu vier"], start=1):
        article = NewsArticlePageFactory(
            parent=articles.tree.german_news, title=title, date=datetime.date(2040, 1, day)
        )
        english(article, title.replace("Neu", "New"), f"new-{day}")
    newest = {"de": ["Neu vier", "Neu drei", "Neu zwei"], "en": ["New vier", "New drei", "New zwei"]}
    for language, home_url in [("de", "/de/"), ("en", "/en/")]:
        html = client.get(home_url).content.decode()
        section = html[html.index('id="latest-news-title"') :]
        section = section[: section.index("</section>")]
        titles = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section)
        assert titles == newest[language]


def test_latest_articles_for_a_sector_or_network_in_its_language(articles, django_assert_num_queries):
    english_sector = articles.tree.english_sector
    for article in NewsArticlePage.objects.newest_for(english_sector):  # renditions are made on first use
        if article.lead_image:
            article.lead_image.get_rendition("fill-480x270")
    with django_assert_num_queries(3):  # view restrictions, articles, renditions
        newest = NewsArticlePage.objects.newest_for(english_sector)
        for article in newest:
            if article.lead_image:
                article.lead_image.get_rendition("fill-480x270")
    assert [a.title for a in newest] == [
        "Universities open their labs",
        "Production Network: achieving more together",
        "Focus sectors",
    ]
    network = articles.network
    assert [a.title for a in NewsArticlePage.objects.newest_for(network, limit=5)] == [
        "Netzwerk Produktion: Gemeinsam mehr erreichen"
    ]
    assert all(a.locale_id == network.locale_id for a in NewsArticlePage.objects.newest_for(network))


def test_latest_articles_leave_out_other_pages_drafts(articles, empty_index):
    sector = articles.tree.german_sector
    draft = link(
        NewsArticlePageFactory(parent=empty_index, live=False, date=datetime.date(2030, 1, 1)), sectors=[sector]
    )
    assert draft not in NewsArticlePage.objects.newest_for(sector)
    assert isinstance(Page.objects.get(pk=draft.pk).specific, NewsArticlePage)


class ArticleAdminTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        german_home = site_tree().german_home
        cls.index = NewsIndexPageFactory(parent=german_home)
        cls.tag = NewsTagFactory(name="Netzwerkarbeit", slug="netzwerkarbeit")
        sectors = FocusSectorIndexPageFactory(parent=german_home)
        cls.sector = FocusSectorPageFactory(parent=sectors, title="Metallverarbeitung")

    def test_editor_creates_an_article_with_tags_sector_and_fact_box(self):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

        index, tag, sector = self.index, self.tag, self.sector
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
        self.assertEqual([t.name for t in article.tags()], ["Netzwerkarbeit"])
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
