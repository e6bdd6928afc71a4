"""A send interrupted by a crash resumes without a second copy to anyone and without missing
anyone: a real `manage.py db_worker` on PostgreSQL sends an issue to 40 subscribers through a real
SMTP server (aiosmtpd, started here), is killed with SIGKILL in the middle, and a new worker
finishes the send. Each subscriber receives the issue exactly once."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import connection
from django.test import override_settings

from core.models import ContactSettings, LegalPagesSettings
from newsletter import sending
from newsletter.models import Delivery, Issue, Subscriber

from .factories import IssueFactory, SubscriberFactory

SUBSCRIBERS = 40
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """The test database without a wrapping transaction: what the test writes, the worker sees.
    The test deletes what it made."""
    with django_db_blocker.unblock():
        yield


@pytest.mark.django_db
def test_the_recipients_are_fixed_when_sending_starts_and_sending_starts_once(django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    german = Locale.objects.get(language_code="de")
    reader = SubscriberFactory(locale=german, email="leserin@fixed.example")
    issue = IssueFactory(locale=german)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        assert sending.start(issue)
        assert not sending.start(issue)
    assert len(queued) == 1
    SubscriberFactory(locale=german, email="spaeter@fixed.example")
    assert list(Delivery.objects.filter(issue=issue).values_list("subscriber__email", flat=True)) == [reader.email]


def _start_worker(port, log):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsletter.tests.worker_settings",
        "NEWSLETTER_TEST_DATABASE": connection.settings_dict["NAME"],
        "NEWSLETTER_TEST_SMTP_PORT": str(port),
    }
    command = [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-reload", "--no-startup-delay"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603


def _wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"waited {seconds} s for {what}")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://...): the worker and the test share the database",
)
def test_a_worker_killed_mid_send_is_resumed_and_everyone_gets_the_issue_exactly_once(
    committed_db, smtp_server, tmp_path
):
    inbox, port = smtp_server
    settings_existed = {model: model.objects.exists() for model in (ContactSettings, LegalPagesSettings)}
    from wagtail.models import Locale

    german = Locale.objects.get(language_code="de")
    subscribers = [
        SubscriberFactory(locale=german, email=f"empfaenger{number}@kill-test.example")
        for number in range(SUBSCRIBERS)
    ]
    issue = IssueFactory(locale=german, subject="Abgebrochen und fortgesetzt")
    workers = []
    try:
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            assert sending.start(issue)
        with (tmp_path / "worker1.log").open("w") as log:
            workers.append(_start_worker(port, log))

        def in_a_pause():
            """Ten e-mails received and each committed as sent: the worker is in its pause (the one
            moment no mail system can make safe is between the server's acceptance and the commit)."""
            sent = Delivery.objects.filter(issue=issue, status="sent").count()
            return sent >= 10 and sent == len(inbox.messages)

        _wait_for(in_a_pause, 60, "ten e-mails sent and committed")
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(10)
        received_before_restart = len(inbox.messages)
        issue.refresh_from_db()
        assert issue.status == "sending"
        assert received_before_restart < SUBSCRIBERS
        assert Delivery.objects.filter(issue=issue, status="sent").count() == received_before_restart

        with (tmp_path / "worker2.log").open("w") as log:
            workers.append(_start_worker(port, log))
        _wait_for(lambda: Issue.objects.get(pk=issue.pk).status == "sent", 120, "the send to finish")

        received = Counter(inbox.recipients())
        assert sorted(received) == sorted(subscriber.email for subscriber in subscribers)
        assert set(received.values()) == {1}
        assert issue.progress() == {"sent": SUBSCRIBERS, "total": SUBSCRIBERS, "done": SUBSCRIBERS}
        message_ids = [message["Message-ID"] for _recipients, message in inbox.messages]
        assert len(set(message_ids)) == SUBSCRIBERS
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                worker.wait(10)
        DBTaskResult.objects.filter(task_path="newsletter.sending.send_issue").delete()
        Issue.objects.filter(pk=issue.pk).delete()
        Subscriber.objects.filter(pk__in=[subscriber.pk for subscriber in subscribers]).delete()
        for model, existed in settings_existed.items():
            if not existed:
                model.objects.all().delete()
