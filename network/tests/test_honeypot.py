"""The participation form's trap for bots is hidden from people, screen readers and keyboards, in
German and English, on the form's own address, which is never cached."""

from html.parser import HTMLParser

import pytest

from django.conf import settings as django_settings
from django.test import Client

from home.tests.factories import translate_into_english

from .factories import NetworkIndexPageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db


class _Trap(HTMLParser):
    """The attributes of the honeypot input and of each element around it."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.open = []
        self.input = None
        self.around = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "homepage":
            self.input, self.around = attrs, [dict(element) for _, element in self.open]
        if tag not in self.VOID:
            self.open.append((tag, attrs))

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                break


def _trap(html):
    parser = _Trap()
    parser.feed(html)
    assert parser.input is not None, "no honeypot field"
    return parser


@pytest.fixture
def network_urls(site_tree):
    index = NetworkIndexPageFactory(parent=site_tree.german_home)
    translate_into_english(index, title="Networks", slug="networks", intro="Companies together.")
    german = NetworkPageFactory(parent=index, title="Netzwerk Produktion")
    english = translate_into_english(german, title="Production network", slug="production", intro="For tests.")
    return german.url + "teilnehmen/", english.url + "join/"


@pytest.mark.parametrize("language", ["de", "en"])
def test_honeypot_is_hidden_from_people_screen_readers_and_keyboards(settings, network_urls, language):
    settings.PAGE_CACHE_SECONDS = 600  # on, as in production
    url = dict(zip(("de", "en"), network_urls, strict=True))[language]
    # Every visitor gets the form rendered for them, never from a cache.
    responses = [Client().get(url) for _ in range(3)]
    for response in responses:
        assert "X-Page-Cache" not in response and "no-store" in response["Cache-Control"]
        trap = _trap(response.content.decode())
        wrapper = trap.around[-1]
        assert "hidden" in wrapper and wrapper.get("aria-hidden") == "true"  # not shown, not read out
        assert trap.input.get("tabindex") == "-1"  # not reached with Tab
        assert trap.input.get("autocomplete") == "off"  # not filled in by the browser
        assert trap.input.get("type") == "text" and trap.input.get("value") == ""


def test_no_style_shows_the_hidden_trap_again():
    stylesheet = (django_settings.BASE_DIR / "bochum2015" / "static" / "css" / "site.css").read_text()
    assert "\n[hidden] { display: none !important; }\n" in stylesheet
    assert ".form-trap" not in stylesheet
