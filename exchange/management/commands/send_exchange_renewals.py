import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from exchange.models import Entry
from exchange.tasks import send_after_commit


class Command(BaseCommand):
    help = (
        "E-mails the poster of each public exchange entry that ends within EXCHANGE_RENEWAL_DAYS a link "
        "to renew it, once per period. Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        due = Entry.objects.public(now).filter(
            expires_at__lte=now + datetime.timedelta(days=settings.EXCHANGE_RENEWAL_DAYS), renewal_sent_at__isnull=True
        )
        count = 0
        with transaction.atomic():
            for entry in due.select_for_update(skip_locked=True):
                # Marked first: a second run meanwhile sends nothing; a failed e-mail unmarks it.
                entry.renewal_sent_at = now
                entry.save(update_fields=["renewal_sent_at"])
                send_after_commit(entry, "renewal")
                count += 1
        self.stdout.write(f"Renewal e-mails queued: {count}.")
