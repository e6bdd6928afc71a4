"""The exchange's e-mails go out through the task queue (django-tasks): queued once the
transaction that stored the entry or answer has committed, so nobody is mailed about something
rolled back, and the visitor's request does not wait for the SMTP server. Django's immediate
backend sends at once (tests, `make run`); the stack's `db_worker` sends from its queue."""

from django_tasks import task

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from . import emails


@task()
def send_entry_email(entry_id, kind):
    """Send the e-mail `kind` to the poster of the entry as it is now; a deleted entry gets
    nothing. A renewal e-mail that fails is unmarked, for the next run to try again. (The models
    are looked up by name: the page that queues these tasks is one of them.)"""
    Entry = apps.get_model("exchange", "Entry")
    entry = Entry.objects.select_related("locale").filter(pk=entry_id).first()
    if entry is None:
        return False
    sent = emails.send(entry, kind)
    if not sent and kind == "renewal":
        Entry.objects.filter(pk=entry_id).update(renewal_sent_at=None)
    return sent


@task()
def relay_answer(answer_id):
    """Forward the answer to the poster (Reply-To: the answerer) and tell the answerer it was
    forwarded; marked relayed once the poster's e-mail went out."""
    Answer = apps.get_model("exchange", "Answer")
    answer = Answer.objects.select_related("entry__locale").filter(pk=answer_id).first()
    if answer is None:
        return False
    sent = emails.send(answer.entry, "answer", answer)
    if sent:
        Answer.objects.filter(pk=answer_id).update(relayed_at=timezone.now())
        emails.send(answer.entry, "answer_copy", answer)
    return sent


@task()
def notify_moderators(entry_id):
    """Tell the initiative that the entry (confirmed by its poster) waits for moderation."""
    entry = apps.get_model("exchange", "Entry").objects.filter(pk=entry_id).first()
    return emails.notify_moderators(entry) if entry is not None else False


def send_after_commit(entry, kind):
    entry_id = entry.pk
    transaction.on_commit(lambda: send_entry_email.enqueue(entry_id, kind))


def relay_after_commit(answer):
    answer_id = answer.pk
    transaction.on_commit(lambda: relay_answer.enqueue(answer_id))


def notify_moderators_after_commit(entry):
    entry_id = entry.pk
    transaction.on_commit(lambda: notify_moderators.enqueue(entry_id))
