"""The registration e-mails go out through the task queue (django-tasks): queued once the
transaction that stored the registration's change has committed, so a person is never told of a
seat that was rolled back, and the visitor's request does not wait for the SMTP server. Django's
immediate backend sends at once (tests, `make run`); the stack's `db_worker` sends from its queue."""

from django_tasks import task

from django.db import transaction

from . import emails
from .models import Registration


@task()
def send_registration_email(registration_id, kind):
    """Send the e-mail `kind` to the person as their registration is now; a registration erased in
    the meantime gets nothing. A reminder that fails is unmarked, for the next run to try again."""
    registration = Registration.objects.select_related("locale").filter(pk=registration_id).first()
    if registration is None:
        return False
    sent = emails.send(registration, kind)
    if not sent and kind == "reminder":
        Registration.objects.filter(pk=registration_id).update(reminder_sent_at=None)
    return sent


def send_after_commit(registration, kind):
    """Queue the e-mail `kind` for `registration` (stored already) once the transaction commits."""
    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))
