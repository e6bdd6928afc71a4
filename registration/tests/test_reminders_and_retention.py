"""The reminder before an event (sent once) and the deletion of old registrations."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from registration.models import Registration

from .factories import RegistrationFactory, bilingual_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_reminders(django_capture_on_commit_callbacks):
    """The cron job: its e-mails are queued when its changes commit."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_registration_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123

    return run


def test_reminder_goes_once_to_each_seated_person_in_their_language(run_reminders):
    event = bilingual_meeting(start=timezone.now() + datetime.timedelta(days=1), registration_reminder_days=2)
    german = RegistrationFactory(page=event.german, status="confirmed")
    english = RegistrationFactory(page=event.english, status="confirmed")
    RegistrationFactory(page=event.german, status="waiting")
    RegistrationFactory(page=event.german, status="pending")
    RegistrationFactory(page=event.german, status="cancelled")

    run_reminders()
    subjects = sorted((message.to[0], message.subject) for message in mail.outbox)
    assert subjects == sorted(
        [
            (german.email, "Erinnerung: Offenes Netzwerktreffen"),
            (english.email, "Reminder: Open network meeting"),
        ]
    )
    english_mail = next(message for message in mail.outbox if message.to == [english.email])
    assert "you have a seat at this event" in english_mail.body and english_mail.attachments
    assert "register/cancel/" in english_mail.body
    german.refresh_from_db()
    assert german.reminder_sent_at is not None

    run_reminders()
    assert len(mail.outbox) == 2


def test_no_reminder_before_its_time_or_when_switched_off(run_reminders):
    event = bilingual_meeting(start=timezone.now() + datetime.timedelta(days=5), registration_reminder_days=2)
    RegistrationFactory(page=event.german, status="confirmed")
    run_reminders()
    assert mail.outbox == []
    event.german.registration_reminder_days = 0
    event.german.start = timezone.now() + datetime.timedelta(hours=3)
    event.german.save()
    run_reminders()
    assert mail.outbox == []


def test_a_reminder_whose_mail_fails_is_tried_again_on_the_next_run(run_reminders, monkeypatch):
    event = bilingual_meeting(start=timezone.now() + datetime.timedelta(days=1), registration_reminder_days=2)
    seated = RegistrationFactory(page=event.german, status="confirmed")
    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", lambda message: 1 / 0)
    run_reminders()
    seated.refresh_from_db()
    assert seated.reminder_sent_at is None and mail.outbox == []
    monkeypatch.undo()
    run_reminders()
    seated.refresh_from_db()
    assert seated.reminder_sent_at is not None and [message.to for message in mail.outbox] == [[seated.email]]


def test_registrations_older_than_the_retention_period_are_deleted(settings):
    settings.REGISTRATION_RETENTION_MONTHS = 12
    event = bilingual_meeting()
    old = RegistrationFactory(page=event.german, created_at=timezone.now() - datetime.timedelta(days=400))
    recent = RegistrationFactory(page=event.german, created_at=timezone.now() - datetime.timedelta(days=300))
    call_command("delete_old_registrations", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert list(Registration.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Registration.objects.filter(pk=old.pk).exists()
