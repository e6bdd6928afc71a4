"""What the calendar shows: the meetings of all networks and the initiative's events of one
language, filtered by focus sector, network and kind, as an upcoming list, a month, an archive
and calendar entries.

A list reads the start and key of every matching meeting and event (two small queries), pages
through them in order and reads only the shown ones in full (two queries, and one for the
meetings' networks): the number of queries stays the same however many events there are."""

import calendar as calendar_module
import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from network.models import BERLIN, FocusSectorPage, MeetingPage, NetworkPage, NetworkSector

from ..forms import EventFilterForm
from .events import EventNetwork, EventPage, EventSector

FILTERS = ("sector", "network", "kind")
MEETING = "meeting"
MEETING_LABEL = _("network meeting")
# The feed also carries the events of the last year, so a subscriber sees what just took place.
FEED_PAST_DAYS = 365


def parse_month(text):
    """The first day of a month written "2027-01", or None for anything else."""
    try:
        year, month = (int(part) for part in text.split("-"))
    except ValueError:
        return None
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        return None
    return datetime.date(year, month, 1)


def _berlin_midnight(day):
    return datetime.datetime(day.year, day.month, day.day, tzinfo=BERLIN)


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass
class CalendarItem:
    """A meeting or an event as the calendar lists it."""

    page: Page
    kind: str
    kind_label: str
    network: Page | None = None

    @property
    def start(self):
        return self.page.start_local

    @property
    def end(self):
        return self.page.end_local

    @property
    def is_meeting(self):
        return self.kind == MEETING

    @property
    def cancelled(self):
        return self.page.status == "cancelled"

    @property
    def multi_day(self):
        return self.start.date() != self.end.date()


def filter_choices(index):
    """The sectors and networks of the calendar's language, and the kinds (a meeting or one of
    the event kinds): what a visitor can filter by."""
    home_path = index.path[: 2 * index.steplen]
    in_site = {"locale_id": index.locale_id, "path__startswith": home_path}
    return {
        "sectors": list(FocusSectorPage.objects.live().filter(**in_site).order_by("title")),
        "networks": list(NetworkPage.objects.live().filter(**in_site).order_by("title")),
        "kinds": [(MEETING, MEETING_LABEL), *EventPage.Kind.choices],
    }


