"""A visitor's journeys through the site in German and in English."""

import re

import pytest
from playwright.sync_api import expect

from .pages import NOT_FOUND_PATHS

pytestmark = pytest.mark.browser

HOME = {"de": ("Gemeinsam mehr erreichen", "English", "/en/"), "en": ("Achieving more together", "Deutsch", "/de/")}
MENU = {
    "de": ["Über uns", "Fokusbranchen", "Netzwerke", "Aktuelles"],
    "en": ["About us", "Focus sectors", "Networks", "News"],
}
OTHER = {"de": "en", "en": "de"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_greets_in_the_visitors_language(visit, language):
    page = visit(language)
    response = page.goto("/")
    assert response.ok
    expect(page).to_have_url(re.compile(rf"/{language}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME[language][0])
    expect(page).to_have_title(re.compile("Bochum 2015"))


@pytest.mark.parametrize("language", ["de", "en"])
def test_main_navigation_leads_to_each_section(visit, language):
    page = visit(language)
    page.goto(f"/{language}/")
    navigation = page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation"))
    titles = navigation.get_by_role("link").all_inner_texts()
    assert set(MENU[language]) <= set(titles), titles
    for title in titles:
        navigation.get_by_role("link", name=title, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(navigation.get_by_role("link", name=title, exact=True)).to_have_attribute("aria-current", "page")
        expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", ["de", "en"])
def test_language_switch_lands_on_the_same_page_in_the_other_language(visit, language):
    page = visit(language)
    page.goto(f"/{language}/")
    page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation")).get_by_role(
        "link", name=MENU[language][2], exact=True
    ).click()
    page.get_by_role("main").get_by_role("link").first.click()
    network_url = page.url
    network_title = page.get_by_role("heading", level=1).inner_text()

    other = OTHER[language]
    switcher = page.get_by_role("navigation", name=re.compile("^(Sprache|Language)$"))
    switcher.get_by_role("link").click()
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page).to_have_url(re.compile(rf"/{other}/.+/.+/$"))
    assert page.get_by_role("heading", level=1).inner_text() != network_title

    # and back again, to exactly where the visitor was
    page.get_by_role("navigation", name=re.compile("^(Sprache|Language)$")).get_by_role("link").click()
    expect(page).to_have_url(network_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(network_title)


@pytest.mark.parametrize("language", ["de", "en"])
def test_focus_sector_is_reached_from_the_sector_overview_and_leads_back(visit, language):
    page = visit(language)
    page.goto(f"/{language}/")
    page.get_by_role("link", name=MENU[language][1], exact=True).first.click()
    sectors = page.get_by_role("main").get_by_role("link")
    expect(sectors).to_have_count(4)
    first_sector = sectors.first.inner_text().strip().splitlines()[0]
    sectors.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_sector)
    breadcrumbs = page.get_by_role("navigation", name=re.compile("^(Brotkrumennavigation|Breadcrumb)$"))
    breadcrumbs.get_by_role("link", name=MENU[language][1]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MENU[language][1])


@pytest.mark.parametrize("language", ["de", "en"])
def test_unknown_address_shows_a_helpful_404_in_the_language(visit, language):
    page = visit(language)
    response = page.goto(NOT_FOUND_PATHS[language])
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        {"de": "Seite nicht gefunden", "en": "Page not found"}[language]
    )
    page.get_by_role("main").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME[language][0])


def test_root_address_follows_the_browsers_language(visit):
    english = visit("en")
    english.goto("/")
    expect(english).to_have_url(re.compile(r"/en/$"))
    german = visit("de")
    german.goto("/")
    expect(german).to_have_url(re.compile(r"/de/$"))


SEARCH = {"de": ("Netzwerk Produktion", "Suchbegriff"), "en": ("Production Network", "Search term")}


@pytest.mark.parametrize("language", ["de", "en"])
def test_search_from_the_header_finds_and_opens_a_page(visit, language):
    term, field = SEARCH[language]
    page = visit(language)
    page.goto(f"/{language}/")
    box = page.get_by_role("banner").get_by_role(
        "searchbox", name=re.compile("^(Website durchsuchen|Search the site)$")
    )
    box.fill(term)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_label(field, exact=True)).to_have_value(term)
    result = page.locator(".search-result__title a", has_text=re.compile(f"^{term}$"))
    expect(result).to_have_count(1)
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(term)
