"""On a 375-pixel-wide phone the menu folds away and opens with keyboard and touch."""

import re

import pytest
from playwright.sync_api import expect

from .pages import has_horizontal_overflow, public_pages

pytestmark = pytest.mark.browser

MENU_BUTTON = re.compile("^(Menü|Menu)$")
NAVIGATION = re.compile("^(Hauptnavigation|Main navigation)$")


@pytest.mark.parametrize("language", ["de", "en"])
def test_phone_menu_opens_and_closes_with_the_keyboard(visit, language):
    page = visit(language, phone=True)
    page.goto(f"/{language}/")
    button = page.get_by_role("button", name=MENU_BUTTON)
    navigation = page.get_by_role("navigation", name=NAVIGATION)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(navigation).to_be_hidden()

    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(navigation).to_be_visible()
    page.keyboard.press("Tab")
    expect(navigation.get_by_role("link").first).to_be_focused()

    page.keyboard.press("Escape")
    expect(navigation).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Space")
    expect(navigation).to_be_visible()
    page.keyboard.press("Space")
    expect(navigation).to_be_hidden()


@pytest.mark.parametrize("language", ["de", "en"])
def test_phone_menu_opens_and_closes_with_touch(visit, language):
    page = visit(language, phone=True)
    page.goto(f"/{language}/")
    button = page.get_by_role("button", name=MENU_BUTTON)
    navigation = page.get_by_role("navigation", name=NAVIGATION)
    button.tap()
    expect(navigation).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    assert not has_horizontal_overflow(page)
    links = navigation.get_by_role("link")
    second_title = links.nth(1).inner_text()
    links.nth(1).tap()
    expect(page.get_by_role("heading", level=1)).to_have_text(second_title)
    expect(navigation).to_be_hidden()
    button.tap()
    expect(navigation).to_be_visible()
    button.tap()
    expect(navigation).to_be_hidden()


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_page_scrolls_sideways_on_a_phone(visit, language):
    page = visit(language, phone=True)
    overflowing = []
    for name, path in public_pages(language):
        page.goto(path)
        if has_horizontal_overflow(page):
            overflowing.append(f"{name} {path}")
        page.get_by_role("button", name=MENU_BUTTON).tap()
        if has_horizontal_overflow(page):
            overflowing.append(f"{name} {path} (menu open)")
    assert overflowing == []
