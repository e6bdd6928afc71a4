"""What a visitor gets, in German and English: the header of every page type links to the pages in
Leichte Sprache and German Sign Language, and the accessibility pages show no template syntax and
no interface words of the other language. The pages are the tests' own (`every_page_type`,
conftest.py)."""

from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from django.conf import settings

from wagtail.models import Page, get_page_models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_page_type")]

TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{")
CATALOGUE = Path(settings.BASE_DIR) / "accessibility" / "locale" / "de" / "LC_MESSAGES" / "django.po"
EASY_LINK_DE = '<a href="/de/leichte-sprache/">Leichte Sprache</a>'
EASY_LINK_EN = '<a href="/de/leichte-sprache/" hreflang="de" lang="de">Leichte Sprache</a>'
SIGN_LINK_DE = '<a href="/de/gebaerdensprache/">Gebärdensprache</a>'
SIGN_LINK_EN = '<a href="/de/gebaerdensprache/" hreflang="de">German Sign Language</a>'


def one_page_of_each_type(language):
    """One live page of every page type that has one in `language` (the first in the tree; other
    trees than the test's own site are offline)."""
    for model in sorted(get_page_models(), key=lambda model: model.__name__):
        if model is Page or model._meta.abstract:
            continue
        page = model.objects.live().filter(locale__language_code=language, depth__gte=2).order_by("path").first()
        if page is not None:
            yield model.__name__, page


class TextInLanguage(HTMLParser):
    """The visible text of a page written in `language`: parts marked with another `lang`, scripts
    and styles left out."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language):
        super().__init__()
        self.stack, self.parts = [language], []
        self.language = language

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or self.stack[-1]
        self.stack.append(None if tag in ("script", "style") else lang)

    def handle_endtag(self, tag):
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack[-1] == self.language:
            self.parts.append(data)

    @classmethod
    def of(cls, html, language):
        parser = cls(language)
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def interface_words():
    """The app's interface strings of two words or more, English and German, where they differ."""
    return [
        (entry.msgid, entry.msgstr)
        for entry in polib.pofile(str(CATALOGUE))
        if entry.msgstr and entry.msgid != entry.msgstr and len(entry.msgid.split()) > 1 and "%" not in entry.msgid
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_type_links_to_leichte_sprache_and_sign_language_in_its_header(client, language):
    easy, sign = (EASY_LINK_DE, SIGN_LINK_DE) if language == "de" else (EASY_LINK_EN, SIGN_LINK_EN)
    pages = dict(one_page_of_each_type(language))
    assert len(pages) >= 10, pages
    for name, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        header = response.content.decode().split('<header class="site-header">')[1].split("</header>")[0]
        assert easy in header and sign in header, f"{name} {page.url}"
    not_found = client.get(f"/{language}/gibt-es-nicht/").content.decode()
    assert easy in not_found and sign in not_found


@pytest.mark.parametrize(
    ("language", "urls"),
    [
        (
            "de",
            [
                "/de/leichte-sprache/",
                "/de/gebaerdensprache/",
                "/de/barrierefreiheit/",
                "/de/barrierefreiheit/melden/",
                "/de/barrierefreiheit/thanks/",
            ],
        ),
        ("en", ["/en/accessibility/", "/en/accessibility/report/", "/en/accessibility/thanks/"]),
    ],
)
def test_accessibility_pages_show_no_template_syntax_and_no_words_of_the_other_language(client, language, urls):
    for url in urls:
        html = client.get(url).content.decode()
        assert not [syntax for syntax in TEMPLATE_SYNTAX if syntax in html], url
        text = TextInLanguage.of(html, language)
        other = [german if language == "en" else english for english, german in interface_words()]
        assert [words for words in other if words in text] == [], url


def test_invalid_report_shows_no_words_of_the_other_language(client):
    html = client.post("/en/accessibility/report/", {"description": "", "started": "x"}).content.decode()
    text = TextInLanguage.of(html, "en")
    assert "Please describe the barrier." in text
    assert [german for _english, german in interface_words() if german in text] == []
