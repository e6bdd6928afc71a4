"""The event calendar of each language (`/de/termine/`, `/en/events/`) and the initiative's own
events below it (trade fairs, information evenings, company visits).

The calendar lists these events together with the meetings of all networks (network app):
upcoming as a list, month by month, and past ones in an archive, each filterable by focus
sector, network and kind, and as an iCalendar subscription for every filter (listing.py)."""

from .calendar import ARCHIVE_SLUGS, MONTH_SLUGS, EventIndexPage
from .events import EventNetwork, EventPage, EventSector

__all__ = ["ARCHIVE_SLUGS", "MONTH_SLUGS", "EventIndexPage", "EventNetwork", "EventPage", "EventSector"]
