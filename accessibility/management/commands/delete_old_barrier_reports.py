from django.conf import settings
from django.core.management.base import BaseCommand

from accessibility.models import BarrierReport
from core.retention import months_before


class Command(BaseCommand):
    help = (
        "Deletes reports of barriers older than the retention period "
        "(BARRIER_REPORT_RETENTION_MONTHS, default 24 months). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help=f"Retention period in months (default: {settings.BARRIER_REPORT_RETENTION_MONTHS}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.BARRIER_REPORT_RETENTION_MONTHS if months is None else months
        if months < 1:
            self.stderr.write("The retention period must be at least one month.")
            return
        cutoff = months_before(months)
        old = BarrierReport.objects.filter(created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} barrier reports received before {cutoff:%Y-%m-%d} would be deleted.")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"Deleted {deleted} barrier reports received before {cutoff:%Y-%m-%d}.")
