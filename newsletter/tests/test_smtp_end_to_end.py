"""The whole newsletter through a real SMTP server on 127.0.0.1 (aiosmtpd, started by the test on a
free port): subscribe, follow the confirmation link of the received e-mail, receive an issue, and
unsubscribe with the one-click POST its `List-Unsubscribe` header names. No e-mail leaves the
machine."""

import re
import time

import pytest

from django.core import signing
from django.test import Client

from newsletter import sending
from newsletter.forms import _SIGNING_SALT
from newsletter.models import Subscriber

from .factories import IssueFactory, bilingual_newsletter

pytestmark = pytest.mark.django_db


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.mark.parametrize(
    ("language", "form", "confirm_words", "unsubscribe_words"),
    [
        ("de", "/de/newsletter/abonnieren/", "/de/newsletter/bestaetigen/", "/de/newsletter/abmelden/"),
        ("en", "/en/newsletter/subscribe/", "/en/newsletter/confirm/", "/en/newsletter/unsubscribe/"),
    ],
)
def test_subscribe_confirm_receive_and_unsubscribe_with_one_click_over_smtp(
    client, smtp_server, django_capture_on_commit_callbacks, language, form, confirm_words, unsubscribe_words
):
    inbox, _port = smtp_server
    newsletter = bilingual_newsletter()
    page = newsletter.german if language == "de" else newsletter.english
    client.post(
        form,
        {
            "email": "erika@muster-metall.example",
            "all_news": "on",
            "consent": "on",
            "homepage": "",
            "started": signing.dumps(time.time() - 30, salt=_SIGNING_SALT),
        },
    )
    [(recipients, confirmation)] = inbox.messages
    assert recipients == ["erika@muster-metall.example"]
    assert confirmation["From"] == "Bochum 2015 <noreply@example.org>"
    assert f'<html lang="{language}">' in confirmation.get_body(preferencelist=("html",)).get_content()
    text = confirmation.get_body(preferencelist=("plain",)).get_content()
    link = re.search(rf"https?://\S+{confirm_words}\S+/", text).group(0)
    client.post(_path(link))
    assert Subscriber.objects.get().status == "confirmed"

    issue = IssueFactory(locale=page.locale, subject="Neues aus Bochum" if language == "de" else "News from Bochum")
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.start(issue)
    [(recipients, newsletter_mail)] = inbox.messages[1:]
    assert recipients == ["erika@muster-metall.example"]
    assert newsletter_mail["Subject"] == issue.subject
    assert newsletter_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = newsletter_mail["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_words in unsubscribe
    body = newsletter_mail.get_body(preferencelist=("plain",)).get_content()
    assert unsubscribe in body
    assert "/legal-notice/" in body if language == "en" else "/impressum/" in body

    # What a mail program does for the one-click button: a POST without cookie or CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        _path(unsubscribe), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
