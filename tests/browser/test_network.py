"""A company finds a network, takes its meetings into the calendar and asks to take part."""

import re
import time

import pytest
from playwright.sync_api import expect

from network.models import ParticipationRequest

pytestmark = pytest.mark.browser

NETWORKS = {"de": "Netzwerke", "en": "Networks"}
SUBSCRIBE = {
    "de": "Die Treffen im eigenen Kalender abonnieren (iCalendar)",
    "en": "Subscribe to the meetings in your calendar (iCalendar)",
}
ADD_TO_CALENDAR = {"de": "In den Kalender übernehmen (iCalendar)", "en": "Add to calendar (iCalendar)"}
TAKE_PART = {"de": "Am Netzwerk teilnehmen", "en": "Take part in the network"}
FORM_SLUG = {"de": "teilnehmen", "en": "join"}
SEND = {"de": "Anfrage senden", "en": "Send request"}
CHECK = {"de": "Bitte prüfen Sie Ihre Angaben.", "en": "Please check your entries."}
THANKS = {"de": "Vielen Dank für Ihre Anfrage", "en": "Thank you for your request"}
FIELDS = {
    "de": {"company": "Unternehmen", "name": "Ihr Name", "email": "E-Mail", "message": "Nachricht"},
    "en": {"company": "Company", "name": "Your name", "email": "E-mail", "message": "Message"},
}


def open_first_network(page, language):
    page.goto(f"/{language}/")
    page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation")).get_by_role(
        "link", name=NETWORKS[language], exact=True
    ).click()
    network = page.get_by_role("main").locator(".card-grid a").first
    title = network.inner_text().strip()
    network.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return title


def downloaded_text(page, link):
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".ics")
    return download.value.path().read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["de", "en"])
def test_visitor_downloads_the_meetings_of_a_network_and_of_one_meeting(visit, language):
    page = visit(language)
    open_first_network(page, language)
    calendar = downloaded_text(page, page.get_by_role("link", name=SUBSCRIBE[language]))
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") >= 1

    meeting = page.locator(".meeting-list .meeting__title a").first
    meeting_title = meeting.inner_text().strip()
    meeting.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting_title)
    single = downloaded_text(page, page.get_by_role("link", name=ADD_TO_CALENDAR[language]))
    assert single.count("BEGIN:VEVENT") == 1
    assert meeting_title.replace(",", "\\,") in single.replace("\r\n ", "")


@pytest.mark.parametrize("language", ["de", "en"])
def test_company_asks_to_take_part_errors_first_then_confirmation(visit, language):
    page = visit(language)
    network_title = open_first_network(page, language)
    # The top of the page links to the form, on an address of its own (the page is the same for
    # every visitor and may come from a shared cache; the form never does).
    page.get_by_role("link", name=TAKE_PART[language]).first.click()
    loaded = time.monotonic()
    expect(page).to_have_url(re.compile(f"/{FORM_SLUG[language]}/$"))
    form = page.get_by_role("region", name=TAKE_PART[language])
    fields = FIELDS[language]

    # The form takes any post faster than a person can type for a bot's: wait like a person.
    time.sleep(max(0, 3.5 - (time.monotonic() - loaded)))

    # empty: the errors are announced and each names its field; nothing is stored
    form.get_by_role("button", name=SEND[language]).click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(CHECK[language])
    for label in fields.values():
        expect(alert.get_by_role("link", name=re.compile(re.escape(label)))).to_be_visible()
    expect(form.get_by_label(fields["company"])).to_have_attribute("aria-invalid", "true")

    # partly filled with a mistake: the entries are kept
    company = f"Browser-Test {language} GmbH"
    form.get_by_label(fields["company"]).fill(company)
    form.get_by_label(fields["name"]).fill("Erika Mustermann")
    form.get_by_label(fields["email"]).fill("not-an-address")
    form.get_by_role("button", name=SEND[language]).click()
    expect(page.get_by_role("alert")).to_contain_text(CHECK[language])
    expect(form.get_by_label(fields["company"])).to_have_value(company)
    expect(form.get_by_label(fields["name"])).to_have_value("Erika Mustermann")
    expect(form.get_by_label(fields["email"])).to_have_attribute("aria-invalid", "true")
    assert not ParticipationRequest.objects.filter(company=company).exists()

    form.get_by_label(fields["email"]).fill("erika@example.org")
    form.get_by_label(fields["message"]).fill("Wir fertigen Achsen und suchen Partner im Ruhrgebiet.")
    form.get_by_role("checkbox").check()
    form.get_by_role("button", name=SEND[language]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS[language])
    expect(page.get_by_role("main")).to_contain_text(network_title)

    stored = ParticipationRequest.objects.get(company=company)
    assert (stored.contact_name, stored.email, stored.network_title) == (
        "Erika Mustermann",
        "erika@example.org",
        network_title,
    )
    assert stored.locale.language_code == language


NOT_SENT_YET = {"de": "Ihre Anfrage ist noch nicht gesendet", "en": "Your request has not been sent yet"}


@pytest.mark.parametrize("language", ["de"])
def test_a_form_the_browser_fills_in_at_once_is_asked_for_once_more_not_lost(visit, language, monkeypatch):
    # Anything faster than this is "too fast": the test's speed then never decides the outcome.
    monkeypatch.setattr("network.forms.ParticipationForm.min_fill_seconds", 120)
    page = visit(language)
    open_first_network(page, language)
    page.get_by_role("link", name=TAKE_PART[language]).first.click()
    form = page.get_by_role("region", name=TAKE_PART[language])
    fields = FIELDS[language]
    company = f"Autofill {language} GmbH"

    # What a browser's autofill and an impatient click do: every field at once, sent right away.
    form.get_by_label(fields["company"]).fill(company)
    form.get_by_label(fields["name"]).fill("Erika Mustermann")
    form.get_by_label(fields["email"]).fill("erika@example.org")
    form.get_by_label(fields["message"]).fill("Wir fertigen Achsen.")
    form.get_by_role("checkbox").check()
    form.get_by_role("button", name=SEND[language]).click()

    # Not a thank-you for nothing: the person is told, the summary has the focus, the entries are kept.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(NOT_SENT_YET[language])
    expect(summary).to_be_focused()
    expect(form.get_by_label(fields["company"])).to_have_value(company)
    expect(form.get_by_label(fields["message"])).to_have_value("Wir fertigen Achsen.")
    expect(form.get_by_role("checkbox")).to_be_checked()
    assert not ParticipationRequest.objects.filter(company=company).exists()

    form.get_by_role("button", name=SEND[language]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(THANKS[language])
    assert ParticipationRequest.objects.filter(company=company, email="erika@example.org").count() == 1
