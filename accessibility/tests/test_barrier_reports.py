"""Reporting a barrier: from the statement's form to the admin and the retention command. Spam
and loss rules as for the participation form: stored before any e-mail, only a filled-in hidden
field is answered like a success without storing, a fast valid report is stored for review."""

import time
from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from accessibility.forms import _SIGNING_SALT
from accessibility.models import BarrierReport

from .factories import BarrierReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("statement")]

GERMAN_URL = "/de/barrierefreiheit/"
ENGLISH_URL = "/en/accessibility/"
# The form is on an address of its own below the statement, in the page's language.
GERMAN_FORM = f"{GERMAN_URL}melden/"
ENGLISH_FORM = f"{ENGLISH_URL}report/"


@pytest.fixture(autouse=True)
def _addresses(statement):
    assert (statement.german.url, statement.english.url) == (GERMAN_URL, ENGLISH_URL)


def _started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=_SIGNING_SALT)


def _data(**changes):
    data = {
        "location": "/de/netzwerke/netzwerk-produktion/",
        "description": "Das Formular lässt sich mit dem Bildschirmleser nicht absenden.",
        "name": "Erika Muster",
        "email": "erika@example.net",
        "consent": "on",
        "website": "",
        "started": _started(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_statement_links_to_the_form_which_has_labels_in_its_language(client):
    german = client.get(GERMAN_URL).content.decode()
    assert f'<a class="button" href="{GERMAN_FORM}">Zum Formular für die Meldung einer Barriere</a>' in german
    assert "csrfmiddlewaretoken" not in german and 'name="started"' not in german
    german = client.get(GERMAN_FORM).content.decode()
    assert "Barriere melden" in german and "Meldung senden" in german
    assert '<label for="id_description">Was ist die Barriere?' in german
    assert 'href="/de/datenschutz/"' in german
    assert f'<a href="{GERMAN_URL}">Zurück zur Seite „Erklärung zur Barrierefreiheit“</a>' in german
    english = client.get(ENGLISH_URL).content.decode()
    assert f'<a class="button" href="{ENGLISH_FORM}">To the form for reporting a barrier</a>' in english
    english = client.get(ENGLISH_FORM).content.decode()
    assert "Report a barrier" in english and "Send report" in english
    assert '<label for="id_description">What is the barrier?' in english
    assert 'href="/en/privacy/"' in english


def test_the_form_has_only_the_address_in_the_pages_language(client):
    assert client.get(f"{ENGLISH_URL}melden/").status_code == 404
    assert client.get(f"{GERMAN_URL}report/").status_code == 404


def test_a_report_sent_to_the_statements_own_address_is_still_taken(client):
    """A statement shown before the form had its own address sent its form to the statement."""
    response = client.post(GERMAN_URL, _data())
    assert response.status_code == 302 and response["Location"] == f"{GERMAN_URL}thanks/"
    assert BarrierReport.objects.get().locale.language_code == "de"


def test_a_report_is_stored_before_the_email_which_carries_no_personal_data(client):
    stored_when_mailed = []

    def send(message, *args, **kwargs):
        stored_when_mailed.append(BarrierReport.objects.filter(description__startswith="Das Formular").exists())
        mail.outbox.append(message)
        return 1

    with mock.patch("django.core.mail.EmailMessage.send", send):
        response = client.post(ENGLISH_FORM, _data())
    assert response.status_code == 302 and response["Location"] == f"{ENGLISH_URL}thanks/"
    report = BarrierReport.objects.get()
    assert stored_when_mailed == [True]
    assert report.locale.language_code == "en" and report.page.slug == "accessibility"
    assert (report.location, report.name, report.email) == (
        "/de/netzwerke/netzwerk-produktion/",
        "Erika Muster",
        "erika@example.net",
    )
    assert report.status == BarrierReport.Status.NEW and not report.needs_review
    assert "I agree that Bochum 2015 stores my report" in report.consent_text
    assert report.notified_at is not None
    [message] = mail.outbox
    assert message.to == ["barrierefreiheit@example.org"]
    assert message.subject == "Auf der Website wurde eine Barriere gemeldet"
    assert f"/admin/snippets/accessibility/barrierreport/inspect/{report.pk}/" in message.body
    for personal in ("Erika", "erika@example.net", "Bildschirmleser", "netzwerk-produktion"):
        assert personal not in message.body and personal not in message.subject
    assert not message.reply_to


def test_a_failing_email_keeps_the_report(client):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("SMTP down")):
        response = client.post(GERMAN_FORM, _data())
    assert response.status_code == 302
    report = BarrierReport.objects.get()
    assert report.notified_at is None


def test_only_a_description_and_the_consent_are_needed(client):
    response = client.post(GERMAN_FORM, _data(location="", name="", email=""))
    assert response.status_code == 302
    assert BarrierReport.objects.get().email == ""


def test_a_filled_in_hidden_field_is_answered_like_a_success_and_not_stored(client):
    response = client.post(GERMAN_FORM, _data(website="https://spam.example"))
    assert response.status_code == 302 and response["Location"] == f"{GERMAN_URL}thanks/"
    assert not BarrierReport.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("started", ["fast", "", "forged"])
def test_a_valid_report_sent_at_once_is_stored_for_review_not_dropped(client, started):
    started = _started(seconds_ago=1) if started == "fast" else started
    response = client.post(GERMAN_FORM, _data(started=started))
    assert response.status_code == 302 and response["Location"] == f"{GERMAN_URL}thanks/"
    report = BarrierReport.objects.get()
    assert report.needs_review
    [message] = mail.outbox
    assert message.subject.startswith("Zu prüfen: ")


def test_an_invalid_report_sent_at_once_shows_its_errors_and_keeps_the_input(client):
    response = client.post(GERMAN_FORM, _data(description="", consent=None, started=_started(seconds_ago=0)))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="form-errors" role="alert" tabindex="-1" id="report-errors" autofocus>' in html
    assert '<a href="#id_description">Was ist die Barriere?: Bitte beschreiben Sie die Barriere.</a>' in html
    assert '<a href="#id_consent">' in html
    assert 'value="Erika Muster"' in html and 'value="erika@example.net"' in html
    assert 'value="/de/netzwerke/netzwerk-produktion/"' in html
    # No fragment in the form's address: the browser would skip the autofocus of the error summary.
    assert f'<form method="post" action="{GERMAN_FORM}" novalidate>' in html
    assert not BarrierReport.objects.exists() and mail.outbox == []


def test_a_wrong_email_address_is_an_error_with_the_other_input_kept(client):
    html = client.post(ENGLISH_FORM, _data(email="erika@")).content.decode()
    assert '<a href="#id_email">E-mail (optional): Enter a valid email address.</a>' in html
    assert "Das Formular lässt sich mit dem Bildschirmleser nicht absenden." in html
    assert not BarrierReport.objects.exists()


def test_more_than_five_reports_an_hour_from_one_sender_are_refused_politely(client):
    for _ in range(5):
        assert client.post(GERMAN_FORM, _data()).status_code == 302
    response = client.post(GERMAN_FORM, _data())
    assert response.status_code == 429
    assert "mehrere Meldungen von Ihnen erhalten" in response.content.decode()
    assert BarrierReport.objects.count() == 5


def test_the_thank_you_page_speaks_the_pages_language(client):
    assert "Vielen Dank für Ihre Meldung" in client.get(f"{GERMAN_URL}thanks/").content.decode()
    english = client.get(f"{ENGLISH_URL}thanks/").content.decode()
    assert "Thank you for your report" in english and '<meta name="robots" content="noindex">' in english


def test_retention_command_deletes_reports_older_than_the_period(settings):
    settings.BARRIER_REPORT_RETENTION_MONTHS = 24
    old = BarrierReportFactory(created_at=timezone.now() - timedelta(days=2 * 366))
    recent = BarrierReportFactory(created_at=timezone.now() - timedelta(days=300))
    call_command("delete_old_barrier_reports", "--dry-run")
    assert BarrierReport.objects.count() == 2
    call_command("delete_old_barrier_reports")
    assert list(BarrierReport.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not BarrierReport.objects.filter(pk=old.pk).exists()
