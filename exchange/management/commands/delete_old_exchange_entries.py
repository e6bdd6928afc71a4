import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from exchange.models import Answer, Entry


class Command(BaseCommand):
    help = (
        "Deletes exchange entries that expired, or were never confirmed, more than EXCHANGE_RETENTION_DAYS "
        "ago, with their answers, and answers older than that. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Retention period in days.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.EXCHANGE_RETENTION_DAYS if days is None else days
        if days < 1:
            self.stderr.write("The retention period must be at least one day.")
            return
        cutoff = timezone.now() - datetime.timedelta(days=days)
        entries = Entry.objects.filter(
            Q(expires_at__lt=cutoff) | Q(email_confirmed_at__isnull=True, created_at__lt=cutoff)
        )
        answers = Answer.objects.filter(created_at__lt=cutoff).exclude(entry__in=entries)
        if dry_run:
            self.stdout.write(
                f"{entries.count()} entries and {answers.count()} further answers from before "
                f"{cutoff:%Y-%m-%d} would be deleted."
            )
            return
        answers_deleted, _ = answers.delete()
        # One by one: a live entry's deletion changes cached pages (exchange.publication).
        entries_deleted = 0
        for entry in entries:
            entry.delete()
            entries_deleted += 1
        self.stdout.write(
            f"Deleted {entries_deleted} entries and {answers_deleted} further answers from before {cutoff:%Y-%m-%d}."
        )
