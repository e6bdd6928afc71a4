"""The demo's cooperation exchange in German and English, by the pages a visitor sees: the list
(filtered), an entry with its matching companies, the answer form (also with its errors) and the
thanks page; the answer reaches the poster by e-mail through the initiative, whose address no
page shows; the form to post an entry. axe-core finds nothing serious or critical on any of them."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PATHS = {
    "de": ("/de/kooperationsboerse/", "antworten", "eintragen"),
    "en": ("/en/cooperation-exchange/", "answer", "post"),
}
DOMAIN = "browser-exchange.example.org"


@pytest.fixture
def answers(site_url):
    """Removes the answers the test made (the demo itself has none)."""
    from exchange.models import Answer

    yield Answer
    Answer.objects.filter(email__endswith=DOMAIN).delete()


@pytest.mark.parametrize("language", ["de", "en"])
def test_visitor_answers_an_entry_and_the_poster_receives_it(visit, axe, screenshot, answers, language):
    from django.core import mail

    index, answer_word, post_word = PATHS[language]
    page = visit(language, bypass_csp=True)
    page.goto(index)
    expect(page.locator("h1")).to_be_visible()
    assert axe(page, f"{language} exchange list") == []
    screenshot(page, f"{language}-exchange-list")

    page.locator("#id_kind").select_option("offer")
    page.locator(".filter-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"\?kind=offer"))
    assert axe(page, f"{language} exchange list filtered") == []

    page.locator(".card__title a").first.click()
    expect(page.locator("#matching-companies")).to_be_visible()
    assert axe(page, f"{language} exchange entry") == []
    screenshot(page, f"{language}-exchange-entry")
    entry_path = page.url.split("://", 1)[1].split("/", 1)[1]

    page.locator(f"a[href$='/{answer_word}/']").click()
    page.locator("form[method=post] button[type=submit]").click()  # nothing filled in
    expect(page.locator("#answer-errors")).to_be_visible()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert axe(page, f"{language} exchange answer form with errors") == []

    email = f"answer-{language}@{DOMAIN}"
    page.locator("#id_name").fill("Max Beispiel")
    page.locator("#id_company").fill("Beispiel AG")
    page.locator("#id_email").fill(email)
    page.locator("#id_message").fill("Wir hätten Interesse an einer Zusammenarbeit.")
    page.locator("#id_consent").check()
    page.locator("form[method=post] button[type=submit]").click()
    if "/sent/" not in page.url and "/gesendet/" not in page.url:
        # Filled in faster than a person types: the form asks to send it once more.
        page.locator("form[method=post] button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{answer_word}/(gesendet|sent)/$"))
    assert axe(page, f"{language} exchange answer sent") == []
    screenshot(page, f"{language}-exchange-answer-sent")

    answer = answers.objects.select_related("entry").get(email=email)
    poster = answer.entry.email
    relayed = [message for message in mail.outbox if message.to == [poster] and message.reply_to == [email]]
    assert relayed, "the answer was not relayed to the poster"
    assert "Wir hätten Interesse" in relayed[-1].body
    for path in (index, "/" + entry_path, page.url.split("://", 1)[1].split("/", 1)[1]):
        page.goto(path if path.startswith("/") else "/" + path)
        assert poster not in page.content()

    page.goto(f"{index}{post_word}/")
    expect(page.locator("#id_title")).to_be_visible()
    assert axe(page, f"{language} exchange post form") == []
