"""The editorial journey in the Wagtail admin: an editor writes a German article and submits it
for approval, a moderator approves it, a translator translates it in wagtail-localize's editor
and publishes the English version. Every step is clicks and typing in the browser."""

import re

import pytest
from playwright.sync_api import expect

from django.utils.text import slugify

from .pages import ADMIN, log_in

pytestmark = pytest.mark.browser

# A demo image every demo site has (the home page's hero).
IMAGE = "Bochum 2015 – Produktion"
GERMAN = {
    "title": "Neuer Ausbildungskran im Technologiezentrum",
    "teaser": "Betriebe der Metallverarbeitung bilden ab sofort gemeinsam am neuen Kran aus.",
    "alt": "Ein Kran in einer hellen Werkhalle",
    "body": "Der Kran steht in der Halle des Technologiezentrums und ist für alle Betriebe buchbar.",
}
ENGLISH = {
    "title": "New training crane at the technology centre",
    "teaser": "Metalworking companies now train together on the new crane.",
    "alt": "A crane in a bright workshop",
    "body": "The crane stands in the technology centre's hall and can be booked by every company.",
}


@pytest.fixture
def german_news_index(site_url):
    from news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.get(locale__language_code="de")
    yield index
    # The journey's article leaves the demo content as it found it, for the tests that count articles.
    for article in NewsArticlePage.objects.filter(title__in=[GERMAN["title"], ENGLISH["title"]]):
        article.delete()


def news_titles(page, language):
    page.goto({"de": "/de/aktuelles/", "en": "/en/news/"}[language])
    return page.locator(".card-grid h2").all_inner_texts()


def field_errors(page):
    """What the admin says is wrong with the form it shows again: each invalid field's name and
    errors, so that a refused submit fails with the reason rather than with the banner."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[aria-invalid="true"], .w-field--error')].map(
            (el) => (el.name || el.getAttribute('data-field-name') || el.id || el.className) + ': '
                + (el.closest('.w-field, [data-field]')?.innerText || '').replace(/\\s+/g, ' ').trim()
        )"""
    )


def translate_segment(page, source, translation):
    """Translates one string in wagtail-localize's editor: the segment is the list item whose
    paragraph shows the German source."""
    segment = page.locator("li", has=page.locator("xpath=./p").filter(has_text=re.compile(f"^{re.escape(source)}$")))
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment).to_contain_text(translation)


def test_article_goes_from_editor_through_approval_and_translation_onto_both_sites(
    visit, editorial_users, german_news_index
):
    from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

    # The editor writes a German article below the news and submits it for approval.
    editor = visit("de")
    log_in(editor, editorial_users[EDITORS])
    editor.goto(f"{ADMIN}pages/{german_news_index.pk}/")
    editor.get_by_role("link", name="Unterseite hinzufügen").click()
    expect(editor.get_by_role("heading", level=1)).to_contain_text("Nachrichtenbeitrag")
    editor.get_by_role("textbox", name="Titel*").fill(GERMAN["title"])
    editor.get_by_role("textbox", name="Anreißer*").fill(GERMAN["teaser"])
    editor.get_by_role("button", name="Bild auswählen").click()
    chooser = editor.get_by_role("dialog")
    # The demo has this picture and an illustration of the same name.
    chooser.get_by_role("link", name=IMAGE).first.click()
    expect(chooser).to_be_hidden()
    expect(editor.get_by_role("region", name="Aufmacherbild")).to_contain_text(IMAGE)
    editor.get_by_role("textbox", name="Alternativtext des Aufmacherbilds").fill(GERMAN["alt"])
    body = editor.get_by_role("region", name="Inhalt", exact=True)
    body.get_by_role("button", name="Einen Block einfügen").click()
    editor.get_by_role("option", name="Text", exact=True).click()
    body.get_by_role("textbox").click()
    editor.keyboard.type(GERMAN["body"])
    # Draftail writes what was typed into the form a moment later.
    expect(body.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(GERMAN["body"])))
    # Wagtail 8 autosaves a new page as a draft and moves the form to the page's edit address.
    # Submitting while that first autosave is under way posts the create form a second time,
    # which finds its own slug taken; the editor sees the form move on first, so does the test.
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=15_000)
    expect(editor.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")
    editor.get_by_role("button", name="Mehr Aktionen").click()
    editor.get_by_role("button", name="In Freigabe einreichen").click()
    messages = editor.locator(".messages").first
    expect(messages).to_contain_text(re.compile("zur Moderation eingereicht|Prüfungsfehlern"))
    if "Prüfungsfehlern" in messages.inner_text():
        pytest.fail(f"The admin refused the article: {field_errors(editor)}")

    visitor = visit("de")
    assert GERMAN["title"] not in news_titles(visitor, "de")

    # The moderator approves it from the dashboard; it is on the German site.
    moderator = visit("de")
    log_in(moderator, editorial_users[MODERATORS])
    review = moderator.get_by_role("region", name="Ihre Überprüfung steht aus")
    row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=GERMAN["title"]))
    row.get_by_role("button", name="Aktionen").click()
    row.get_by_role("button", name="Freigeben", exact=True).click()
    expect(row).to_have_count(0)

    assert GERMAN["title"] in news_titles(visitor, "de")
    visitor.get_by_role("link", name=GERMAN["title"]).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(GERMAN["title"])
    expect(visitor.get_by_role("main")).to_contain_text(GERMAN["body"])
    expect(visitor.get_by_role("img", name=GERMAN["alt"])).to_be_visible()

    # The translator translates it in wagtail-localize's editor and publishes it in English.
    translator = visit("en")
    log_in(translator, editorial_users[TRANSLATORS])
    untranslated = translator.get_by_role("listitem").filter(has_text=GERMAN["title"])
    untranslated.get_by_role("link", name="Translate").click()
    translator.get_by_role("checkbox", name="English").check()
    translator.get_by_role("button", name="Submit").click()
    expect(translator.get_by_role("heading", name="German to English translation").first).to_be_visible()
    for field in ENGLISH:
        translate_segment(translator, GERMAN[field], ENGLISH[field])
    translator.get_by_role("tab", name="Promote").click()
    translate_segment(translator, slugify(GERMAN["title"]), slugify(ENGLISH["title"]))
    translator.get_by_role("button", name="Publish in English").click()
    expect(translator.locator(".messages")).to_contain_text(f"Published '{ENGLISH['title']}' in English.")

    english = visit("en")
    assert ENGLISH["title"] in news_titles(english, "en")
    english.get_by_role("link", name=ENGLISH["title"]).click()
    expect(english).to_have_url(re.compile(f"/en/news/{slugify(ENGLISH['title'])}/$"))
    expect(english.locator("html")).to_have_attribute("lang", "en")
    expect(english.get_by_role("heading", level=1)).to_have_text(ENGLISH["title"])
    expect(english.get_by_role("main")).to_contain_text(ENGLISH["body"])
    expect(english.get_by_role("img", name=ENGLISH["alt"])).to_be_visible()
