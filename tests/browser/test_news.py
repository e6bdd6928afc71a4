"""Reading the news in German and English: the list, its filters and pages, an article."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NEWS = {"de": "Aktuelles", "en": "News"}
COUNT = re.compile(r"(?:Gefundene Beiträge|Articles found): (\d+)")
SECTOR_LABEL = {"de": "Fokusbranche", "en": "Focus sector"}
SHOW = {"de": "Nachrichten anzeigen", "en": "Show news"}
TOPICS = {"de": "Themen", "en": "Topics"}
NEXT = {"de": "Nächste Seite", "en": "Next page"}


def open_news(page, language):
    page.goto(f"/{language}/")
    page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation")).get_by_role(
        "link", name=NEWS[language], exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEWS[language])


def found(page):
    return int(COUNT.search(page.get_by_role("status").inner_text()).group(1))


def card_titles(page):
    return page.locator(".card-grid h2").all_inner_texts()


@pytest.mark.parametrize("language", ["de", "en"])
def test_reader_opens_an_article_follows_its_sector_and_filters_by_it(visit, language):
    page = visit(language)
    open_news(page, language)
    expect(page.locator("html")).to_have_attribute("lang", language)
    total = found(page)
    assert total == len(card_titles(page)) > 1

    title = card_titles(page)[0]
    page.get_by_role("main").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    topics = page.get_by_role("region", name=TOPICS[language])
    sector_link = topics.locator("a[href*='sector=']").first
    sector = sector_link.inner_text()
    sector_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEWS[language])
    expect(page.get_by_label(SECTOR_LABEL[language])).to_have_value(re.compile(".+"))
    assert page.get_by_label(SECTOR_LABEL[language]).evaluate("el => el.selectedOptions[0].text") == sector
    filtered = card_titles(page)
    assert title in filtered
    assert found(page) == len(filtered) < total

    # the same filter chosen by hand in the form
    open_news(page, language)
    page.get_by_label(SECTOR_LABEL[language]).select_option(label=sector)
    page.get_by_role("button", name=SHOW[language]).click()
    expect(page).to_have_url(re.compile(r"[?&]sector="))
    assert card_titles(page) == filtered


@pytest.mark.parametrize("language", ["de", "en"])
def test_reader_pages_through_the_news_list(visit, language, monkeypatch):
    # The demo has fewer articles than a page holds; smaller pages make the pagination appear.
    monkeypatch.setattr("news.models.ARTICLES_PER_PAGE", 4)
    page = visit(language)
    open_news(page, language)
    total = found(page)
    seen = card_titles(page)
    assert len(seen) == 4
    pages = page.get_by_role("navigation", name={"de": "Seiten", "en": "Pages"}[language])
    number = 1
    while pages.get_by_role("link", name=NEXT[language]).count():
        pages.get_by_role("link", name=NEXT[language]).click()
        number += 1
        expect(pages.locator("[aria-current='page']")).to_contain_text(str(number))
        seen += card_titles(page)
    assert number == -(-total // 4)
    assert len(seen) == len(set(seen)) == total
