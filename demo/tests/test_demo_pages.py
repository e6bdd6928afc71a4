"""The demo content keeps the rules every page keeps (tests/visitor/, tests/test_no_third_party_requests.py,
checked there on a site built by factories): each live page of the demo, in German and English, shows
no template syntax, names the site once in its title and loads nothing from other hosts; its
meetings show their dates as their language writes them."""

import re

import pytest

from django.utils import dateformat, translation

from network.models import MeetingPage
from tests.test_no_third_party_requests import external_resources
from tests.visitor.pages import LANGUAGES, rendered
from tests.visitor.test_dates import AMERICAN, BERLIN
from tests.visitor.test_rendered_text import TEMPLATE_SYNTAX

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_page_shows_no_template_syntax_a_clean_title_and_nothing_from_other_hosts(client, language):
    from wagtail.models import Page

    pages = Page.objects.live().filter(depth__gt=2, locale__language_code=language)
    assert pages.count() > 10
    for page in [*Page.objects.live().filter(depth=2, locale__language_code=language), *pages]:
        html = rendered(client, page.url)
        leaks = [syntax for syntax in TEMPLATE_SYNTAX if syntax in html]
        assert not leaks, f"{page.url} shows {leaks}"
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        parts = [part.strip() for part in title.split("–")]
        assert len(parts) == len(set(parts)) and title.count("Bochum 2015") == 1, f"{page.url} is titled {title!r}"
        assert external_resources(html) == [], page.url


@pytest.mark.parametrize(("language", "expected_format"), [("en", "j F Y, H:i"), ("de", "j. F Y, H:i")])
def test_demo_meeting_dates_are_written_as_the_language_writes_them(client, language, expected_format):
    for meeting in MeetingPage.objects.live().filter(locale__language_code=language):
        with translation.override(language):
            expected = dateformat.format(meeting.start.astimezone(BERLIN), expected_format)
        html = rendered(client, meeting.url)
        assert expected in html, meeting.url
        assert not any(pattern.search(html) for pattern in AMERICAN), meeting.url
