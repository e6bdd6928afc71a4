"""The registration e-mails go through the task queue once the registration is stored and committed."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.db import transaction
from django.test import override_settings

from registration.models import Registration
from registration.tasks import send_registration_email

from .factories import bilingual_meeting

pytestmark = pytest.mark.django_db

PERSON = {
    "name": "Erika Muster",
    "company": "",
    "email": "erika@muster-metall.example",
    "accessibility_needs": "",
}


def test_the_mail_is_queued_only_when_the_stored_registration_is_committed(django_capture_on_commit_callbacks):
    event = bilingual_meeting()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration = event.german.register(PERSON)
    assert Registration.objects.filter(pk=registration.pk, status="pending").exists()
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert [message.to for message in mail.outbox] == [[PERSON["email"]]]


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    event = bilingual_meeting()
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        event.german.register(PERSON)
        raise RuntimeError
    assert mail.outbox == [] and not Registration.objects.filter(email=PERSON["email"]).exists()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_the_database_queue_the_worker_sends_the_mail(django_capture_on_commit_callbacks):
    event = bilingual_meeting()
    with django_capture_on_commit_callbacks(execute=True):
        registration = event.german.register(PERSON)
    assert mail.outbox == []
    queued = DBTaskResult.objects.get(task_path=send_registration_email.module_path)
    assert queued.args_kwargs == {"args": [registration.pk, "confirm"], "kwargs": {}}
    send_registration_email.call(*queued.args_kwargs["args"])
    assert mail.outbox[0].subject == "Bitte bestätigen Sie Ihre Anmeldung: Offenes Netzwerktreffen"


def test_an_erased_registration_gets_no_mail_from_the_queue():
    assert send_registration_email.call(987654, "confirm") is False
    assert mail.outbox == []
