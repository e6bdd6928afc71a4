"""Registering for an event: form, double opt-in, seats, waiting list, cancelling – in both languages."""

import datetime
import re
import time

import icalendar
import pytest

from django.core import mail, signing
from django.test import override_settings

from registration.forms import _SIGNING_SALT
from registration.models import Registration

from .factories import RegistrationFactory, bilingual_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return bilingual_meeting(capacity=2)


def _data(**changes):
    data = {
        "name": "Erika Muster",
        "company": "Muster Metall GmbH",
        "email": "erika@muster-metall.example",
        "accessibility_needs": "Stufenloser Zugang",
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 30, salt=_SIGNING_SALT),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _link(message, words):
    """The path of the link in the plain-text mail whose address contains `words`."""
    url = re.search(rf"https?://\S+/{words}/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_meeting_page_links_to_the_form_in_its_language(client, event):
    german = client.get(event.german.url).content.decode()
    assert f'<a class="button" href="{event.german.url}anmelden/">Anmelden</a>' in german
    assert "csrfmiddlewaretoken" not in german
    english = client.get(event.english.url).content.decode()
    assert f'<a class="button" href="{event.english.url}register/">Register</a>' in english


def test_meeting_without_registration_has_no_form(client, event):
    event.german.registration_open = False
    event.german.save_revision().publish()
    assert 'anmelden/"' not in client.get(event.german.url).content.decode()
    assert client.get(f"{event.german.url}anmelden/").status_code == 404
    assert client.get(f"{event.english.url}anmelden/").status_code == 404


def test_german_form_shows_labels_free_seats_and_is_never_cached(client, event):
    response = client.get(f"{event.german.url}anmelden/")
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "<h1>Anmeldung: Offenes Netzwerktreffen</h1>" in html
    assert '<label for="id_accessibility_needs">Barrierefreiheit' in html
    assert "<dt>Freie Plätze</dt><dd>2</dd>" in html
    assert "Register" not in html


def test_english_form_is_in_english(client, event):
    html = client.get(f"{event.english.url}register/").content.decode()
    assert "<h1>Register for Open network meeting</h1>" in html
    assert '<label for="id_accessibility_needs">Accessibility needs (optional)</label>' in html
    assert "<dt>Free seats</dt><dd>2</dd>" in html
    assert "Anmelden" not in html


def test_errors_keep_the_entries(client, event):
    response = client.post(f"{event.german.url}anmelden/", _data(email="keine-adresse", consent=None))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Erika Muster"' in html and "Stufenloser Zugang" in html
    assert 'href="#id_email"' in html and 'href="#id_consent"' in html
    assert not Registration.objects.exists() and not mail.outbox


def test_registration_is_stored_pending_and_confirmed_by_the_link(client, event):
    response = client.post(f"{event.german.url}anmelden/", _data())
    assert response.status_code == 302 and response["Location"] == f"{event.german.url}anmelden/gesendet/"
    registration = Registration.objects.get()
    assert registration.status == "pending" and registration.locale.language_code == "de"
    assert registration.consent_text.startswith("Ich bin einverstanden") and registration.consented_at
    assert registration.accessibility_needs == "Stufenloser Zugang"
    [message] = mail.outbox
    assert message.subject == "Bitte bestätigen Sie Ihre Anmeldung: Offenes Netzwerktreffen"
    assert message.from_email == "Bochum 2015 <noreply@example.org>" and message.reply_to == ["info@example.org"]
    assert "Hallo Erika Muster," in message.body and "Impressum: http" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="de">' in html and ">Impressum</a>" in html
    [(filename, ics, _type)] = message.attachments
    assert filename == "offenes-netzwerktreffen.ics"
    assert str(icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]["SUMMARY"]) == "Offenes Netzwerktreffen"

    confirm = _link(message, "anmelden/bestaetigen")
    page = client.get(confirm).content.decode()
    assert "Anmeldung bestätigen</button>" in page
    registration.refresh_from_db()
    assert registration.status == "pending"  # opening the link (a mail scanner) takes no seat
    page = client.post(confirm).content.decode()
    assert "Ihr Platz ist bestätigt." in page
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.confirmed_at
    assert mail.outbox[-1].subject == "Ihr Platz ist bestätigt: Offenes Netzwerktreffen"
    assert "<dt>Freie Plätze</dt><dd>1</dd>" in client.get(f"{event.german.url}anmelden/").content.decode()


