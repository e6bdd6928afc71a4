"""The reminder a configurable number of days before an event (`send_registration_reminders`,
run by cron, queues the e-mails): once per confirmed registration, marked by its `reminder_sent_at`."""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from wagtail.coreutils import get_supported_content_language_variant

from .models import Registration, RegistrationSettings
from .tasks import send_after_commit

logger = logging.getLogger(__name__)

# Reminders are looked for among events starting within this many days.
LONGEST_REMINDER_DAYS = 60


def event_page_models():
    return [model for model in apps.get_models() if issubclass(model, RegistrationSettings)]


def events_due(now):
    """The live event pages whose reminder time has come and which have not started, one per event:
    its German page, whose settings hold for the event (`registration_event`)."""
    due = {}
    source_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for model in event_page_models():
        pages = model.objects.live().filter(
            locale__language_code=source_language,
            registration_open=True,
            registration_reminder_days__gt=0,
            start__gt=now,
            start__lte=now + timedelta(days=LONGEST_REMINDER_DAYS),
        )
        for page in pages:
            if page.start - timedelta(days=page.registration_reminder_days) <= now:
                due.setdefault(page.translation_key, page)
    return list(due.values())


def send_due_reminders(now=None):
    """Queue each due reminder once (`tasks.send_registration_email`); returns how many were
    queued. A reminder is marked as sent before it is queued, so a second run (or one running at
    the same time) never sends it again; a failed e-mail is unmarked and tried on the next run."""
    now = now or timezone.now()
    queued = 0
    for page in events_due(now):
        registrations = Registration.objects.filter(
            event_key=page.translation_key, status=Registration.Status.CONFIRMED, reminder_sent_at__isnull=True
        ).select_related("locale")
        for registration in registrations:
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            send_after_commit(registration, "reminder")
            queued += 1
    return queued
