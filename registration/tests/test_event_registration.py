"""Registering for an event of the initiative: the same form, double opt-in, waiting list and
cancelling as for a network meeting, in both languages."""

import re
import time

import icalendar
import pytest

from django.core import mail, signing

from registration.forms import _SIGNING_SALT
from registration.models import Registration

from .factories import RegistrationFactory, bilingual_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return bilingual_event(capacity=1)


def _data(email="erika@muster-metall.example"):
    return {
        "name": "Erika Muster",
        "company": "Muster Metall GmbH",
        "email": email,
        "accessibility_needs": "",
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 30, salt=_SIGNING_SALT),
    }


def _link(message, words):
    url = re.search(rf"https?://\S+/{words}/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def _statuses(event):
    """Each person's status by the name of their e-mail address."""
    registrations = Registration.objects.filter(event_key=event.german.translation_key)
    return {email.split("@")[0]: status for email, status in registrations.values_list("email", "status")}


def _mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_event_page_links_to_the_form_only_while_registration_is_on(client, event):
    german = client.get(event.german.url).content.decode()
    assert f'<a class="button" href="{event.german.url}anmelden/">Anmelden</a>' in german
    english = client.get(event.english.url).content.decode()
    assert f'<a class="button" href="{event.english.url}register/">Register</a>' in english
    event.german.registration_open = False
    event.german.save_revision().publish()
    assert 'anmelden/"' not in client.get(event.german.url).content.decode()
    assert client.get(f"{event.german.url}anmelden/").status_code == 404


def test_signing_up_for_an_event_and_confirming_takes_the_seat(client, event):
    html = client.get(f"{event.german.url}anmelden/").content.decode()
    assert "<h1>Anmeldung: Informationsabend Fördermittel</h1>" in html
    assert "<dt>Freie Plätze</dt><dd>1</dd>" in html
    response = client.post(f"{event.german.url}anmelden/", _data())
    assert response["Location"] == f"{event.german.url}anmelden/gesendet/"
    registration = Registration.objects.get(event_key=event.german.translation_key)
    assert registration.status == "pending" and registration.page_id == event.german.pk
    [message] = mail.outbox
    assert message.subject == "Bitte bestätigen Sie Ihre Anmeldung: Informationsabend Fördermittel"
    [(filename, ics, _type)] = message.attachments
    assert filename == "informationsabend-foerdermittel.ics"
    assert str(icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]["SUMMARY"]) == "Informationsabend Fördermittel"

    assert "Ihr Platz ist bestätigt." in client.post(_link(message, "anmelden/bestaetigen")).content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert mail.outbox[-1].subject == "Ihr Platz ist bestätigt: Informationsabend Fördermittel"
    assert "<dt>Freie Plätze</dt><dd>0 – " in client.get(f"{event.german.url}anmelden/").content.decode()


def test_a_full_event_puts_the_next_person_on_the_waiting_list(client, event):
    RegistrationFactory(page=event.german, status="confirmed")
    client.post(f"{event.english.url}register/", _data())
    html = client.post(_link(mail.outbox[0], "register/confirm")).content.decode()
    assert "you are number 1 on the waiting list" in html
    assert Registration.objects.get(email="erika@muster-metall.example").status == "waiting"
    assert mail.outbox[-1].subject == "You are on the waiting list: Information evening on funding"


def test_cancelling_moves_up_the_first_waiting_person_and_tells_them(client, event):
    client.post(f"{event.german.url}anmelden/", _data("seated@example.org"))
    client.post(f"{event.english.url}register/", _data("first@example.org"))
    client.post(f"{event.german.url}anmelden/", _data("second@example.org"))
    for message in list(mail.outbox):
        client.post(_link(message, "(anmelden/bestaetigen|register/confirm)"))
    statuses = dict(Registration.objects.filter(event_key=event.german.translation_key).values_list("email", "status"))
    assert statuses == {
        "seated@example.org": "confirmed",
        "first@example.org": "waiting",
        "second@example.org": "waiting",
    }

    cancel = _link(_mails_to("seated@example.org")[-1], "anmelden/abmelden")
    mail.outbox.clear()
    assert client.post(cancel).status_code == 200
    statuses = dict(Registration.objects.filter(event_key=event.german.translation_key).values_list("email", "status"))
    assert statuses == {
        "seated@example.org": "cancelled",
        "first@example.org": "confirmed",
        "second@example.org": "waiting",
    }
    [cancelled] = _mails_to("seated@example.org")
    assert cancelled.subject == "Ihre Anmeldung ist storniert: Informationsabend Fördermittel"
    [moved] = _mails_to("first@example.org")
    assert moved.subject == "A seat has become free for you: Information evening on funding"
    assert moved.attachments and "register/cancel/" in moved.body
    assert not _mails_to("second@example.org")
