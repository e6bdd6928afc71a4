"""What the browser tests visit and the checks they share."""

import re

from playwright.sync_api import expect

from django.conf import settings
from django.db.models import Min

from wagtail.models import Page

# axe-core rule sets: WCAG 2.0/2.1 A and AA (what BITV 2.0 requires) plus axe's best practices
# (landmarks, heading order), which are listed but only fail when serious or critical.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
ADMIN = f"/{settings.ADMIN_PATH}/"
# The password of the editorial users the tests make (conftest.editorial_users).
EDITORIAL_PASSWORD = "journey-password"  # noqa: S105
NOT_FOUND_PATHS = {"de": "/de/diese-seite-gibt-es-nicht/", "en": "/en/this-page-does-not-exist/"}
# Methods of the pages whose form is on an address of its own (the participation and barrier forms).
FORM_ADDRESSES = ("participation_url", "report_url")


def own_addresses(language):
    """Views at sub-routes of a page that show something else than the page (name, path): a
    company's page below the demo's company directory."""
    from network.models import Company, CompanyDirectoryPage

    directory = CompanyDirectoryPage.objects.live().filter(locale__language_code=language).first()
    company = Company.objects.live().filter(locale__language_code="de").exclude(slug="").order_by("name").first()
    if directory is None or company is None:
        return []
    return [("company", directory.url + directory.reverse_subpage("company", kwargs={"slug": company.slug}))]


def public_pages(language):
    """One live page of each page type in the language (the first in the tree), the forms on
    addresses of their own below them, and the 404 page, as (name, path) pairs. New page types
    are picked up as they land."""
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gte=2)
    first_paths = pages.order_by().values("content_type").annotate(first=Min("path")).values_list("first", flat=True)
    firsts = [page.specific for page in pages.filter(path__in=list(first_paths)).order_by("path")]
    found = [(page.specific_class._meta.model_name, page.url) for page in firsts]
    # The forms on addresses of their own below their pages (never cached).
    forms = [
        (f"{page.specific_class._meta.model_name}-form", getattr(page, address)())
        for page in firsts
        for address in FORM_ADDRESSES
        if hasattr(page, address)
    ]
    return [*found, *forms, *own_addresses(language), ("404", NOT_FOUND_PATHS[language])]


# The pages BITV 2.0 § 4 asks for (accessibility app), each also among `public_pages`; the Leichte
# Sprache and sign-language pages are German pages of their own. test_barrier_free.py checks each
# by its name: `-k easylanguagepage`.
BARRIER_FREE_PAGES = [
    ("easylanguagepage", "de", "/de/leichte-sprache/"),
    ("signlanguagepage", "de", "/de/gebaerdensprache/"),
    ("accessibilitystatementpage-de", "de", "/de/barrierefreiheit/"),
    ("accessibilitystatementpage-en", "en", "/en/accessibility/"),
]


def run_axe(page, axe_js):
    """Runs axe-core in the page. Returns the serious/critical violations as readable lines and
    the other findings (moderate and minor violations, incomplete checks needing a person)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_js))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})",
        AXE_TAGS,
    )
    serious, other = [], []
    for violation in result["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        line = f"{violation['impact']} {violation['id']} ({violation['help']}) at {targets}"
        (serious if violation["impact"] in ("serious", "critical") else other).append(line)
    for check in result["incomplete"]:
        other.append(f"needs review: {check['id']} ({check['help']}) on {len(check['nodes'])} element(s)")
    return serious, other


# Elements a keyboard user must be able to reach, and whether they are rendered and enabled.
INTERACTIVE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, "
    "[tabindex]:not([tabindex='-1']), [contenteditable='true']"
)
MARK_INTERACTIVE = """selector => {
    const found = [];
    document.querySelectorAll(selector).forEach((el, i) => {
        if (el.disabled || !el.checkVisibility({visibilityProperty: true})) return;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0 && !el.classList.contains('skip-link')) return;
        // A radio group is one Tab stop; the arrow keys move inside it.
        const form = [...document.forms].indexOf(el.form);
        const id = el.type === 'radio' ? `radio-${form}-${el.name}` : String(i);
        el.dataset.kbd = id;
        if (!found.includes(id)) found.push(id);
    });
    return found;
}"""
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
        id: el.dataset.kbd || null,
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 60),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
        onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
            && rect.top < innerHeight && rect.left < innerWidth,
    };
}"""


def tab_through(page, limit=300):
    """Presses Tab from the top of the page until focus comes back round; returns the marked
    interactive elements and every focus stop in order."""
    interactive = page.evaluate(MARK_INTERACTIVE, INTERACTIVE)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop["id"] is not None and stop["id"] == stops[0]["id"]):
            break
        stops.append(stop)
    return interactive, stops


def has_horizontal_overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def log_in(page, username):
    page.goto(ADMIN)
    page.get_by_label(re.compile("Benutzername|Username")).fill(username)
    page.get_by_label(re.compile("Passwort|Password")).fill(EDITORIAL_PASSWORD)
    page.get_by_role("button", name=re.compile("^(Anmelden|Sign in)$")).click()
    expect(page.get_by_role("heading", name="Bochum 2015", level=1)).to_be_visible()
