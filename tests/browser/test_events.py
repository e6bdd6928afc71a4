"""The event calendar in German and English without a mouse's help: the menu link, the filters,
the month view and its days, the archive; axe-core on each view, desktop and phone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CALENDAR = {"de": "Termine", "en": "Events"}
MAIN_NAVIGATION = re.compile("Hauptnavigation|Main navigation")


def open_calendar(page, language):
    page.goto(f"/{language}/")
    page.get_by_role("navigation", name=MAIN_NAVIGATION).get_by_role(
        "link", name=CALENDAR[language], exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CALENDAR[language])


@pytest.mark.parametrize("language", ["de", "en"])
def test_visitor_filters_the_calendar_and_reads_a_month_by_keyboard(visit, axe, screenshot, language):
    page = visit(language, bypass_csp=True)
    open_calendar(page, language)
    assert axe(page, f"{language} calendar") == []
    items = page.locator(".event-list > li")
    total = items.count()
    assert total >= 4  # the demo's open meeting and upcoming events

    page.locator("#filter-kind").select_option("meeting")
    page.locator(".filter-form button[type=submit]").press("Enter")
    expect(page).to_have_url(re.compile(r"\?sector=&network=&kind=meeting$"))
    assert 1 <= items.count() < total
    expect(page.locator("#filter-kind")).to_have_value("meeting")

    page.locator(".view-switch a").nth(1).click()  # the month view of this month, filter kept
    expect(page).to_have_url(re.compile(r"/(monat|month)/\d{4}-\d{2}/\?kind=meeting$"))
    assert axe(page, f"{language} month") == []
    screenshot(page, f"{language}-event-calendar-month-desktop")
    for _ in range(3):  # to a month with the open meeting
        if page.locator(".month-grid__busy a").count():
            break
        shown = page.url
        page.locator(".month-pager a[rel=next]").click()
        # Counting before the next month has loaded would count the old one and click on.
        expect(page).not_to_have_url(shown)
        page.wait_for_load_state()
    day = page.locator(".month-grid__busy a").first
    day.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#day-\d{4}-\d{2}-\d{2}$"))
    expect(page.locator(":target .event-list > li").first).to_be_visible()

    page.locator(".view-switch a").nth(2).click()
    expect(page).to_have_url(re.compile(r"/(archiv|archive)/\?kind=meeting$"))
    assert axe(page, f"{language} archive") == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_calendar_month_fits_a_phone(visit, axe, screenshot, language):
    page = visit(language, phone=True, bypass_csp=True)
    page.goto({"de": "/de/termine/", "en": "/en/events/"}[language])
    page.locator(".view-switch a").nth(1).click()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width
    assert axe(page, f"{language} month phone") == []
    screenshot(page, f"{language}-event-calendar-month-phone")
