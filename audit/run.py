"""make audit: Lighthouse and the W3C Nu HTML checker on every page type, in German and English.

Runs against a site that is already serving (`make run` in another terminal; AUDIT_URL, default
http://127.0.0.1:8000) and reads which pages to visit from the database the site uses (the same
DATABASE_URL): one live page of each page type per language, the first in the tree, the forms on
addresses of their own, and the 404 page. Lighthouse (npm, pinned in package-lock.json) drives
Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) headless with its background traffic
switched off; it never downloads a browser. vnu-jar (npm) checks the HTML of all pages in one
Java start. Prints the four Lighthouse scores and the Nu errors per page; the Lighthouse reports
are in var/audit/. Exits 1 when a score is below AUDIT_MIN_SCORE (default 1.0) or the Nu checker
finds an error.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "audit"
BASE_URL = os.environ.get("AUDIT_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}").rstrip("/")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Lighthouse's default is a phone on a slow network; AUDIT_PRESET=desktop measures a desktop.
PRESET = os.environ.get("AUDIT_PRESET", "")
MIN_SCORE = float(os.environ.get("AUDIT_MIN_SCORE", "1.0"))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run --disable-default-apps --disable-extensions --disable-dev-shm-usage"
)
NOT_FOUND_PATHS = {"de": "/de/diese-seite-gibt-es-nicht/", "en": "/en/this-page-does-not-exist/"}

PAGES_SCRIPT = """
import json
from django.db.models import Min
from wagtail.models import Page
found = {}
for language in ("de", "en"):
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gte=2)
    first = pages.order_by().values("content_type").annotate(first=Min("path")).values_list("first", flat=True)
    first_pages = [page.specific for page in pages.filter(path__in=list(first)).order_by("path")]
    found[language] = [(page.specific_class._meta.model_name, page.url) for page in first_pages]
    # The forms on addresses of their own below their pages (participation, barrier report).
    found[language] += [
        (page.specific_class._meta.model_name + "-form", getattr(page, address)())
        for page in first_pages
        for address in ("participation_url", "report_url")
        if hasattr(page, address)
    ]
    # Views at sub-routes that show something of their own (a company's page).
    from tests.visitor.pages import own_addresses
    found[language] += own_addresses(language)
print(json.dumps(found))
"""


def page_types():
    """(language, name, path) of one page per type and language, the 404 page last."""
    command = [sys.executable, "manage.py", "shell", "-c", PAGES_SCRIPT]
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout  # noqa: S603
    found = json.loads(output.strip().splitlines()[-1])
    return [
        (language, name, path)
        for language in ("de", "en")
        for name, path in [*found[language], ("404", NOT_FOUND_PATHS[language])]
    ]


def fetch(path):
    try:
        with urllib.request.urlopen(BASE_URL + path, timeout=30) as response:  # noqa: S310 - the local site
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is checked too
        return error.read()


def lighthouse(language, name, path):
    report = OUT / f"{language}-{name}{'-' + PRESET if PRESET else ''}.json"
    command = [
        str(LIGHTHOUSE),
        BASE_URL + path,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--locale={language}",
    ]
    if PRESET:
        command.append(f"--preset={PRESET}")
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    # A busy machine now and then makes Chromium's trace miss its start (NO_NAVSTART): once more.
    # Lighthouse does not rate a page answered with an error status (the 404 page): no scores.
    run = subprocess.run  # our own command line, no shell
    if run(command, env=env).returncode and run(command, env=env).returncode:  # noqa: S603
        return None, None
    result = json.loads(report.read_text())
    scores = {category: result["categories"][category]["score"] for category in CATEGORIES}
    cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores, cls


def nu_errors(pages):
    """Nu checker errors per (language, name), all pages checked in one Java start."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for language, name, path in pages:
            file = Path(folder) / f"{language}-{name}.html"
            file.write_bytes(fetch(path))
            files[file.name] = (language, name)
        result = subprocess.run(  # noqa: S603 - java from the PATH, as `make audit` documents
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *sorted(files)],  # noqa: S607
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        )
    errors = {key: [] for key in files.values()}
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            key = files.get(message["url"].rsplit("/", 1)[-1], ("?", message["url"]))
            errors.setdefault(key, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


def main():
    try:
        fetch("/")
    except OSError as error:
        sys.exit(f"No site on {BASE_URL} ({error}). Start it first: make run (PORT=... / AUDIT_URL=...)")
    OUT.mkdir(parents=True, exist_ok=True)
    pages = page_types()
    print(f"Nu HTML checker on {len(pages)} pages of {BASE_URL} ...", flush=True)
    errors = nu_errors(pages)
    print(f"Lighthouse ({PRESET or 'mobile'}) with {CHROME_PATH} ...", flush=True)
    rows, failed = [], False
    for language, name, path in pages:
        scores, cls = lighthouse(language, name, path) if name != "404" else (None, None)
        nu = errors.get((language, name), [])
        failed |= bool(nu) or (name != "404" and (scores is None or min(scores.values()) < MIN_SCORE))
        rows.append((language, name, path, scores, cls, nu))
        if scores is None:
            line = "(no Lighthouse scores)" if name != "404" else "(Lighthouse rates no error page)"
            line = f"{line:23}  CLS   -  "
        else:
            line = " ".join(f"{scores[category]:.2f}" for category in CATEGORIES) + f"  CLS {cls:.3f}"
        print(f"{language} {name:24} {line}  Nu {len(nu)}  {path}", flush=True)
    print("\n(perf a11y best-practices seo; reports in var/audit/)")
    for language, name, path, _, _, nu in rows:
        for message in nu:
            print(f"Nu {language} {name} {path}: {message}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
