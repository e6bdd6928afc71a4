"""The exchange's e-mails through a real SMTP server on 127.0.0.1 (aiosmtpd on a free port, the
`smtp_server` fixture of tests/smtp.py): the confirmation link of a new entry is followed, and an
answer reaches the poster with the answerer as Reply-To. No e-mail leaves the machine."""

import re

import pytest

from exchange.models import Entry

from .factories import EntryFactory
from .test_flows import _answer_data, _post_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "post", "confirm"), [("de", "eintragen", "bestaetigen"), ("en", "post", "confirm")]
)
def test_confirmation_mail_arrives_over_smtp_and_its_link_confirms_the_entry(
    client,
    exchange_tree,
    smtp_server,
    django_capture_on_commit_callbacks,
    language,
    post,
    confirm,
):
    inbox, _port = smtp_server
    page = exchange_tree.german if language == "de" else exchange_tree.english
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{page.url}{post}/", _post_data(email="erika@muster-metall.example"))
    [(recipients, message)] = inbox.messages
    assert recipients == ["erika@muster-metall.example"]
    assert message["From"] == "Bochum 2015 <noreply@example.org>"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f'<html lang="{language}">' in html
    text = message.get_body(preferencelist=("plain",)).get_content()
    path = re.sub(r"^https?://[^/]+", "", re.search(rf"https?://\S+/{confirm}/\S+/", text).group(0))
    assert "<button" in client.get(path).content.decode()
    client.post(path)
    assert Entry.objects.get(email="erika@muster-metall.example").email_confirmed_at is not None


def test_an_answer_reaches_the_poster_over_smtp_with_the_answerer_as_reply_to(
    client,
    exchange_tree,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    inbox, _port = smtp_server
    page = exchange_tree.english
    entry = EntryFactory(page=page, title="Free milling capacity", email="poster@firma.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{page.url}{entry.pk}-{entry.slug}/answer/", _answer_data(email="max@beispiel.example"))
    (to_poster, relayed), (to_answerer, copy) = inbox.messages
    assert to_poster == ["poster@firma.example"]
    assert relayed["Reply-To"] == "max@beispiel.example"
    assert "Wir schneiden Bleche" in relayed.get_body(preferencelist=("plain",)).get_content()
    assert to_answerer == ["max@beispiel.example"]
    assert "poster@firma.example" not in copy.as_string()
