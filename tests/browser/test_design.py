"""What the design promises on every page type, in German and English: valid HTML (the W3C Nu
checker), nothing moves while a page loads, card grids without holes, headings that break
between syllables and figures that never wrap inside a number."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest

from .conftest import BASE_DIR
from .pages import NOT_FOUND_PATHS, public_pages

pytestmark = pytest.mark.browser

VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Adds up Chromium's layout shifts from the first paint on (what Lighthouse calls CLS).
MEASURE_LAYOUT_SHIFT = """
window.layoutShift = 0;
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
IMAGES_WITHOUT_SIZE = """() => [...document.images]
    .filter(img => !img.getAttribute('width') || !img.getAttribute('height'))
    .map(img => img.currentSrc || img.src)"""
# A grid of one to four cards shows them in one row on a desktop: no row with a hole.
GRIDS_WITH_HOLES = """() => [...document.querySelectorAll('.card-grid')].filter(grid => {
    const items = [...grid.children];
    const rows = new Set(items.map(item => Math.round(item.getBoundingClientRect().top)));
    return items.length <= 4 && rows.size !== 1 && !(items.length === 4 && rows.size === 2);
}).map(grid => `${grid.children.length} cards in ${getComputedStyle(grid).gridTemplateColumns}`)"""
# A heading whose words do not fit its box (a word that could only be cut letter by letter).
OVERFLOWING_HEADINGS = """() => [...document.querySelectorAll('main h1, main h2, main h3')]
    .filter(h => h.scrollWidth > h.clientWidth + 1).map(h => h.textContent.trim())"""
# Key figures: one line each (a figure's height is its line height).
WRAPPED_FIGURES = """() => [...document.querySelectorAll('.key-figure__number')].filter(el => {
    return el.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(el).lineHeight);
}).map(el => el.textContent)"""


def page_html(site_url, path):
    try:
        with urllib.request.urlopen(site_url + path, timeout=30) as response:  # noqa: S310 - the test server
            return response.read()
    except urllib.error.HTTPError as error:  # the designed 404 page is checked too
        return error.read()


def test_the_nu_html_checker_finds_no_error_on_any_page_type(site_url, tmp_path):
    """Every page type in both languages and the 404 pages, checked in one start of vnu.jar."""
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.exit(f"{VNU_JAR} or java is missing: `make test-browser` runs npm ci (Java 17 needed)", returncode=3)
    names = []
    for language in ("de", "en"):
        for name, path in public_pages(language):
            file = tmp_path / f"{language}-{name}.html"
            file.write_bytes(page_html(site_url, path))
            names.append(file.name)
    assert {"de-404.html", "en-404.html"} <= set(names), NOT_FOUND_PATHS
    result = subprocess.run(  # noqa: S603 - our own command line, no shell
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *names],  # noqa: S607
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{message['url'].rsplit('/', 1)[-1]} line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert errors == []


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_nothing_moves_while_a_page_loads(visit, language, phone):
    page = visit(language, phone=phone)
    page.add_init_script(MEASURE_LAYOUT_SHIFT)
    shifts, unsized = {}, {}
    for name, path in public_pages(language):
        page.goto(path, wait_until="load")
        page.wait_for_timeout(200)  # let the last shifts be reported
        shift = page.evaluate("window.layoutShift")
        if shift > 0:
            shifts[f"{name} {path}"] = round(shift, 4)
        if missing := page.evaluate(IMAGES_WITHOUT_SIZE):
            unsized[f"{name} {path}"] = missing
    assert shifts == {}, "cumulative layout shift while loading"
    assert unsized == {}, "pictures without width and height"


@pytest.mark.parametrize("language", ["de", "en"])
def test_card_grids_have_no_holes_on_a_desktop(visit, language):
    page = visit(language)
    holes = {}
    for name, path in public_pages(language):
        page.goto(path)
        if found := page.evaluate(GRIDS_WITH_HOLES):
            holes[f"{name} {path}"] = found
    assert holes == {}


@pytest.mark.parametrize("language", ["de", "en"])
def test_headings_and_figures_do_not_break_inside_a_word_on_a_phone(visit, language):
    page = visit(language, phone=True)
    problems = {}
    for name, path in public_pages(language):
        page.goto(path)
        hyphens = page.evaluate("() => getComputedStyle(document.querySelector('h1')).hyphens")
        # Leichte Sprache splits no word at a line's end (its editors split long words with the
        # middle dot): its pages' headings keep hyphens: manual.
        wanted = "manual" if page.evaluate("document.body.classList.contains('easy-language')") else "auto"
        found = {
            "overflowing headings": page.evaluate(OVERFLOWING_HEADINGS),
            "figures on two lines": page.evaluate(WRAPPED_FIGURES),
            f"h1 without hyphens: {wanted}": [] if hyphens == wanted else [hyphens],
        }
        if any(found.values()):
            problems[f"{name} {path}"] = {key: value for key, value in found.items() if value}
    assert page.evaluate("document.documentElement.lang") == language
    assert problems == {}
