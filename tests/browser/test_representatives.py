"""The company representative's journey in the browser: a representative of a demo company asks
for access, confirms the e-mail address, a moderator approves them in the admin, they set a
password and edit the company profile, the moderator approves the change, a translator syncs and
translates the English version, and the public page shows both languages. axe-core finds nothing
serious or critical on the representatives' pages."""

import re

import pytest
from playwright.sync_api import expect

from .pages import ADMIN, log_in

pytestmark = pytest.mark.browser

COMPANY = "Ruhrtal Antriebstechnik GmbH"
EMAIL = "vera.vertreterin@browser-representatives.example.org"
PASSWORD = "Ruhrtal-Antrieb-2026-sicher"
NEW_GERMAN = "Getriebe und Antriebswellen für Nutzfahrzeuge, jetzt auch als Einzelstück."
NEW_ENGLISH = "Gearboxes and drive shafts for commercial vehicles, now also as one-offs."


@pytest.fixture
def company(site_url):
    """The demo company the journey changes, put back as it was afterwards."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale

    from network.models import Company
    from representatives.models import Representative

    german = Company.objects.get(locale__language_code="de", name=COMPANY)
    english = german.get_translation(Locale.objects.get(language_code="en"))
    before = {version.pk: version.description for version in (german, english)}
    german.english_id = english.pk
    yield german
    Representative.objects.filter(email=EMAIL).delete()
    get_user_model().objects.filter(username=EMAIL).delete()
    for pk, description in before.items():
        Company.objects.filter(pk=pk).update(description=description, has_unpublished_changes=False)


def mail_link(words):
    from django.core import mail

    message = [message for message in mail.outbox if message.to == [EMAIL]][-1]
    url = re.search(rf"https?://\S+/{words}/\S+", message.body)[0]
    return re.sub(r"^https?://[^/]+", "", url)


def translate_segment(page, source, translation):
    segment = page.locator("li", has=page.locator("xpath=./p").filter(has_text=re.compile(f"^{re.escape(source)}$")))
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()


def test_representative_edits_the_profile_and_both_languages_show_it_after_approval(
    visit, axe, screenshot, editorial_users, company
):
    from editorial.roles import MODERATORS, TRANSLATORS

    # Asking for access: the form, its errors, "check your inbox".
    person = visit("de", bypass_csp=True)
    person.goto("/de/unternehmen/zugang/")
    expect(person.locator("h1")).to_be_visible()
    assert axe(person, "de representatives' access form") == []
    person.locator("form[method=post] button[type=submit]").click()
    expect(person.locator(".form-errors")).to_be_visible()
    assert axe(person, "de representatives' access form with errors") == []
    person.locator("#id_name").fill("Vera Vertreterin")
    person.locator("#id_email").fill(EMAIL)
    person.locator("#id_company").select_option(label=COMPANY)
    person.locator("#id_role").fill("Geschäftsführerin")
    person.locator("#id_consent").check()
    person.locator("form[method=post] button[type=submit]").click()
    expect(person).to_have_url(re.compile("/de/unternehmen/zugang/gesendet/$"))
    assert axe(person, "de representatives' request sent") == []

    # Confirming the address takes a button.
    person.goto(mail_link("zugang/bestaetigen"))
    assert axe(person, "de representatives' confirmation") == []
    person.locator("form[method=post] button[type=submit]").click()
    expect(person.locator("form[method=post] button[type=submit]")).to_have_count(0)

    # The moderator approves the request in the admin.
    moderator = visit("de", bypass_csp=True)
    log_in(moderator, editorial_users[MODERATORS])
    moderator.goto(f"{ADMIN}representatives/?status=confirmed")
    moderator.get_by_role("link", name="Vera Vertreterin").first.click()
    moderator.locator("input[name=decision][value=approve]").check()
    moderator.locator("footer button[type=submit].button-longrunning").first.click()
    expect(moderator).to_have_url(re.compile(r"/admin/representatives/(\?.*)?$"))

    # The approval e-mail leads to setting a password, then to the profile form.
    person.goto(mail_link("zugang/passwort"))
    assert axe(person, "de representatives' set password") == []
    person.locator("#id_new_password1").fill(PASSWORD)
    person.locator("#id_new_password2").fill(PASSWORD)
    person.locator("form[method=post] button[type=submit]").click()
    expect(person).to_have_url(re.compile("/de/unternehmen/zugang/profil/$"))
    assert axe(person, "de representatives' profile form") == []
    person.locator("#id_description").fill(NEW_GERMAN)
    person.locator("form[enctype] button[type=submit]").click()
    expect(person.locator(".notice--in_moderation")).to_be_visible()
    screenshot(person, "representatives-profile-de-desktop")

    visitor = visit("de", bypass_csp=True)
    visitor.goto(f"/de/unternehmen/{company.slug}/")
    expect(visitor.get_by_role("main")).not_to_contain_text(NEW_GERMAN)

    # The moderator approves the change from the dashboard.
    moderator.goto(ADMIN)
    review = moderator.get_by_role("region", name="Ihre Überprüfung steht aus")
    row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=COMPANY))
    row.get_by_role("button", name="Aktionen").click()
    row.get_by_role("button", name="Freigeben", exact=True).click()
    expect(row).to_have_count(0)
    visitor.goto(f"/de/unternehmen/{company.slug}/")
    expect(visitor.get_by_role("main")).to_contain_text(NEW_GERMAN)

    # The translator finds the English version out of date, syncs and translates it.
    translator = visit("en", bypass_csp=True)
    log_in(translator, editorial_users[TRANSLATORS])
    outdated = translator.get_by_role("listitem").filter(has_text=COMPANY)
    outdated.get_by_role("link", name="Sync now").click()
    translator.get_by_role("button", name="Submit").click()
    expect(translator.get_by_role("listitem").filter(has_text=COMPANY)).to_have_count(0)
    translator.goto(f"{ADMIN}snippets/network/company/edit/{company.english_id}/")
    translate_segment(translator, NEW_GERMAN, NEW_ENGLISH)
    translator.get_by_role("button", name="Publish in English").click()
    expect(translator.locator(".messages")).to_contain_text("Published")

    english = visit("en", bypass_csp=True)
    english.goto(f"/en/companies/{company.slug}/")
    expect(english.get_by_role("main")).to_contain_text(NEW_ENGLISH)
    expect(english.locator("html")).to_have_attribute("lang", "en")
    english.goto("/en/companies/access/")
    assert axe(english, "en representatives' access form") == []
