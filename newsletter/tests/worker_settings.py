"""The settings of the `manage.py db_worker` that test_resumable_send starts: the test settings on
the test's own database, tasks queued in that database, e-mail to the test's SMTP server, a short
lease and a pause between e-mails so that the worker can be killed in the middle of a send."""

import os

from bochum2015.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["NEWSLETTER_TEST_DATABASE"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["NEWSLETTER_TEST_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
NEWSLETTER_SEND_LEASE_SECONDS = 2
NEWSLETTER_SEND_PAUSE_SECONDS = 0.3
