"""The Wagtail userbar on public pages for a logged-in editor, under the public pages' strict
Content-Security-Policy (no inline scripts or styles): it renders, opens, and its accessibility
checker runs, and the browser reports no violation of the policy."""

import re

import pytest
from playwright.sync_api import expect

from .pages import log_in

pytestmark = pytest.mark.browser

# Every violation of the page's policy, as the browser reports it to the page.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


def test_editor_opens_the_userbar_and_runs_its_accessibility_checker_under_the_strict_policy(visit, editorial_users):
    from editorial.roles import EDITORS

    page = visit("de")
    console = []
    page.on("console", lambda message: console.append(message.text))
    log_in(page, editorial_users[EDITORS])
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    response = page.goto("/de/ueber-uns/")

    policy = dict(
        directive.strip().split(" ", 1) for directive in response.headers["content-security-policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"

    trigger = page.get_by_role("button", name="Wagtails Schnellaktionen ansehen")
    expect(trigger).to_be_visible()
    trigger.click()
    expect(page.get_by_role("menuitem", name=re.compile("Unterseite hinzufügen"))).to_be_visible()
    checker = page.get_by_role("menuitem", name=re.compile("Überprüfungen"))
    checker.click()
    results = page.get_by_role("dialog")
    expect(results).to_be_visible()
    # The checker has run axe over the page and counts what it found.
    expect(results).to_contain_text(re.compile(r"Probleme gefunden\s*\d+"))

    assert page.evaluate("window.cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text] == []