def test_confirming_twice_changes_nothing(client, event):
    client.post(f"{event.german.url}anmelden/", _data())
    confirm = _link(mail.outbox[0], "anmelden/bestaetigen")
    client.post(confirm)
    client.post(confirm)
    assert Registration.objects.get().status == "confirmed"
    assert len(mail.outbox) == 2


def test_english_registration_gets_english_mails_and_shares_the_seats(client, event):
    RegistrationFactory(page=event.german, status="confirmed")
    RegistrationFactory(page=event.german, status="confirmed")
    client.post(f"{event.english.url}register/", _data())
    message = mail.outbox[0]
    assert message.subject == "Please confirm your registration: Open network meeting"
    assert "Hello Erika Muster," in message.body and "Legal notice: http" in message.body
    assert "/en/" in message.body and "Hallo" not in message.body
    html = client.post(_link(message, "register/confirm")).content.decode()
    assert "you are number 1 on the waiting list" in html
    assert Registration.objects.get(email="erika@muster-metall.example").status == "waiting"
    assert mail.outbox[-1].subject == "You are on the waiting list: Open network meeting"


def test_expired_or_forged_link_takes_no_seat(client, event):
    client.post(f"{event.german.url}anmelden/", _data())
    confirm = _link(mail.outbox[0], "anmelden/bestaetigen")
    with override_settings(REGISTRATION_CONFIRM_HOURS=0):
        response = client.post(confirm)
    assert response.status_code == 400 and "Der Link ist abgelaufen." in response.content.decode()
    assert client.post(confirm[:-6] + "xxxx/").status_code == 400
    assert Registration.objects.get().status == "pending"


def test_cancelling_frees_the_seat_and_moves_up_the_first_waiting(client, event):
    seated = RegistrationFactory(page=event.german, status="confirmed")
    RegistrationFactory(page=event.german, status="confirmed")
    client.post(f"{event.english.url}register/", _data(email="first@example.org"))
    client.post(f"{event.german.url}anmelden/", _data(email="second@example.org"))
    for message in list(mail.outbox):
        client.post(_link(message, "(anmelden/bestaetigen|register/confirm)"))
    first, second = (
        Registration.objects.get(email="first@example.org"),
        Registration.objects.get(email="second@example.org"),
    )
    assert (first.status, second.status) == ("waiting", "waiting")
    assert second.waiting_position() == 2
    mail.outbox.clear()

    from registration.emails import send

    send(seated, "confirmed")
    cancel = _link(mail.outbox.pop(), "anmelden/abmelden")
    assert "Möchten Sie Ihre Anmeldung" in client.get(cancel).content.decode()
    assert client.post(cancel).status_code == 200
    seated.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (seated.status, first.status, second.status) == ("cancelled", "confirmed", "waiting")
    assert second.waiting_position() == 1
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[seated.email] == "Ihre Anmeldung ist storniert: Offenes Netzwerktreffen"
    assert subjects["first@example.org"] == "A seat has become free for you: Open network meeting"
    moved = [message for message in mail.outbox if message.to == ["first@example.org"]][0]
    assert moved.attachments and "register/cancel/" in moved.body
    client.post(cancel)
    assert len(mail.outbox) == 2  # cancelling twice changes nothing


def test_without_waiting_list_a_late_confirmation_gets_no_place(client):
    event = bilingual_meeting(capacity=1, waiting_list=False)
    RegistrationFactory(page=event.german, status="confirmed")
    client.post(f"{event.german.url}anmelden/", _data())
    html = client.post(_link(mail.outbox[0], "anmelden/bestaetigen")).content.decode()
    assert "keine Warteliste" in html
    assert Registration.objects.get(email="erika@muster-metall.example").status == "full"


def test_registering_twice_gives_the_same_answer_and_no_second_registration(client, event):
    first = client.post(f"{event.german.url}anmelden/", _data())
    second = client.post(f"{event.german.url}anmelden/", _data(email="ERIKA@muster-metall.example"))
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 2


