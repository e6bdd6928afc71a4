"""The whole registration through a real SMTP server on 127.0.0.1 (aiosmtpd on a free port, the
`smtp_server` fixture of tests/smtp.py): the confirmation e-mail arrives, its link is followed and
the seat is taken. No e-mail leaves the machine."""

import re
import time

import pytest

from django.core import signing

from registration.forms import _SIGNING_SALT
from registration.models import Registration

from .factories import bilingual_meeting

pytestmark = pytest.mark.django_db


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
    client, smtp_server, language, form_slug, confirm_words, subject, seated_text
):
    smtp_inbox, _port = smtp_server
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
