"""Asking to take part in a network: the whole path from the form to the admin and the retention command."""

import csv
import functools
import importlib
import io
import re
import time
from datetime import timedelta
from unittest import mock

import pytest

from django.contrib.auth.models import Group
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from editorial.roles import CONTACT_PERSONS
from network.forms import _SIGNING_SALT
from network.models import ParticipationRecipient, ParticipationRequest
from network.models.participation import retention_cutoff
from network.tests.factories import ParticipationRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("network_tree")]

# The foundry network of network_tree (conftest.py).
GERMAN_URL = "/de/netzwerke/netzwerk-giesserei/"
ENGLISH_URL = "/en/networks/foundry-network/"
# The form is on an address of its own below the network page, in the page's language.
GERMAN_FORM = f"{GERMAN_URL}teilnehmen/"
ENGLISH_FORM = f"{ENGLISH_URL}join/"


@pytest.fixture(autouse=True)
def _addresses(network_tree):
    assert (network_tree.german_network.url, network_tree.english_network.url) == (GERMAN_URL, ENGLISH_URL)


@pytest.fixture
def make_request(network_tree):
    """A stored request to take part in the German foundry network."""
    return functools.partial(ParticipationRequestFactory, network=network_tree.german_network)


def _started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=_SIGNING_SALT)