class Calendar:
    """The calendar page `index` as asked for by `request` (its filters)."""

    def __init__(self, index, request):
        self.index = index
        self.request = request
        self.choices = index.filter_choices(request)
        self.active = self._active_filters()

    def _active_filters(self):
        """The valid filters of the query string; an unknown value is ignored, never an error."""
        get = self.request.GET
        active = {}
        sectors = {sector.slug: sector for sector in self.choices["sectors"]}
        networks = {network.slug: network for network in self.choices["networks"]}
        kinds = dict(self.choices["kinds"])
        if get.get("sector") in sectors:
            active["sector"] = sectors[get["sector"]]
        if get.get("network") in networks:
            active["network"] = networks[get["network"]]
        if get.get("kind") in kinds:
            active["kind"] = get["kind"]
        return active

    @property
    def query(self):
        """The active filters as a query string ("?sector=…&kind=…"), or ""."""
        params = {
            name: getattr(self.active[name], "slug", self.active[name]) for name in FILTERS if name in self.active
        }
        return f"?{urlencode(params)}" if params else ""

    # What matches the filters

    def meetings(self):
        kind = self.active.get("kind")
        if kind and kind != MEETING:
            return MeetingPage.objects.none()
        meetings = MeetingPage.objects.live().filter(
            locale_id=self.index.locale_id, path__startswith=self.index.path[: 2 * self.index.steplen]
        )
        if "network" in self.active:
            network = self.active["network"]
            meetings = meetings.filter(path__startswith=network.path, depth=network.depth + 1)
        if "sector" in self.active:
            # A meeting is for the sectors of its network (the page above it).
            sector_networks = NetworkSector.objects.filter(
                sector__translation_key=self.active["sector"].translation_key
            ).values("page__path")
            meetings = meetings.alias(network_path=Substr("path", 1, Length("path") - MeetingPage.steplen)).filter(
                network_path__in=sector_networks
            )
        return meetings

    def events(self):
        kind = self.active.get("kind")
        if kind == MEETING:
            return EventPage.objects.none()
        events = EventPage.objects.live().filter(locale_id=self.index.locale_id).child_of(self.index)
        if kind:
            events = events.filter(kind=kind)
        if "network" in self.active:
            key = self.active["network"].translation_key
            events = events.filter(pk__in=EventNetwork.objects.filter(network__translation_key=key).values("page_id"))
        if "sector" in self.active:
            key = self.active["sector"].translation_key
            events = events.filter(pk__in=EventSector.objects.filter(sector__translation_key=key).values("page_id"))
        return events

    # Lists: keys in order, then the shown page of them in full

    def _keys(self, when, newest_first=False):
        keys = [(start, MEETING, pk) for start, pk in self.meetings().filter(**when).values_list("start", "pk")]
        keys += [(start, "event", pk) for start, pk in self.events().filter(**when).values_list("start", "pk")]
        return sorted(keys, reverse=newest_first)

    def upcoming_keys(self):
        return self._keys({"end__gte": timezone.now()})

    def past_keys(self):
        return self._keys({"end__lt": timezone.now()}, newest_first=True)

    def items(self, keys):
        """The meetings and events of `keys` ((start, kind, pk), in list order) as CalendarItems.
        Events without their body, but with their material (the archive says what there is)."""
        keys = list(keys)
        meeting_keys = [pk for _start, kind, pk in keys if kind == MEETING]
        event_keys = [pk for _start, kind, pk in keys if kind != MEETING]
        found = {}
        if meeting_keys:
            found.update({(MEETING, m.pk): m for m in MeetingPage.objects.filter(pk__in=meeting_keys)})
        if event_keys:
            found.update({("event", e.pk): e for e in self.events().filter(pk__in=event_keys).defer("body")})
        return self._as_items(found[(kind, pk)] for _start, kind, pk in keys if (kind, pk) in found)

    def _as_items(self, pages):
        pages = list(pages)
        kinds = dict(EventPage.Kind.choices)
        meetings = [page for page in pages if isinstance(page, MeetingPage)]
        networks = {}
        if meetings:
            # The meetings' networks as plain pages (title and address): one query.
            parent_paths = {meeting.path[: -MeetingPage.steplen] for meeting in meetings}
            networks = {network.path: network for network in Page.objects.filter(path__in=parent_paths)}
        items = []
        for page in pages:
            if isinstance(page, MeetingPage):
                items.append(
                    CalendarItem(page, MEETING, MEETING_LABEL, networks.get(page.path[: -MeetingPage.steplen]))
                )
            else:
                items.append(CalendarItem(page, page.kind, kinds.get(page.kind, page.kind)))
        return items

    def between(self, start, end):
        """The meetings and events that take place (in part) between `start` and `end`, in order."""
        overlapping = {"start__lt": end, "end__gt": start}
        pages = [*self.meetings().filter(**overlapping), *self.events().filter(**overlapping).defer("body")]
        pages.sort(key=lambda page: (page.start, page.pk))
        return self._as_items(pages)

    # The month view

    def month(self, first_day):
        """The month starting on `first_day`: its weeks (Monday first) with each day's items,
        and the days with items in order."""
        next_first = _add_months(first_day, 1)
        items = self.between(_berlin_midnight(first_day), _berlin_midnight(next_first))
        by_day = {}
        for item in items:
            day = max(item.start.date(), first_day)
            last = min(item.end.date(), next_first - datetime.timedelta(days=1))
            # An event ending at midnight does not take place on the next day.
            if item.end.time() == datetime.time(0) and item.end.date() > item.start.date():
                last = min(last, item.end.date() - datetime.timedelta(days=1))
            while day <= last:
                by_day.setdefault(day, []).append(item)
                day += datetime.timedelta(days=1)
        weeks = [
            [{"date": day, "in_month": day.month == first_day.month, "items": by_day.get(day, [])} for day in week]
            for week in calendar_module.Calendar(firstweekday=0).monthdatescalendar(first_day.year, first_day.month)
        ]
        previous_first = _add_months(first_day, -1)
        return {
            "first_day": first_day,
            "weeks": weeks,
            "weekdays": [day["date"] for day in weeks[0]],
            "days": sorted(by_day.items()),
            "count": len(items),
            "previous_url": self.index.month_url(previous_first, self.request) + self.query,
            "next_url": self.index.month_url(next_first, self.request) + self.query,
            "previous_month": previous_first,
            "next_month": next_first,
        }

    # The iCalendar subscription

    def feed_entries(self):
        since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
        pages = [*self.meetings().filter(end__gte=since), *self.events().filter(end__gte=since).defer("body")]
        pages.sort(key=lambda page: (page.start, page.pk))
        return [page.calendar_entry(self.request) for page in pages]

    def feed_name(self):
        """The calendar's title with the filters, e.g. "Termine: Messe, Maschinenbau – Bochum 2015"."""
        labels = [str(dict(self.choices["kinds"])[self.active["kind"]])] if "kind" in self.active else []
        labels += [self.active[name].title for name in ("sector", "network") if name in self.active]
        name = f"{self.index.title}: {', '.join(labels)}" if labels else self.index.title
        return f"{name} – Bochum 2015"

    def context(self):
        today = timezone.localdate(timezone=BERLIN)
        return {
            "active_filters": self.active,
            "filter_form": EventFilterForm(self.choices, self.active),
            "filter_query": self.query,
            "upcoming_url": self.index.upcoming_url(self.request) + self.query,
            "this_month_url": self.index.month_url(today.replace(day=1), self.request) + self.query,
            "archive_url": self.index.archive_url(self.request) + self.query,
            "feed_url": self.index.feed_url(self.request) + self.query,
            "feed_name": self.feed_name(),
        }
