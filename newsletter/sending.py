"""Sending an issue to its subscribers through the task queue, resumable after a crash.

`start` fixes the recipients: one `Delivery` row per confirmed subscriber of the issue's language
and topics, made in the transaction that marks the issue as sending, and queues `send_issue`.
The task claims one delivery at a time (`select_for_update(skip_locked=True)`, so several workers
never take the same row) and commits its state before the e-mail goes out (`sending`) and after
(`sent`): whoever runs next knows who has the issue. Each run first queues its successor for
NEWSLETTER_SEND_LEASE_SECONDS later (the database backend's `run_after`); a worker killed
mid-send leaves its claimed row `sending`, and the successor, run by the restarted worker, takes
that row over once its lease has passed and sends the rest. A run that finds nothing left ends
the chain. The one unavoidable gap: a crash between the SMTP server's acceptance and the commit
of `sent` (a single UPDATE) would send that one person a second copy with the same Message-ID."""

import logging
import smtplib
import time
from datetime import timedelta
from email.utils import parseaddr

from django_tasks import default_task_backend, task

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.sites import language_homes

from . import emails
from .models import Delivery, Issue, NewsletterPage, Subscriber

logger = logging.getLogger(__name__)

# Temporary failures (the server is down, a timeout) are retried this often before a delivery fails.
MAX_ATTEMPTS = 3


def newsletter_page(locale):
    """The live newsletter page of the language, the default site's first."""
    pages = NewsletterPage.objects.live().filter(locale=locale).order_by("path")
    home = language_homes().filter(locale=locale).first()
    return (pages.descendant_of(home).first() if home else None) or pages.first()


def start(issue, user=None):
    """Fix the recipients and queue the send; False when the issue is not a draft (any more)."""
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != Issue.Status.DRAFT:
            return False
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber=subscriber) for subscriber in issue.recipients()],
            ignore_conflicts=True,
        )
        issue.status = Issue.Status.SENDING
        issue.send_started_at = timezone.now()
        issue.sent_by = user
        issue.save(update_fields=["status", "send_started_at", "sent_by"])
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return True


def _lease():
    return timedelta(seconds=settings.NEWSLETTER_SEND_LEASE_SECONDS)


def _unfinished(issue_id):
    return Delivery.objects.filter(issue_id=issue_id, status__in=(Delivery.Status.PENDING, Delivery.Status.SENDING))


def _claim(issue_id):
    """The next delivery to send, marked `sending` and committed; None when there is none free."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(issue_id=issue_id)
            .filter(
                Q(status=Delivery.Status.PENDING) | Q(status=Delivery.Status.SENDING, claimed_at__lt=now - _lease())
            )
            .order_by("pk")
            .first()
        )
        if delivery is None:
            return None
        delivery.status = Delivery.Status.SENDING
        delivery.claimed_at = now
        delivery.attempts += 1
        delivery.save(update_fields=["status", "claimed_at", "attempts"])
    return delivery


def _set(delivery, status, error=""):
    fields = {"status": status, "error": error[:500]}
    if status == Delivery.Status.SENT:
        fields["sent_at"] = timezone.now()
    if status == Delivery.Status.PENDING:
        fields["claimed_at"] = None
    Delivery.objects.filter(pk=delivery.pk).update(**fields)


def message_id(issue, delivery):
    """The same on every attempt, so that a second copy is recognisable as one."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<newsletter.{issue.pk}.{delivery.pk}@{domain}>"


def _deliver(issue, pages, page, delivery, connection):
    """Send one delivery; False when the mail server failed and the run should stop."""
    subscriber = (
        Subscriber.objects.confirmed().filter(pk=delivery.subscriber_id).select_related("locale").first()
        if delivery.subscriber_id
        else None
    )
    if subscriber is None:
        _set(delivery, Delivery.Status.SKIPPED)
        return True
    message = emails.issue_message(issue, pages, page, subscriber=subscriber, message_id=message_id(issue, delivery))
    message.connection = connection
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        _set(delivery, Delivery.Status.FAILED, str(error))
        return True
    except Exception as error:
        logger.exception("Newsletter %s: the e-mail of delivery %s failed", issue.pk, delivery.pk)
        if delivery.attempts >= MAX_ATTEMPTS:
            _set(delivery, Delivery.Status.FAILED, str(error))
            return True
        _set(delivery, Delivery.Status.PENDING, str(error))
        return False
    _set(delivery, Delivery.Status.SENT)
    return True


def _queue_successor(issue_id):
    """The run that takes over after a crash: queued before this run sends anything."""
    if default_task_backend.supports_defer and _unfinished(issue_id).exists():
        send_issue.using(run_after=timezone.now() + _lease()).enqueue(issue_id)


def _finish_if_done(issue_id):
    if not _unfinished(issue_id).exists():
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, sent_at=timezone.now()
        )


@task()
def send_issue(issue_id):
    """Send what is left of an issue; returns how many e-mails this run sent."""
    issue = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).select_related("locale").first()
    if issue is None:
        return 0
    _queue_successor(issue_id)
    page = newsletter_page(issue.locale)
    pages = issue.pages()
    sent = 0
    # A send that hangs must end well within the lease, or the successor would send a second copy.
    connection = get_connection(timeout=max(settings.NEWSLETTER_SEND_LEASE_SECONDS / 3, 1))
    try:
        while (delivery := _claim(issue_id)) is not None:
            if not _deliver(issue, pages, page, delivery, connection):
                break
            sent += 1
            if settings.NEWSLETTER_SEND_PAUSE_SECONDS:
                time.sleep(settings.NEWSLETTER_SEND_PAUSE_SECONDS)
    finally:
        connection.close()
    _finish_if_done(issue_id)
    return sent
