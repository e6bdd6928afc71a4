"""Machine-readable meetings: calendar entries for iCalendar files (core.calendar) and JSON-LD
`Event` data, from the meeting pages handed over (their times in Bochum: `start_local`, `end_local`)."""

from django.utils.html import strip_tags

from core.calendar import CalendarEntry, calendar_response, one_line, page_sequence, site_host
from core.structured_data import free_offer, initiative, json_ld

_ICAL_STATUS = {"planned": "CONFIRMED", "took_place": "CONFIRMED", "cancelled": "CANCELLED"}
_SCHEMA_STATUS = {
    "planned": "https://schema.org/EventScheduled",
    "took_place": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def meeting_entry(meeting, request):
    """A meeting as a calendar entry. The German and the English page describe one meeting:
    one UID for both."""
    return CalendarEntry(
        uid=f"meeting-{meeting.translation_key}@{site_host()}",
        start=meeting.start_local,
        end=meeting.end_local,
        summary=meeting.title,
        url=meeting.get_full_url(request),
        description=meeting.intro,
        location=", ".join(part for part in (meeting.venue_name, one_line(meeting.venue_address)) if part),
        status=_ICAL_STATUS.get(meeting.status, "CONFIRMED"),
        sequence=page_sequence(meeting),
        stamp=meeting.last_published_at or meeting.latest_revision_created_at,
    )


def meetings_calendar_response(request, meetings, filename, name):
    return calendar_response([meeting_entry(meeting, request) for meeting in meetings], filename, name)


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
        "location": {"@type": "Place", "name": meeting.venue_name, "address": one_line(meeting.venue_address)},
        "organizer": initiative(),
        "isAccessibleForFree": True,
        "offers": free_offer(meeting.get_full_url(request)),
    }
    description = meeting.intro or strip_tags(meeting.agenda)
    if description:
        data["description"] = description.strip()
    return json_ld(data)
