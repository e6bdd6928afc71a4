"""The whole registration through a real SMTP server on 127.0.0.1 (aiosmtpd, started here on a free
port): the confirmation e-mail arrives, its link is followed and the seat is taken. No e-mail
leaves the machine."""

import email
import email.policy
import re
import socket
import time

import pytest
from aiosmtpd.controller import Controller

from django.core import signing
from django.test import override_settings

from registration.forms import _SIGNING_SALT
from registration.models import Registration

from .factories import bilingual_meeting

pytestmark = pytest.mark.django_db


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox():
    inbox = Inbox()
    port = _free_port()
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
        yield inbox
    controller.stop()


def _form(email_address):
    return {
        "name": "Erika Muster",
        "company": "Muster Metall GmbH",
        "email": email_address,
        "accessibility_needs": "",
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 30, salt=_SIGNING_SALT),
    }


@pytest.mark.parametrize(
    ("language", "form_slug", "confirm_words", "subject", "seated_text"),
    [
        ("de", "anmelden", "anmelden/bestaetigen", "Bitte bestätigen Sie Ihre Anmeldung", "Ihr Platz ist bestätigt."),
        ("en", "register", "register/confirm", "Please confirm your registration", "Your seat is confirmed."),
    ],
)
def test_confirmation_mail_arrives_over_smtp_and_its_link_takes_the_seat(
    client, smtp_inbox, language, form_slug, confirm_words, subject, seated_text
):
    event = bilingual_meeting(capacity=5)
    page = event.german if language == "de" else event.english
    client.post(f"{page.url}{form_slug}/", _form("erika@muster-metall.example"))

    [(recipients, message)] = smtp_inbox.messages
    assert recipients == ["erika@muster-metall.example"]
    assert message["Subject"].strip().startswith(subject)
    assert message["From"] == "Bochum 2015 <noreply@example.org>"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f'<html lang="{language}">' in html
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    link = re.search(rf"https?://\S+/{confirm_words}/\S+/", text).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    assert "<button" in client.get(path).content.decode()
    assert Registration.objects.get().status == "pending"
    assert seated_text in client.post(path).content.decode()
    assert Registration.objects.get().status == "confirmed"
    assert page.specific.seats_left() == 4
    assert len(smtp_inbox.messages) == 2
    assert (
        smtp_inbox.messages[1][1]["Subject"]
        .strip()
        .startswith("Ihr Platz ist bestätigt" if language == "de" else "Your seat is confirmed")
    )
