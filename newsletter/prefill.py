"""What an editor starts an issue with: the newest news articles and the next events (the
initiative's events and the networks' meetings) of the issue's language."""

from django.utils import timezone

from events.models import EventPage
from network.models import MeetingPage
from news.models import NewsArticlePage

from .models import IssueItem


def newest_news(locale, count):
    return list(NewsArticlePage.objects.live().filter(locale=locale).order_by("-date", "-pk")[:count])


def next_events(locale, count, now=None):
    now = now or timezone.now()
    upcoming = [
        page
        for model in (EventPage, MeetingPage)
        for page in model.objects.live()
        .filter(locale=locale, start__gte=now)
        .exclude(status="cancelled")
        .order_by("start")[:count]
    ]
    return sorted(upcoming, key=lambda page: page.start)[:count]


def prefill(issue, news=5, events=3):
    """Add the newest `news` articles and next `events` events the issue does not have yet, after
    its items. Returns how many were added."""
    have = set(issue.items.values_list("page_id", flat=True))
    pages = [
        page for page in newest_news(issue.locale, news) + next_events(issue.locale, events) if page.pk not in have
    ]
    last = issue.items.order_by("-sort_order").values_list("sort_order", flat=True).first()
    start = 0 if last is None else last + 1
    IssueItem.objects.bulk_create(
        [IssueItem(issue=issue, page=page, sort_order=start + number) for number, page in enumerate(pages)]
    )
    return len(pages)
