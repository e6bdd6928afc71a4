"""The accessibility app's page types on a tree of the tests' own: where they may live, that they
render, preview and edit, and what a visitor gets from each."""

from django.core.exceptions import ValidationError

from accessibility.models import AccessibilityStatementPage, EasyLanguagePage, SignLanguagePage
from home.models import HomePage
from home.tests.factories import paragraphs, site_tree, translate_into_english
from home.tests.page_types import PageTypeTestCase

from .factories import (
    AccessibilityStatementPageFactory,
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
    document,
)


class AccessibilityPageTypesTest(PageTypeTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = site_tree()
        home = cls.tree.german_home
        cls.easy = EasyLanguagePageFactory(parent=home)
        cls.easy_child = EasyLanguagePageFactory(
            parent=cls.easy,
            title="Das Netzwerk in Leichter Sprache",
            body=[
                {"type": "explanation", "value": {"word": "Netzwerk", "meaning": "Menschen treffen sich.\nSie reden."}}
            ],
        )
        cls.sign = SignLanguagePageFactory(parent=home)
        cls.statement = AccessibilityStatementPageFactory(parent=home, body=paragraphs("Weitgehend vereinbar."))
        cls.english_statement = translate_into_english(
            cls.statement,
            title="Accessibility statement",
            slug="accessibility",
            intro="How accessible this website is.",
            body=paragraphs("Largely compliant."),
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(EasyLanguagePage, {HomePage, EasyLanguagePage})
        self.assertAllowedSubpageTypes(EasyLanguagePage, {EasyLanguagePage})
        self.assertAllowedParentPageTypes(SignLanguagePage, {HomePage})
        self.assertAllowedSubpageTypes(SignLanguagePage, set())
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        # One sign-language page and one statement per language.
        home = self.tree.german_home
        assert not SignLanguagePage.can_create_at(home) and not AccessibilityStatementPage.can_create_at(home)
        assert EasyLanguagePage.can_create_at(home)

    def test_easy_language_pages(self):
        self.assertGermanPageWorks(self.easy)

    def test_sign_language_page(self):
        self.assertGermanPageWorks(self.sign)

    def test_german_statement(self):
        self.assertGermanPageWorks(self.statement)
        self.assertPageIsRenderable(self.statement, "thanks/")

    def test_english_statement(self):
        self.assertEnglishPageWorks(self.english_statement)
        self.assertPageIsRenderable(self.english_statement, "thanks/")

    def test_easy_language_page_explains_hard_words_and_lists_the_pages_below_it(self):
        html = self.client.get(self.easy.url).content.decode()
        assert '<body class="easy-language">' in html
        assert "Mehr in Leichter Sprache" in html and f'href="{self.easy_child.url}"' in html
        child = self.client.get(self.easy_child.url).content.decode()
        assert "Schweres Wort:</span> <strong>Netzwerk</strong>" in child
        assert "Menschen treffen sich.<br>Sie reden." in child

    def test_sign_language_video_is_self_hosted_downloadable_captioned_and_sized(self):
        html = self.client.get(self.sign.url).content.decode()
        video = self.sign.video
        assert '<video class="sign-video__player" controls preload="none" width="640" height="360"' in html
        assert f'<source src="{video.url}" type="video/mp4">' in html
        assert f'<track kind="captions" src="{self.sign.captions.url}" srclang="de" label="Deutsch" default>' in html
        assert f'<a href="{video.url}" download>Video herunterladen</a>' in html
        assert "(MP4, 2,0\xa0KB, 1:15 Minuten)" in html
        assert "Das Video als Text" in html and "Bochum 2015 ist die Wachstumsinitiative." in html
        assert "youtube" not in html.lower() and "vimeo" not in html.lower()

    def test_sign_language_page_takes_only_videos_and_webvtt_captions(self):
        page = SignLanguagePage(title="DGS", slug="dgs", video=document("text.pdf", b"%PDF"))
        page.captions = document("untertitel.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHallo\n")
        try:
            page.full_clean()
        except ValidationError as error:
            assert set(error.message_dict) >= {"video", "captions"}
        else:
            raise AssertionError("a PDF video and SRT captions were accepted")
