from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter.models import Subscriber


class Command(BaseCommand):
    help = (
        "Deletes newsletter subscriptions never confirmed within NEWSLETTER_CONFIRM_HOURS (their link has "
        "expired) and forgets confirmed subscribers' unconfirmed changes of topics. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(hours=settings.NEWSLETTER_CONFIRM_HOURS)
        unconfirmed = Subscriber.objects.filter(status=Subscriber.Status.PENDING, requested_at__lt=cutoff)
        changes = Subscriber.objects.filter(
            status=Subscriber.Status.CONFIRMED, requested__isnull=False, requested_at__lt=cutoff
        )
        if dry_run:
            self.stdout.write(
                f"{unconfirmed.count()} unconfirmed subscriptions and {changes.count()} unconfirmed changes "
                "would be deleted."
            )
            return
        deleted, _ = unconfirmed.delete()
        forgotten = changes.update(requested=None)
        self.stdout.write(f"Deleted {deleted} unconfirmed subscriptions and {forgotten} unconfirmed changes.")
