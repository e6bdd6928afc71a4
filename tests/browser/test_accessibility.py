"""axe-core on every public page type, in both languages, on desktop and on a phone.

Each page is also photographed into var/screenshots/ for a person to review the design."""

import pytest

from .pages import public_pages

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
