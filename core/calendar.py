"""iCalendar files (RFC 5545) of dated pages, in Bochum's time zone (Europe/Berlin with its
VTIMEZONE). Domain-free: apps hand over `CalendarEntry` values (a meeting's, an event's)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import icalendar

from django.conf import settings
from django.http import HttpResponse

PRODID = "-//Bochum 2015//Termine//DE"

# Europe/Berlin as calendars describe it (the EU rule in force since 1996): valid for any year,
# unlike a table of transitions generated for a fixed range.
_BERLIN_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


@dataclass
class CalendarEntry:
    """One VEVENT. `start` and `end` are aware datetimes in Europe/Berlin; `status` is
    "CONFIRMED" or "CANCELLED"; `sequence` grows whenever the entry's page is published anew."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    url: str
    description: str = ""
    location: str = ""
    status: str = "CONFIRMED"
    sequence: int = 0
    stamp: datetime | None = None


def site_host():
    """The host name UIDs are made unique with (the site's, as in its absolute links)."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def page_sequence(page):
    """SEQUENCE of a page's calendar entry: the id of its live revision, which grows with every
    publication (every change a visitor can see), never repeats, and survives Wagtail's
    purge_revisions (a count of revisions would not). No query: the page row holds it."""
    return page.live_revision_id or 0


def one_line(text):
    """A multi-line address as one line: "Street 1, 44799 Bochum"."""
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def build_calendar(entries, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add_component(icalendar.Timezone.from_ical(_BERLIN_VTIMEZONE))
    for entry in entries:
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", (entry.stamp or datetime.now(UTC)).astimezone(UTC))
        event.add("sequence", entry.sequence)
        event.add("dtstart", entry.start)
        event.add("dtend", entry.end)
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        event.add("url", entry.url)
        event.add("status", entry.status)
        calendar.add_component(event)
    return calendar


def calendar_response(entries, filename, name):
    response = HttpResponse(build_calendar(entries, name).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
