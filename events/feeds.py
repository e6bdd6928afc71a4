"""An event of the initiative as a calendar entry (core.calendar) and as JSON-LD `Event` data."""

from django.utils.html import strip_tags

from core.calendar import CalendarEntry, one_line, page_sequence, site_host
from core.structured_data import free_offer, initiative, json_ld

_SCHEMA = "https://schema.org/"
_ATTENDANCE_MODE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}


def _location(event):
    parts = [event.venue_name, one_line(event.venue_address)] if event.on_site else []
    if event.attendance_mode != "offline" and event.online_url:
        parts.append(event.online_url)
    return ", ".join(part for part in parts if part)


def event_entry(event, request):
    """The event as a calendar entry: one UID for its German and its English page."""
    return CalendarEntry(
        uid=f"event-{event.translation_key}@{site_host()}",
        start=event.start_local,
        end=event.end_local,
        summary=event.title,
        url=event.get_full_url(request),
        description=event.intro,
        location=_location(event),
        status="CANCELLED" if event.is_cancelled else "CONFIRMED",
        sequence=page_sequence(event),
        stamp=event.last_published_at or event.latest_revision_created_at,
    )


def event_json_ld(event, request):
    """schema.org `Event` data of an event, safe to put inside a <script> element."""
    url = event.get_full_url(request)
    locations = []
    if event.on_site:
        locations.append({"@type": "Place", "name": event.venue_name, "address": one_line(event.venue_address)})
    if event.attendance_mode != "offline" and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.start_local.isoformat(),
        "endDate": event.end_local.isoformat(),
        "eventStatus": _SCHEMA + ("EventCancelled" if event.is_cancelled else "EventScheduled"),
        "eventAttendanceMode": _SCHEMA + _ATTENDANCE_MODE.get(event.attendance_mode, "OfflineEventAttendanceMode"),
        "inLanguage": event.locale.language_code,
        "url": url,
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": initiative(),
        "isAccessibleForFree": True,
        "offers": free_offer(url),
    }
    description = event.intro or strip_tags(event.report)
    if description:
        data["description"] = description.strip()
    return json_ld(data)
