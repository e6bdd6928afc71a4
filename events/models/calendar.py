"""The event calendar of each language: its views, filters and subscription feed."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from core.calendar import calendar_response
from core.context import lazy
from core.models import IntroPage
from core.pagination import paginate
from pagecache.cache import per_content_change

from . import listing

# The last parts of the month view's and the archive's addresses, in the page's language.
MONTH_SLUGS = {"de": "monat", "en": "month"}
ARCHIVE_SLUGS = {"de": "archiv", "en": "archive"}
EVENTS_PER_PAGE = 20


def _slug(slugs, page):
    return slugs.get(page.locale.language_code, slugs["de"])


class EventIndexPage(RoutablePageMixin, IntroPage):
    """The calendar of one language: all upcoming meetings and events, a month view, the archive
    and the iCalendar subscription, each for any combination of filters (GET parameters)."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences above the calendar."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event calendar")

    @per_content_change("event-filter-choices", key=lambda page: [page.pk])
    def filter_choices(self, request):
        return listing.filter_choices(self)

    def calendar(self, request):
        return listing.Calendar(self, request)

    def _render_view(self, request, view, calendar, **context):
        return self.render(
            request,
            template="events/event_index_page.html",
            context_overrides={"view": view, "calendar": calendar, **calendar.context(), **context},
        )

    # What a view lists is read when its cached part of the template renders (lazy values):
    # a cached view costs no query for its list.

    @path("", name="upcoming")
    def upcoming(self, request):
        calendar = self.calendar(request)
        page = lazy(lambda: paginate(request, calendar.upcoming_keys(), EVENTS_PER_PAGE))
        return self._render_view(
            request, "upcoming", calendar, items_page=page, items=lazy(lambda: calendar.items(page))
        )

    @re_path(r"^(?P<slug>monat|month)/(?P<month>\d{4}-\d{2})/$", name="month")
    def month(self, request, slug, month):
        if slug != _slug(MONTH_SLUGS, self):
            raise Http404
        first_day = listing.parse_month(month)
        if first_day is None:
            raise Http404
        calendar = self.calendar(request)
        return self._render_view(
            request, "month", calendar, month_first_day=first_day, month=lazy(lambda: calendar.month(first_day))
        )

    @re_path(r"^(?P<slug>archiv|archive)/$", name="archive")
    def archive(self, request, slug):
        if slug != _slug(ARCHIVE_SLUGS, self):
            raise Http404
        calendar = self.calendar(request)
        page = lazy(lambda: paginate(request, calendar.past_keys(), EVENTS_PER_PAGE))
        return self._render_view(
            request, "archive", calendar, items_page=page, items=lazy(lambda: calendar.items(page))
        )

    @path("ical/", name="calendar")
    def ical(self, request):
        calendar = self.calendar(request)
        return calendar_response(calendar.feed_entries(), filename=f"{self.slug}.ics", name=calendar.feed_name())

    def upcoming_url(self, request=None):
        return self.get_url(request)

    def month_url(self, first_day, request=None):
        kwargs = {"slug": _slug(MONTH_SLUGS, self), "month": f"{first_day:%Y-%m}"}
        return self.get_url(request) + self.reverse_subpage("month", kwargs=kwargs)

    def archive_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("archive", kwargs={"slug": _slug(ARCHIVE_SLUGS, self)})

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar")
