"""The demo's upcoming meeting is on a day and at a time a Bochum business would meet."""

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from django.conf import settings
from django.utils import timezone

from demo.network import holidays_in_bochum, next_meeting_day
from network.models import MeetingPage

pytestmark = pytest.mark.demo


BERLIN = ZoneInfo("Europe/Berlin")


def test_holidays_include_easter_based_and_christmas_days():
    holidays = holidays_in_bochum(2027)
    # Easter Sunday 2027 is 28 March: Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi.
    for day in [date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 17), date(2027, 5, 27)]:
        assert day in holidays
    for day in [date(2027, 12, 24), date(2027, 12, 25), date(2027, 12, 31), date(2027, 1, 1), date(2027, 10, 3)]:
        assert day in holidays


def test_meeting_day_is_a_working_thursday_a_few_weeks_ahead_whenever_the_demo_is_loaded():
    today = date(2026, 1, 1)
    while today < date(2029, 1, 1):
        day = next_meeting_day(today)
        assert day.weekday() == 3, (today, day)
        assert day not in holidays_in_bochum(day.year), (today, day)
        assert timedelta(weeks=3) <= day - today <= timedelta(weeks=7), (today, day)
        today += timedelta(days=1)


def test_demo_loaded_on_3_december_does_not_meet_on_christmas_eve():
    assert next_meeting_day(date(2026, 12, 3)) == date(2027, 1, 7)


@pytest.mark.django_db
def test_demo_shows_an_upcoming_meeting_on_a_working_day_in_the_evening():
    upcoming = MeetingPage.objects.live().filter(end__gte=timezone.now(), locale__language_code="de")
    [meeting] = upcoming
    start, end = meeting.start.astimezone(BERLIN), meeting.end.astimezone(BERLIN)
    assert start.weekday() == 3
    assert start.date() not in holidays_in_bochum(start.year)
    assert (start.hour, end.hour) == (18, 20)


def test_readme_says_what_the_demo_shows():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert "home page shows no upcoming meeting" not in readme
    assert "one upcoming meeting" in readme