def test_honeypot_is_answered_like_a_success_without_storing(client, event):
    response = client.post(f"{event.german.url}anmelden/", _data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not Registration.objects.exists() and not mail.outbox


def test_after_the_deadline_the_form_is_closed(client, event):
    from django.utils import timezone

    event.german.registration_deadline = timezone.now()
    event.german.save()
    html = client.get(f"{event.german.url}anmelden/").content.decode()
    assert "Die Anmeldung für diese Veranstaltung ist geschlossen." in html
    assert "<form" not in html.split("<main", 1)[-1].split("</main>")[0]


def test_a_confirmed_person_registering_again_is_told_by_mail_not_on_the_page(client, event):
    registration = RegistrationFactory(page=event.german, email="erika@muster-metall.example", status="confirmed")
    response = client.post(f"{event.german.url}anmelden/", _data())
    assert response["Location"] == f"{event.german.url}anmelden/gesendet/"
    [message] = mail.outbox
    assert message.subject == "Ihre Anmeldung: Offenes Netzwerktreffen"
    assert "bereits angemeldet" in message.body and "anmelden/abmelden/" in message.body
    assert list(Registration.objects.values_list("pk", flat=True)) == [registration.pk]


def test_more_than_five_registrations_an_hour_are_refused_politely(client, event):
    for number in range(5):
        RegistrationFactory(page=event.german, email=f"erika{number}@muster-metall.example", client_hash="")
    Registration.objects.update(email="erika@muster-metall.example")
    response = client.post(f"{event.german.url}anmelden/", _data())
    assert response.status_code == 429
    assert "mehrere Anmeldungen" in response.content.decode() and 'value="Erika Muster"' in response.content.decode()
    assert Registration.objects.count() == 5 and not mail.outbox


def test_a_cancelled_event_takes_no_registrations_or_confirmations(client, event):
    registration = RegistrationFactory(page=event.english)
    from registration.tokens import confirm_token

    event.german.status = "cancelled"
    event.german.save()
    event.english.status = "cancelled"
    event.english.save()
    assert "Die Veranstaltung wurde abgesagt." in client.get(f"{event.german.url}anmelden/").content.decode()
    html = client.post(f"{event.english.url}register/confirm/{confirm_token(registration)}/").content.decode()
    assert "The event has been cancelled." in html
    registration.refresh_from_db()
    assert registration.status == "pending"


def _german_settings_changed_since_translation(event, **settings):
    """The editor changes the German page's registration settings and publishes it; the English
    page keeps the old ones until the translation is synced."""
    for name, value in settings.items():
        setattr(event.german, name, value)
    event.german.save_revision().publish()
    event.english.refresh_from_db()
    assert all(getattr(event.english, name) != value for name, value in settings.items())


def test_english_registrations_share_the_german_pages_seats_and_waiting_list(client):
    event = bilingual_meeting(capacity=20)
    _german_settings_changed_since_translation(event, registration_capacity=1)
    client.post(f"{event.german.url}anmelden/", _data(email="deutsch@example.org"))
    client.post(_link(mail.outbox[-1], "anmelden/bestaetigen"))
    assert Registration.objects.get(email="deutsch@example.org").status == "confirmed"

    html = client.get(f"{event.english.url}register/").content.decode()
    assert "<dt>Free seats</dt><dd>0 – you can join the waiting list</dd>" in html
    client.post(f"{event.english.url}register/", _data(email="english@example.org"))
    page = client.post(_link(mail.outbox[-1], "register/confirm")).content.decode()
    assert "you are number 1 on the waiting list" in page
    assert Registration.objects.get(email="english@example.org").status == "waiting"


def test_the_german_pages_deadline_and_waiting_list_hold_on_the_english_page(client):
    event = bilingual_meeting(capacity=1, waiting_list=True)
    _german_settings_changed_since_translation(event, registration_waiting_list=False)
    RegistrationFactory(page=event.german, status="confirmed")
    client.post(f"{event.english.url}register/", _data())
    client.post(_link(mail.outbox[-1], "register/confirm"))
    assert Registration.objects.get(email="erika@muster-metall.example").status == "full"

    deadline = event.german.start - datetime.timedelta(days=40)
    _german_settings_changed_since_translation(event, registration_deadline=deadline)
    html = client.get(f"{event.english.url}register/").content.decode()
    assert "Registration for this event has closed." in html and 'name="email"' not in html
