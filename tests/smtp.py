"""A real SMTP server on 127.0.0.1 for the end-to-end e-mail tests (aiosmtpd on a free port): it
keeps every message it accepts. No e-mail leaves the machine.

Every test can use the `smtp_server` fixture (the root conftest.py makes it available); the site's
e-mail goes to the server while the test runs."""

import email
import email.policy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from django.test import override_settings


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def recipients(self):
        with self.lock:
            return [recipient for recipients, _message in self.messages for recipient in recipients]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    """(inbox, port) of a running server; the site's e-mail goes to it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    ):
        yield inbox, port
    controller.stop()
