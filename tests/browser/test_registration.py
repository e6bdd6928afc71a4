"""Registering for the demo's open meeting and its company visit in German and English, by the
pages a visitor sees: the form (also with its errors), "check your inbox", the confirmation, the
seat and the waiting list; axe-core finds nothing serious or critical on any of them."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WORDS = {
    "de": {"register": "Anmelden", "confirm": "Anmeldung bestätigen", "link": "anmelden/bestaetigen"},
    "en": {"register": "Register", "confirm": "Confirm registration", "link": "register/confirm"},
}
DOMAIN = "browser-registration.example.org"


@pytest.fixture
def registrations(site_url):
    """Removes the registrations the test made (the demo itself has none)."""
    from registration.models import Registration

    yield Registration
    Registration.objects.filter(email__endswith=DOMAIN).delete()


def _event_page(model_path, language):
    from django.utils.module_loading import import_string

    model = import_string(model_path)
    page = model.objects.live().filter(registration_open=True, locale__language_code=language).get()
    return page, page.url


def _confirm_path(email):
    from django.core import mail

    message = [message for message in mail.outbox if message.to == [email]][-1]
    url = re.search(r"https?://\S+/(?:anmelden/bestaetigen|register/confirm)/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def _register(page, words, email):
    page.get_by_role("link", name=words["register"], exact=True).click()
    page.locator("#id_name").fill("Erika Muster")
    page.locator("#id_email").fill(email)
    page.locator("#id_consent").check()
    page.locator("form[method=post] button[type=submit]").click()


@pytest.mark.parametrize("language", ["de", "en"])
def test_visitor_registers_for_the_meeting_and_confirms_the_seat(visit, axe, screenshot, registrations, language):
    words = WORDS[language]
    _meeting, path = _event_page("network.models.MeetingPage", language)
    page = visit(language, bypass_csp=True)
    page.goto(path)
    page.get_by_role("link", name=words["register"], exact=True).click()
    expect(page.locator("h1")).to_be_visible()
    assert axe(page, f"{language} registration form") == []
    screenshot(page, f"{language}-registration-form")

    page.locator("form[method=post] button[type=submit]").click()  # nothing filled in
    expect(page.locator("#registration-errors")).to_be_visible()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert axe(page, f"{language} registration form with errors") == []

    email = f"meeting-{language}@{DOMAIN}"
    page.goto(path)
    _register(page, words, email)
    expect(page).to_have_url(re.compile(r"/(anmelden/gesendet|register/sent)/$"))
    assert axe(page, f"{language} registration sent") == []
    screenshot(page, f"{language}-registration-sent")

    page.goto(_confirm_path(email))
    button = page.get_by_role("button", name=words["confirm"])
    expect(button).to_be_visible()
    assert axe(page, f"{language} registration confirm") == []
    button.click()
    expect(button).to_have_count(0)
    assert registrations.objects.get(email=email).status == "confirmed"
    assert axe(page, f"{language} registration seat") == []
    screenshot(page, f"{language}-registration-seat")


@pytest.mark.parametrize("language", ["de", "en"])
def test_visitor_lands_on_the_waiting_list_of_a_full_event(visit, axe, screenshot, registrations, language):
    from django.utils import timezone

    words = WORDS[language]
    event, path = _event_page("events.models.EventPage", language)
    seats = event.registration_event().registration_capacity
    now = timezone.now()
    registrations.objects.bulk_create(
        registrations(
            page=event,
            event_key=event.translation_key,
            event_title=event.title,
            locale=event.locale,
            name=f"Seated {number}",
            email=f"seated-{language}-{number}@{DOMAIN}",
            consent_text="-",
            consented_at=now,
            status="confirmed",
            confirmed_at=now,
        )
        for number in range(seats)
    )
    page = visit(language, bypass_csp=True)
    page.goto(path)
    email = f"waiting-{language}@{DOMAIN}"
    _register(page, words, email)
    expect(page).to_have_url(re.compile(r"/(anmelden/gesendet|register/sent)/$"))
    page.goto(_confirm_path(email))
    page.get_by_role("button", name=words["confirm"]).click()
    expect(page.locator(".page-header")).to_contain_text(re.compile("Warteliste|waiting list"))
    assert registrations.objects.get(email=email).status == "waiting"
    assert axe(page, f"{language} registration waiting list") == []
    screenshot(page, f"{language}-registration-waiting-list")
