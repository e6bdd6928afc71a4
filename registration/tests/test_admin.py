"""Registrations in the admin: moderators see the participants per event, export them with formula
cells defused, print a check-in list and hand over or erase a person's data; other roles see nothing."""

import csv
import io
import json

import openpyxl
import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS
from registration.models import Registration

from .factories import RegistrationFactory, bilingual_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = bilingual_meeting(capacity=2)
    call_command("setup_roles", verbosity=0)
    return event


def _log_in(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", "user@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user, "django.contrib.auth.backends.ModelBackend")
    return user


def _url(name, *args):
    return reverse(f"registration_participants:{name}", args=args)


def test_moderators_see_the_participants_of_an_event(client, django_user_model, event):
    RegistrationFactory(page=event.german, name="Erika Muster", status="confirmed")
    RegistrationFactory(page=event.english, name="Jane Doe", status="waiting")
    _log_in(client, django_user_model, MODERATORS)
    listing = client.get(_url("index"), {"event_key": str(event.german.translation_key)}).content.decode()
    assert "Erika Muster" in listing and "Jane Doe" in listing
    assert "Warteliste" in listing and "Check-in-Liste" in listing


def test_english_registrations_count_against_the_same_event_in_the_list(client, django_user_model, event):
    RegistrationFactory(page=event.german, name="Erika Muster", status="confirmed")
    RegistrationFactory(page=event.english, name="Jane Doe", status="confirmed")
    RegistrationFactory(page=event.english, name="John Roe", status="waiting")
    _log_in(client, django_user_model, MODERATORS)
    key = str(event.german.translation_key)
    listing = client.get(_url("index"), {"event_key": key}).content.decode()
    # One event to filter by, under its German name, whichever language people registered in.
    assert listing.count(f'value="{key}"') == 1
    assert f'<option value="{key}" selected>Offenes Netzwerktreffen</option>' in listing
    assert all(name in listing for name in ("Erika Muster", "Jane Doe", "John Roe"))
    assert event.german.seats_taken() == 2 and event.english.registration_event().seats_left() == 0


@pytest.mark.parametrize("group", [EDITORS, TRANSLATORS, CONTACT_PERSONS])
def test_other_roles_see_no_registrations(client, django_user_model, event, group):
    registration = RegistrationFactory(page=event.german, name="Erika Muster", status="confirmed")
    _log_in(client, django_user_model, group)
    for url in (_url("index"), _url("inspect", registration.pk), _url("checkin"), _url("person")):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Erika Muster" not in response.content.decode()


def test_exports_defuse_formula_cells(client, django_user_model, event):
    RegistrationFactory(page=event.german, name='=HYPERLINK("http://evil.example")', company="+49 Firma")
    _log_in(client, django_user_model, MODERATORS)
    response = client.get(_url("index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert '\'=HYPERLINK("http://evil.example")' in rows[1] and "'+49 Firma" in rows[1]
    response = client.get(_url("index"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for cell in sheet[2]]
    assert '\'=HYPERLINK("http://evil.example")' in values and "'+49 Firma" in values
    assert all(cell.data_type != "f" for cell in sheet[2])


def test_check_in_list_has_the_seated_people_by_name(client, django_user_model, event):
    RegistrationFactory(page=event.german, name="Zora Zimmer", status="confirmed", accessibility_needs="Rollstuhl")
    RegistrationFactory(page=event.english, name="Anna Albers", status="confirmed")
    RegistrationFactory(page=event.german, name="Willi Warte", status="waiting")
    RegistrationFactory(page=event.german, name="Paul Pending", status="pending")
    _log_in(client, django_user_model, MODERATORS)
    choice = client.get(_url("checkin")).content.decode()
    assert f'href="?event={event.german.translation_key}"' in choice
    html = client.get(_url("checkin"), {"event": str(event.german.translation_key)}).content.decode()
    assert "Check-in-Liste: Offenes Netzwerktreffen" in html and "2 Teilnehmende mit Platz" in html
    assert html.index("Anna Albers") < html.index("Zora Zimmer") and "Rollstuhl" in html
    assert "Willi Warte" not in html and "Paul Pending" not in html


def test_a_persons_data_is_exported_and_erased_on_request(client, django_user_model, event):
    erika = RegistrationFactory(page=event.german, email="erika@example.net", status="confirmed")
    RegistrationFactory(page=event.german, status="confirmed")
    waiting = RegistrationFactory(page=event.english, status="waiting", email="jane@example.org")
    _log_in(client, django_user_model, MODERATORS)
    page = client.get(_url("person"), {"email": "ERIKA@example.net"}).content.decode()
    assert "1 Anmeldung von ERIKA@example.net" in page and "Offenes Netzwerktreffen" in page
    data = json.loads(client.get(_url("person_export"), {"email": "erika@example.net"}).content)
    assert data["registrations"][0]["name"] == erika.name
    assert data["registrations"][0]["consent_text"] == "Ich bin einverstanden."

    response = client.post(_url("person_erase"), {"email": "erika@example.net"})
    assert response.status_code == 302
    assert not Registration.objects.filter(email="erika@example.net").exists()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [message.to for message in mail.outbox] == [["jane@example.org"]]
    assert mail.outbox[0].subject == "A seat has become free for you: Open network meeting"
