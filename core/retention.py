"""Retention periods of stored personal data, counted in calendar months."""

import calendar

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


def months_before(months, now=None):
    """The moment `months` calendar months before `now`: the same day of the month, or the month's
    last day where it is shorter (31 March minus one month is 28/29 February)."""
    now = now or timezone.now()
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    month += 1
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))


class DeleteOlderThanRetention(BaseCommand):
    """A management command that deletes the stored records of one model older than its retention
    period. Subclasses name the model, the setting with the period, and the records in the plural."""

    model = None
    setting = ""
    records = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help = (
            f"Deletes {self.records} older than the retention period ({self.setting}, "
            f"now {self.default_months()} months). Run it daily, e.g. from cron."
        )

    def default_months(self):
        return getattr(settings, self.setting)

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help=f"Retention period in months (default: {self.default_months()}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = self.default_months() if months is None else months
        if months < 1:
            self.stderr.write("The retention period must be at least one month.")
            return
        cutoff = months_before(months)
        old = self.model.objects.filter(created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} {self.records} received before {cutoff:%Y-%m-%d} would be deleted.")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"Deleted {deleted} {self.records} received before {cutoff:%Y-%m-%d}.")
