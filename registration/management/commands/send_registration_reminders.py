from django.core.management.base import BaseCommand

from registration.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "E-mails the reminder to everyone with a seat at an event whose reminder time (its 'reminder "
        "(days before)') has come. Each person gets it once; run it hourly, e.g. from cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {send_due_reminders()} reminders.")
