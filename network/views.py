"""Old addresses of the calendar files, kept working."""

from django.shortcuts import redirect


def calendar_redirect(request, path):
    """A meeting's or network's iCalendar file was at its page address with `.ics` instead of the
    final slash; it is now a sub-route of the page (`CalendarMixin`), whose serving decides
    whether there is one (a 404 for any other page or a missing one)."""
    return redirect(request.path.removesuffix(".ics") + "/ical/", permanent=True)
