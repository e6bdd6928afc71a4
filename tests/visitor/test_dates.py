"""Dates and times in the reader's language and in Europe/Berlin: English meetings read like English
news ("26 March 2009", 24-hour times), not like an American calendar ("Dec. 24, 2026, 6 p.m.")."""

import re
from zoneinfo import ZoneInfo

import pytest

from django.utils import dateformat, translation

from network.models import MeetingPage

from .pages import page_of_type, rendered

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]

BERLIN = ZoneInfo("Europe/Berlin")
AMERICAN = [re.compile(r"\b[ap]\.m\."), re.compile(r"\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d")]


@pytest.mark.parametrize(("language", "expected_format"), [("en", "j F Y, H:i"), ("de", "j. F Y, H:i")])
def test_meeting_dates_are_written_as_the_language_writes_them_in_berlin_time(client, language, expected_format):
    meeting = page_of_type(MeetingPage, language)
    network = meeting.get_parent()
    with translation.override(language):
        expected = dateformat.format(meeting.start.astimezone(BERLIN), expected_format)
    for url in (meeting.url, network.url):
        html = rendered(client, url)
        assert expected in html, url
        assert not any(pattern.search(html) for pattern in AMERICAN), url