def _data(**changes):
    data = {
        "company": "Muster Metall GmbH",
        "contact_name": "Erika Muster",
        "email": "erika@muster-metall.example",
        "phone": "0234 123456",
        "message": "Wir fräsen Aluminium und suchen Partner in Bochum.",
        "consent": "on",
        "homepage": "",
        "started": _started(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_network_page_links_to_the_form_which_has_labels_in_its_language(client):
    german = client.get(GERMAN_URL).content.decode()
    assert f'<a class="button" href="{GERMAN_FORM}">Am Netzwerk teilnehmen</a>' in german
    assert f'<a class="button" href="{GERMAN_FORM}">Zum Teilnahmeformular</a>' in german
    assert "csrfmiddlewaretoken" not in german and 'name="started"' not in german
    german = client.get(GERMAN_FORM).content.decode()
    assert "<h1>Am „Netzwerk Gießerei“ teilnehmen</h1>" in german
    assert '<label for="id_company">Unternehmen' in german
    assert "Anfrage senden" in german
    assert 'href="/de/datenschutz/"' in german  # the privacy notice the consent refers to
    assert f'<a href="{GERMAN_URL}">Zurück zum „Netzwerk Gießerei“</a>' in german
    english = client.get(ENGLISH_URL).content.decode()
    assert f'<a class="button" href="{ENGLISH_FORM}">To the participation form</a>' in english
    english = client.get(ENGLISH_FORM).content.decode()
    assert "<h1>Take part in the Foundry Network</h1>" in english
    assert '<label for="id_company">Company' in english
    assert "Send request" in english
    assert 'href="/en/privacy/"' in english


def test_the_form_has_only_the_address_in_the_pages_language(client):
    assert client.get(f"{ENGLISH_URL}teilnehmen/").status_code == 404
    assert client.get(f"{GERMAN_URL}join/").status_code == 404


def test_a_request_sent_to_the_network_pages_own_address_is_still_taken(client):
    """A network page shown before the form had its own address sent its form to the page."""
    response = client.post(GERMAN_URL, _data())
    assert response.status_code == 302 and response["Location"] == f"{GERMAN_URL}thanks/"
    assert ParticipationRequest.objects.get().locale.language_code == "de"


def test_valid_request_is_stored_with_the_pages_locale_and_mailed_to_the_networks_recipients(
    client, django_user_model, network_tree, roles
):
    german_network = network_tree.german_network
    for name in ("marc", "markus"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-password-123")
        user.groups.add(Group.objects.get(name=CONTACT_PERSONS))
        ParticipationRecipient.objects.create(network=german_network, user=user)
    response = client.post(ENGLISH_FORM, _data())
    assert response.status_code == 302
    assert response["Location"] == f"{ENGLISH_URL}thanks/"
    stored = ParticipationRequest.objects.get()
    assert stored.network.pk == network_tree.english_network.pk
    assert stored.locale.language_code == "en"
    assert (stored.company, stored.contact_name, stored.email, stored.phone) == (
        "Muster Metall GmbH",
        "Erika Muster",
        "erika@muster-metall.example",
        "0234 123456",
    )
    assert stored.status == ParticipationRequest.Status.NEW
    assert "I agree that Bochum 2015 stores my details" in stored.consent_text
    assert stored.consented_at is not None and stored.notified_at is not None
    [message] = mail.outbox
    assert sorted(message.to) == ["marc@example.org", "markus@example.org"]
    assert message.reply_to == ["erika@muster-metall.example"]
    assert "Muster Metall GmbH" in message.subject
    assert "Wir fräsen Aluminium" in message.body
    assert f"/admin/participation-requests/inspect/{stored.pk}/" in message.body


def test_confirmation_page_thanks_in_the_pages_language_and_shows_no_addresses(client):
    html = client.get(f"{ENGLISH_URL}thanks/").content.decode()
    assert "Thank you for your request" in html
    assert "Foundry Network" in html
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert "@" not in main
    german = client.get(f"{GERMAN_URL}thanks/").content.decode()
    assert "Vielen Dank für Ihre Anfrage" in german


def test_request_is_stored_before_the_email_is_sent(client):
    seen_at_send_time = []

    def send(message, *args, **kwargs):
        seen_at_send_time.append(ParticipationRequest.objects.filter(company="Muster Metall GmbH").count())
        return 1

    with mock.patch("django.core.mail.EmailMessage.send", autospec=True, side_effect=send):
        client.post(GERMAN_FORM, _data())
    assert seen_at_send_time == [1]


def test_email_failure_keeps_the_request_and_still_thanks_the_visitor(client, caplog):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError("no SMTP")):
        response = client.post(GERMAN_FORM, _data())
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    stored = ParticipationRequest.objects.get()
    assert stored.notified_at is None  # editors see the request was not mailed
    assert "e-mail failed" in caplog.text


def test_errors_are_shown_at_each_field_and_everything_typed_is_kept(client):
    response = client.post(GERMAN_FORM, _data(company="", email="keine-adresse", consent=None))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert '<p class="form-field__error" id="id_company_error">Dieses Feld muss ausgefüllt werden.</p>' in html
    assert 'id="id_email_error">Bitte gültige E-Mail-Adresse eingeben.</p>' in html
    assert "Bitte stimmen Sie dem Datenschutzhinweis zu" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_company_error"' in html
    assert 'value="keine-adresse"' in html
    assert 'value="Erika Muster"' in html
    assert "Wir fräsen Aluminium und suchen Partner in Bochum.</textarea>" in html
    assert ParticipationRequest.objects.count() == 0
    assert mail.outbox == []


def test_english_errors_are_in_english(client):
    html = client.post(ENGLISH_FORM, _data(consent=None)).content.decode()
    assert "Please check your entries." in html
    assert "Please agree to the privacy notice so that we can handle your request." in html


def test_consent_is_required(client):
    client.post(GERMAN_FORM, _data(consent=None))
    assert ParticipationRequest.objects.count() == 0


def test_filled_honeypot_is_answered_like_a_success_but_not_stored(client):
    response = client.post(GERMAN_FORM, _data(homepage="http://spam.example"))
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    assert ParticipationRequest.objects.count() == 0
    assert mail.outbox == []


def _hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


@pytest.mark.parametrize("kind", ["one second", "forged", "missing"])
def test_valid_request_sent_faster_than_a_person_types_is_kept_and_asked_for_once_more(client, kind):
    started = {"one second": _started(seconds_ago=1), "forged": "not-signed", "missing": None}[kind]
    response = client.post(GERMAN_FORM, _data(started=started))
    assert response.status_code == 200  # no thank-you for a request that was not stored
    html = response.content.decode()
    assert "Ihre Anfrage ist noch nicht gesendet" in html
    assert 'value="Muster Metall GmbH"' in html
    assert "Wir fräsen Aluminium und suchen Partner in Bochum.</textarea>" in html
    assert ParticipationRequest.objects.count() == 0

    # Sent once more, however fast: stored and thanked for.
    response = client.post(GERMAN_FORM, _data(started=started, confirmed=_hidden(html, "confirmed")))
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    assert ParticipationRequest.objects.get().company == "Muster Metall GmbH"


def test_a_forged_confirmation_is_asked_for_once_more(client):
    response = client.post(GERMAN_FORM, _data(started=_started(seconds_ago=1), confirmed="not-signed"))
    assert "Ihre Anfrage ist noch nicht gesendet" in response.content.decode()
    assert ParticipationRequest.objects.count() == 0


def test_empty_form_sent_at_once_gets_the_errors_not_a_thank_you(client):
    response = client.post(GERMAN_FORM, {"started": _started(seconds_ago=1), "homepage": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert "Ihre Anfrage ist noch nicht gesendet" not in html  # the errors first


def test_after_errors_the_summary_has_the_focus_and_names_the_consent_briefly(client):
    html = client.post(ENGLISH_FORM, _data(consent=None)).content.decode()
    summary = re.search(r'<div class="form-errors"[^>]*>(.*?)</div>', html, re.S)
    assert 'tabindex="-1"' in summary.group(0) and "autofocus" in summary.group(0)
    assert "Consent: Please agree to the privacy notice so that we can handle your request." in summary.group(1)
    assert "I agree that Bochum 2015" not in summary.group(1)
    assert html.count("I agree that Bochum 2015") == 1  # the checkbox's label only


def test_form_is_fine_after_the_minimum_time(client):
    client.post(GERMAN_FORM, _data(started=_started(seconds_ago=4)))
    assert ParticipationRequest.objects.count() == 1


def test_more_than_five_requests_per_address_and_hour_get_a_polite_refusal(client):
    for number in range(5):
        response = client.post(GERMAN_FORM, _data(company=f"Firma {number}"))
        assert response.status_code == 302
    response = client.post(GERMAN_FORM, _data(company="Firma 6"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wir haben in der letzten Stunde bereits mehrere Anfragen von Ihnen erhalten." in html
    assert 'value="Firma 6"' in html  # still there to send later
    assert ParticipationRequest.objects.count() == 5


def test_rate_limit_counts_the_e_mail_address_from_any_ip_address(client):
    for number in range(5):
        client.post(GERMAN_FORM, _data(), REMOTE_ADDR=f"192.0.2.{number + 1}")
    assert client.post(GERMAN_FORM, _data(), REMOTE_ADDR="192.0.2.99").status_code == 429


def test_rate_limit_counts_the_ip_address_for_any_e_mail_address(client):
    for number in range(5):
        client.post(GERMAN_FORM, _data(email=f"person{number}@example.org"), REMOTE_ADDR="198.51.100.7")
    assert client.post(GERMAN_FORM, _data(email="new@example.org"), REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.post(GERMAN_FORM, _data(email="new@example.org"), REMOTE_ADDR="198.51.100.8").status_code == 302


def test_behind_a_proxy_the_rate_limit_counts_each_visitors_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    through_proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for number in range(5):
        client.post(
            GERMAN_FORM,
            _data(email=f"person{number}@example.org"),
            HTTP_X_FORWARDED_FOR="198.51.100.7",
            **through_proxy,
        )
    busy = client.post(
        GERMAN_FORM, _data(email="new@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.7", **through_proxy
    )
    other = client.post(
        GERMAN_FORM, _data(email="new@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.8", **through_proxy
    )
    assert (busy.status_code, other.status_code) == (429, 302)


def test_rate_limit_forgets_requests_older_than_an_hour(client):
    for number in range(5):
        client.post(GERMAN_FORM, _data(company=f"Firma {number}"))
    ParticipationRequest.objects.update(created_at=timezone.now() - timedelta(minutes=61))
    assert client.post(GERMAN_FORM, _data()).status_code == 302


def test_stored_request_keeps_no_ip_address(client):
    client.post(GERMAN_FORM, _data(), REMOTE_ADDR="203.0.113.5")
    stored = ParticipationRequest.objects.get()
    assert "203.0.113.5" not in str(vars(stored))


# The admin


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "a-long-password-123")
    client.force_login(user)
    return client


def test_admin_lists_requests_and_filters_by_network_and_status(admin_client, make_request, network_tree):
    new = make_request(company="Neue Firma")
    make_request(company="Kontaktierte Firma", status=ParticipationRequest.Status.CONTACTED)
    listing = admin_client.get("/admin/participation-requests/").content.decode()
    assert "Neue Firma" in listing and "Kontaktierte Firma" in listing
    filtered = admin_client.get("/admin/participation-requests/?status=contacted").content.decode()
    assert "Kontaktierte Firma" in filtered and "Neue Firma" not in filtered
    other = network_tree.english_network
    by_network = admin_client.get(f"/admin/participation-requests/?network={other.pk}").content.decode()
    assert "Neue Firma" not in by_network
    by_network = admin_client.get(f"/admin/participation-requests/?network={new.network_id}").content.decode()
    assert "Neue Firma" in by_network


def test_admin_shows_the_details_and_changes_the_status(admin_client, make_request):
    stored = make_request(message="Wir möchten mitmachen.")
    detail = admin_client.get(f"/admin/participation-requests/inspect/{stored.pk}/").content.decode()
    assert "Wir möchten mitmachen." in detail and "erika@example.org" in detail
    response = admin_client.post(f"/admin/participation-requests/edit/{stored.pk}/", {"status": "accepted"})
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.status == ParticipationRequest.Status.ACCEPTED
    assert stored.company == "Muster Metall GmbH"  # only the status is editable


def test_nobody_creates_requests_in_the_admin(admin_client):
    assert admin_client.get("/admin/participation-requests/new/").status_code in (302, 403)
    assert (
        "/admin/participation-requests/new/" not in admin_client.get("/admin/participation-requests/").content.decode()
    )


def test_editors_without_admin_access_do_not_see_requests(client, make_request):
    make_request()
    response = client.get("/admin/participation-requests/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_csv_export_has_every_field_and_defuses_formulas(admin_client, make_request):
    make_request(company='=HYPERLINK("http://evil.example")', phone="+49 234 1", message="Zeile 1\nZeile 2")
    make_request(company="Andere Firma", status=ParticipationRequest.Status.DECLINED)
    response = admin_client.get("/admin/participation-requests/?export=csv&status=new")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="participation-requests.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *body = rows
    assert "Company" in header or "Unternehmen" in header
    assert len(body) == 1  # the filter applies to the export
    row = dict(zip(header, body[0], strict=True))
    assert set(row.values()) >= {'\'=HYPERLINK("http://evil.example")', "'+49 234 1", "Zeile 1\nZeile 2", "de"}
    assert "erika@example.org" in row.values()


# Retention


def test_retention_period_is_24_months_unless_configured(monkeypatch, settings):
    from bochum2015.settings import base

    monkeypatch.delenv("PARTICIPATION_RETENTION_MONTHS", raising=False)
    assert importlib.reload(base).PARTICIPATION_RETENTION_MONTHS == 24
    assert settings.PARTICIPATION_RETENTION_MONTHS == 24


def test_retention_command_deletes_requests_older_than_24_months_by_default(make_request):
    now = timezone.now()
    old = make_request(company="Alt", created_at=now - timedelta(days=2 * 365 + 5))
    kept = make_request(company="Neu", created_at=now - timedelta(days=2 * 365 - 30))
    out = io.StringIO()
    call_command("delete_old_participation_requests", stdout=out)
    assert list(ParticipationRequest.objects.values_list("company", flat=True)) == ["Neu"]
    assert not ParticipationRequest.objects.filter(pk=old.pk).exists()
    assert ParticipationRequest.objects.filter(pk=kept.pk).exists()
    cutoff = retention_cutoff(24)
    assert out.getvalue() == f"Deleted 1 participation requests received before {cutoff:%Y-%m-%d}.\n"


def test_retention_period_is_configurable(settings, make_request):
    settings.PARTICIPATION_RETENTION_MONTHS = 6
    make_request(company="Sieben Monate", created_at=timezone.now() - timedelta(days=7 * 31))
    make_request(company="Fünf Monate", created_at=timezone.now() - timedelta(days=5 * 30))
    call_command("delete_old_participation_requests", stdout=io.StringIO())
    assert list(ParticipationRequest.objects.values_list("company", flat=True)) == ["Fünf Monate"]
    call_command("delete_old_participation_requests", "--months", "1", stdout=io.StringIO())
    assert ParticipationRequest.objects.count() == 0


def test_retention_dry_run_deletes_nothing(make_request):
    make_request(created_at=timezone.now() - timedelta(days=3 * 365))
    out = io.StringIO()
    make_request(created_at=timezone.now() - timedelta(days=4 * 365))
    call_command("delete_old_participation_requests", "--dry-run", "--months", "30", stdout=out)
    assert ParticipationRequest.objects.count() == 2
    cutoff = retention_cutoff(30)
    assert out.getvalue() == f"2 participation requests received before {cutoff:%Y-%m-%d} would be deleted.\n"


def test_retention_cutoff_is_calendar_months():
    import datetime

    now = datetime.datetime(2026, 3, 31, 12, 0, tzinfo=datetime.UTC)
    assert retention_cutoff(1, now) == datetime.datetime(2026, 2, 28, 12, 0, tzinfo=datetime.UTC)
    assert retention_cutoff(24, now) == datetime.datetime(2024, 3, 31, 12, 0, tzinfo=datetime.UTC)
    assert retention_cutoff(25, now) == datetime.datetime(2024, 2, 29, 12, 0, tzinfo=datetime.UTC)


def test_moderators_answer_requests_but_editors_and_translators_do_not_see_them(
    client, django_user_model, make_request, roles
):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

    stored = make_request(company="Für die Chefredaktion")
    moderator = django_user_model.objects.create_user("moritz", "moritz@example.org", "a-long-password-123")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    assert "Für die Chefredaktion" in client.get("/admin/participation-requests/").content.decode()
    client.post(f"/admin/participation-requests/edit/{stored.pk}/", {"status": "contacted"})
    stored.refresh_from_db()
    assert stored.status == ParticipationRequest.Status.CONTACTED

    for username, group in (("erika", EDITORS), ("tanja", TRANSLATORS)):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-password-123")
        user.groups.add(Group.objects.get(name=group))
        other = Client()
        other.force_login(user)
        response = other.get("/admin/participation-requests/")
        assert response.status_code == 302, group
        assert "Für die Chefredaktion" not in other.get(response["Location"]).content.decode()
