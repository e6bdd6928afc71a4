"""The pages in Leichte Sprache and German Sign Language and the accessibility statement with the
form for reporting barriers (on an address of its own below it), in Chromium: axe-core, the W3C
Nu checker, no layout shift, the captions track, and a report sent at autofill speed that is
stored, not lost.

`-k easylanguagepage` (or signlanguagepage, accessibilitystatementpage) runs one page's checks."""

import json
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from accessibility.models import BarrierReport

from .pages import BARRIER_FREE_PAGES, has_horizontal_overflow
from .test_design import MEASURE_LAYOUT_SHIFT, VNU_JAR, page_html

pytestmark = pytest.mark.browser

PAGES = [pytest.param(language, path, id=name) for name, language, path in BARRIER_FREE_PAGES]
REPORT_SLUG = {"de": "melden", "en": "report"}
HEADER_LINKS = {
    "de": {"Leichte Sprache": "/de/leichte-sprache/", "Gebärdensprache": "/de/gebaerdensprache/"},
    "en": {"Leichte Sprache": "/de/leichte-sprache/", "German Sign Language": "/de/gebaerdensprache/"},
}


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
@pytest.mark.parametrize(("language", "path"), PAGES)
def test_barrier_free_page_has_no_serious_axe_finding_does_not_move_nor_scroll_sideways(
    visit, axe, screenshot, language, path, phone
):
    page = visit(language, phone=phone, bypass_csp=True)
    page.add_init_script(MEASURE_LAYOUT_SHIFT)
    page.goto(path, wait_until="load")
    page.wait_for_timeout(200)
    assert page.evaluate("window.layoutShift") == 0
    assert not has_horizontal_overflow(page), "the page scrolls sideways"
    assert axe(page, f"{language} {path}") == []
    name = path.strip("/").replace("/", "-")
    screenshot(page, f"{name}-{'phone' if phone else 'desktop'}")


@pytest.mark.parametrize(("language", "path"), PAGES)
def test_barrier_free_page_links_leichte_sprache_and_sign_language_from_its_header(visit, language, path):
    page = visit(language)
    page.goto(path)
    bar = page.get_by_role("navigation", name=re.compile("Leichte Sprache und Gebärdensprache|Easy-to-read"))
    for name, href in HEADER_LINKS[language].items():
        link = bar.get_by_role("link", name=name)
        expect(link).to_have_attribute("href", href)
        if language == "en":
            expect(link).to_have_attribute("hreflang", "de")
    if language == "en":
        expect(bar.get_by_role("link", name="Leichte Sprache")).to_have_attribute("lang", "de")


def test_nu_checker_finds_no_error_on_easylanguagepage_signlanguagepage_accessibilitystatementpage(site_url, tmp_path):
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.exit(f"{VNU_JAR} or java is missing: `make test-browser` runs npm ci (Java 17 needed)", returncode=3)
    names = []
    for name, language, path in BARRIER_FREE_PAGES:
        statement = (("-form", path + REPORT_SLUG[language] + "/"), ("-thanks", path + "thanks/"))
        for suffix, address in (("", path), *statement) if "statement" in name else (("", path),):
            file = tmp_path / f"{name}{suffix}.html"
            file.write_bytes(page_html(site_url, address))
            names.append(file.name)
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


def test_signlanguagepage_video_keeps_its_box_and_loads_its_captions(visit):
    page = visit("de")
    page.goto("/de/gebaerdensprache/")
    video = page.locator("video")
    box = video.bounding_box()
    assert round(box["width"] / box["height"], 2) == round(640 / 360, 2)
    # preload="none": nothing of the video is loaded before the visitor starts it.
    assert page.evaluate("document.querySelector('video').networkState") in (0, 1)  # EMPTY or IDLE
    page.wait_for_function("document.querySelector('track').readyState === 2", timeout=10_000)  # LOADED
    cues = page.evaluate("[...document.querySelector('video').textTracks[0].cues].map(cue => cue.text)")
    assert cues and "Gebärdensprache" in cues[0]
    expect(page.get_by_role("link", name="Video herunterladen").last).to_have_attribute("download", "")
    expect(page.locator("figcaption")).to_contain_text(re.compile(r"MP4, [\d,]+\sKB, 0:20 Minuten"))


@pytest.mark.parametrize(
    ("language", "path"), [pytest.param("de", "/de/barrierefreiheit/", id="accessibilitystatementpage-de")]
)
def test_accessibilitystatementpage_errors_are_focused_and_an_autofilled_report_is_kept(visit, language, path):
    page = visit(language)
    page.goto(path)
    # The statement links to the form, on an address of its own (the statement is the same for
    # every visitor and may come from a shared cache; the form never does).
    page.get_by_role("link", name="Zum Formular für die Meldung einer Barriere").click()
    expect(page).to_have_url(re.compile(f"{path}melden/$"))
    form = page.get_by_role("region", name="Barriere melden")

    # sent empty at once: the error summary has the focus and names the fields
    form.get_by_role("button", name="Meldung senden").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name=re.compile("Was ist die Barriere"))).to_be_visible()

    # filled in and sent the moment the page has loaded, as with a browser's autofill: stored,
    # marked for review, and the person is thanked
    description = "Browser-Test: Der Kontrast der Fußzeile ist zu schwach."
    page.goto(f"{path}melden/")
    page.evaluate(
        """description => {
            document.getElementById('id_description').value = description;
            document.getElementById('id_name').value = 'Erika Mustermann';
            document.getElementById('id_consent').checked = true;
            document.getElementById('id_description').form.requestSubmit();
        }""",
        description,
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Meldung")
    report = BarrierReport.objects.get(description=description)
    assert report.needs_review and report.locale.language_code == "de"
    report.delete()
