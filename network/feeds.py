"""Machine-readable meetings: iCalendar files (RFC 5545) and JSON-LD `Event` data, from the
meeting pages handed over (their times in Bochum: `start_local`, `end_local`)."""

from datetime import UTC, datetime

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils.html import strip_tags

from core.structured_data import json_ld

PRODID = "-//Bochum 2015//Netzwerktreffen//DE"

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

_ICAL_STATUS = {"planned": "CONFIRMED", "took_place": "CONFIRMED", "cancelled": "CANCELLED"}
_SCHEMA_STATUS = {
    "planned": "https://schema.org/EventScheduled",
    "took_place": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def _site_host():
    from urllib.parse import urlsplit

    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def _location(meeting):
    address = ", ".join(line.strip() for line in meeting.venue_address.splitlines() if line.strip())
    return ", ".join(part for part in (meeting.venue_name, address) if part)


def build_calendar(meetings, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add_component(icalendar.Timezone.from_ical(_BERLIN_VTIMEZONE))
    host = _site_host()
    for meeting in meetings:
        event = icalendar.Event()
        # The German and the English page describe one meeting: one UID for both.
        event.add("uid", f"meeting-{meeting.translation_key}@{host}")
        stamp = meeting.last_published_at or meeting.latest_revision_created_at or datetime.now(UTC)
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", meeting.start_local)
        event.add("dtend", meeting.end_local)
        event.add("summary", meeting.title)
        if meeting.intro:
            event.add("description", meeting.intro)
        location = _location(meeting)
        if location:
            event.add("location", location)
        event.add("url", meeting.get_full_url(request))
        event.add("status", _ICAL_STATUS.get(meeting.status, "CONFIRMED"))
        calendar.add_component(event)
    return calendar


def calendar_response(request, meetings, filename, name):
    calendar = build_calendar(meetings, request, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_json_ld(meeting, request):
    """schema.org `Event` data of a meeting, safe to put inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "startDate": meeting.start_local.isoformat(),
        "endDate": meeting.end_local.isoformat(),
        "eventStatus": _SCHEMA_STATUS.get(meeting.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": meeting.locale.language_code,
        "url": meeting.get_full_url(request),
        "location": {
            "@type": "Place",
            "name": meeting.venue_name,
            "address": ", ".join(line.strip() for line in meeting.venue_address.splitlines() if line.strip()),
        },
        "organizer": {"@type": "Organization", "name": "Bochum 2015", "url": settings.WAGTAILADMIN_BASE_URL},
        "isAccessibleForFree": True,
    }
    description = meeting.intro or strip_tags(meeting.agenda)
    if description:
        data["description"] = description.strip()
    return json_ld(data)
