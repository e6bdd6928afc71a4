"""Every page type of the news app, German and English, on a tree of the tests' own."""

from home.models import HomePage
from home.tests.factories import site_tree, translate_into_english
from home.tests.page_types import PageTypeTestCase
from news.models import NewsArticlePage, NewsIndexPage

from .factories import NewsArticlePageFactory, NewsIndexPageFactory


class NewsPageTypesTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = site_tree()
        cls.index = NewsIndexPageFactory(parent=cls.tree.german_home, title="Nachrichten", slug="nachrichten")
        cls.english_index = translate_into_english(cls.index, title="News", slug="news")
        cls.article = NewsArticlePageFactory(parent=cls.index, title="Neues Kaltwalzwerk")
        cls.english_article = translate_into_english(
            cls.article,
            title="New cold rolling mill",
            slug="new-cold-rolling-mill",
            teaser="A teaser of the new cold rolling mill.",
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)

    def test_german_news_index_and_its_feed(self):
        self.assertGermanPageWorks(self.index)
        self.assertPageIsRoutable(self.index, "feed/")
        self.assertPageIsRenderable(self.index, "feed/")

    def test_english_news_index_and_its_feed(self):
        self.assertEnglishPageWorks(self.english_index)
        self.assertPageIsRoutable(self.english_index, "feed/")
        self.assertPageIsRenderable(self.english_index, "feed/")

    def test_german_article(self):
        self.assertGermanPageWorks(self.article)

    def test_english_article(self):
        self.assertEnglishPageWorks(self.english_article)
