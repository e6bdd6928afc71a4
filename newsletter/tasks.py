"""The confirmation e-mails go out through the task queue (django-tasks), queued once the
transaction that stored the request has committed: the visitor's request does not wait for the
SMTP server, and nobody is mailed about a request that was rolled back. Django's immediate backend
sends at once (tests, `make run`); the stack's `db_worker` sends from its queue. The issues have
their own task (`sending.send_issue`)."""

from django_tasks import task

from django.apps import apps
from django.db import transaction

from . import emails


@task()
def send_confirmation_email(page_id, subscriber_id, kind):
    """Send the confirmation e-mail `kind` to the subscriber as they are now; one erased or
    unsubscribed in the meantime gets nothing. (The models are looked up by name: the page that
    queues this task is one of them.)"""
    subscriber = (
        apps.get_model("newsletter", "Subscriber").objects.select_related("locale").filter(pk=subscriber_id).first()
    )
    page = apps.get_model("newsletter", "NewsletterPage").objects.filter(pk=page_id).first()
    if subscriber is None or page is None:
        return False
    return emails.send_confirmation(page, subscriber, kind)


def send_after_commit(page, subscriber, kind):
    """Queue the confirmation e-mail for `subscriber` (stored already) once the transaction commits."""
    page_id, subscriber_id = page.pk, subscriber.pk
    transaction.on_commit(lambda: send_confirmation_email.enqueue(page_id, subscriber_id, kind))
