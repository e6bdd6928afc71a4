"""axe-core on every public page type, in both languages, on desktop and on a phone.

Each page is also photographed into var/screenshots/ for a person to review the design."""

import pytest
from playwright.sync_api import expect

from .conftest import AXE_JS
from .pages import public_pages, run_axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_no_page_type_has_serious_or_critical_accessibility_violations(visit, axe, screenshot, language, phone):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy forbids;
    # only these contexts bypass it, every other test runs under the real policy.
    page = visit(language, phone=phone, bypass_csp=True)
    viewport = "phone" if phone else "desktop"
    pages = public_pages(language)
    assert len(pages) >= 7, pages  # home, general page, sector index and page, network index and page, 404
    violations = []
    for name, path in pages:
        page.goto(path)
        screenshot(page, f"{language}-{name}-{viewport}")
        violations += [f"{name} {path}: {line}" for line in axe(page, f"{language} {viewport} {name} {path}")]
    assert violations == []


SEARCH_PAGES = {"de": "/de/suche/?q=Netzwerk", "en": "/en/search/?q=network"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_search_page_tells_its_two_search_landmarks_apart(visit, language):
    page = visit(language, bypass_csp=True)
    page.goto(SEARCH_PAGES[language])
    landmarks = page.get_by_role("search")
    expect(landmarks).to_have_count(2)
    names = [landmark.get_attribute("aria-label") for landmark in landmarks.all()]
    assert all(names) and names[0] != names[1], names
    serious, other = run_axe(page, AXE_JS)
    assert serious == []
    assert [finding for finding in other if "landmark-unique" in finding] == []
