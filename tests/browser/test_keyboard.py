"""Keyboard only: the skip link works, focus is always visible, everything can be reached."""

import pytest
from playwright.sync_api import expect

from .pages import public_pages, tab_through

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["de", "en"])
def test_skip_link_is_the_first_stop_and_jumps_to_the_content(visit, language):
    page = visit(language)
    page.goto({"de": "/de/fokusbranchen/", "en": "/en/focus-sectors/"}[language])
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name={"de": "Zum Inhalt springen", "en": "Skip to content"}[language])
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    # the next stop is the first link of the content (a sector card), not the header's links
    expect(page.get_by_role("main").get_by_role("link").first).to_be_focused()


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_interactive_element_is_reached_by_tab_with_a_visible_focus(visit, language):
    page = visit(language)
    problems = []
    for name, path in public_pages(language):
        page.goto(path)
        interactive, stops = tab_through(page)
        reached = {stop["id"] for stop in stops}
        missed = [id_ for id_ in interactive if id_ not in reached]
        if missed:
            labels = page.evaluate(
                "ids => ids.map(id => document.querySelector(`[data-kbd='${id}']`).outerHTML.slice(0, 120))", missed
            )
            problems.append(f"{name}: not reachable by Tab: {labels}")
        for stop in stops:
            if not (stop["outline"] or stop["shadow"]):
                problems.append(f"{name}: no visible focus on <{stop['tag']}> {stop['text']!r}")
            if not stop["onScreen"]:
                problems.append(f"{name}: focused <{stop['tag']}> {stop['text']!r} is off screen")
        if len(stops) < 5:
            problems.append(f"{name}: only {len(stops)} focus stops")
    assert problems == []
