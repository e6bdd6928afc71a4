"""Retention periods of stored personal data, counted in calendar months."""

import calendar

from django.utils import timezone


def months_before(months, now=None):
    """The moment `months` calendar months before `now`: the same day of the month, or the month's
    last day where it is shorter (31 March minus one month is 28/29 February)."""
    now = now or timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    month += 1
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))
