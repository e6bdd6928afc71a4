"""The browser suite: the site with its demo content on a free local port, driven by Debian's
Chromium through Playwright. It runs only with `-m browser` (`make test-browser`); `make test`
does not even collect it, so Playwright need not be installed there."""

import os
import shutil
from pathlib import Path

import pytest

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
VAR_DIR = BASE_DIR / "var"
SCREENSHOT_DIR = VAR_DIR / "screenshots"
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No request leaves the machine: Chromium's own background traffic is switched off.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LOCALES = {"de": "de-DE", "en": "en-GB"}


def is_browser_run(config):
    return config.getoption("markexpr") == "browser"


def pytest_ignore_collect(collection_path, config):
    if collection_path.name.startswith("test_") and not is_browser_run(config):
        return True
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.demo)


def is_xdist_worker(config):
    return hasattr(config, "workerinput")


def pytest_configure(config):
    if is_browser_run(config):
        # Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
        # to run next to one unless told that this is intended.
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        config.axe_findings = []
        # Once per run, before any pytest-xdist worker takes a picture.
        if not is_xdist_worker(config) and SCREENSHOT_DIR.exists():
            shutil.rmtree(SCREENSHOT_DIR)


def pytest_sessionfinish(session):
    """A pytest-xdist worker hands its axe findings to the process that prints the summary."""
    config = session.config
    if is_xdist_worker(config) and hasattr(config, "axe_findings"):
        config.workeroutput["axe_findings"] = config.axe_findings


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    findings = getattr(node, "workeroutput", {}).get("axe_findings", [])
    if hasattr(node.config, "axe_findings"):
        node.config.axe_findings.extend(findings)


def pytest_terminal_summary(terminalreporter, config):
    findings = getattr(config, "axe_findings", None)
    if findings is None or is_xdist_worker(config):
        return
    terminalreporter.section("axe-core findings below serious (not failures)")
    if not findings:
        terminalreporter.write_line("none")
    for line in sorted(set(findings)):
        terminalreporter.write_line(line)
    report = VAR_DIR / "axe-findings.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(sorted(set(findings))) + "\n")
    terminalreporter.write_line(f"(also in {report.relative_to(BASE_DIR)}; screenshots in var/screenshots/)")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite a database file, not shared memory: each server thread gets its own connection."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        path = VAR_DIR / "browser" / f"test-db{os.environ.get('PYTEST_XDIST_WORKER', '')}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(path)
        # A throwaway database: no waiting for the disk on every commit of the demo content.
        database.setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL"


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The test database with the demo content, for a suite whose tests carry no django_db mark
    (pytest-django would set up no database for them, and would wrap each in a transaction)."""
    from django.core.management import call_command
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
        call_command("load_demo_content", "--no-users", verbosity=0)
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=0)


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """The site with the demo content (see the root conftest) on a free port of 127.0.0.1.

    The server thread and the tests share the test database without a wrapping transaction,
    so what the browser changes is what the tests read."""
    from pytest_django.live_server_helper import LiveServer

    django_db_blocker.unblock()
    server = LiveServer("127.0.0.1:0")
    yield server.url
    server.stop()
    django_db_blocker.restore()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.exit(f"{CHROMIUM} is missing: `make test-browser` installs Debian's chromium", returncode=3)
    if not AXE_JS.exists():
        pytest.exit(f"{AXE_JS} is missing: `make test-browser` runs npm ci", returncode=3)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Visit:
    """A browser context for one visitor: its pages only reach the site under test.

    Requests to any other host are aborted and recorded; the test fails if there was one."""

    def __init__(self, chromium, site_url, language="de", **options):
        self.site_url = site_url
        self.foreign_requests = []
        self.context = chromium.new_context(
            base_url=site_url, locale=LOCALES[language], reduced_motion="reduce", **options
        )
        self.context.set_default_timeout(10_000)
        self.context.route("**/*", self._only_the_site)
        self.page = self.context.new_page()

    def _only_the_site(self, route):
        url = route.request.url
        if url.startswith((self.site_url + "/", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def close(self):
        self.context.close()
        assert self.foreign_requests == [], "requests left the site"


@pytest.fixture
def visit(chromium, site_url):
    """`visit(language, phone=False)` opens a new browser context and returns its page."""
    opened = []

    def open_context(language="de", phone=False, **options):
        opened.append(Visit(chromium, site_url, language, **(PHONE if phone else DESKTOP), **options))
        return opened[-1].page

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def page(visit):
    """A desktop browser page with German as the browser's language."""
    return visit("de")


@pytest.fixture
def axe(request):
    """`axe(page, label)` runs axe-core on the page: returns the serious and critical
    violations and records the others for the summary at the end of the run."""
    from .pages import run_axe

    def check(page, label):
        serious, other = run_axe(page, AXE_JS)
        request.config.axe_findings.extend(f"{label}: {finding}" for finding in other)
        return serious

    return check


@pytest.fixture
def screenshot():
    def save(page, name):
        path = SCREENSHOT_DIR / f"{name}.png"
        # A full-page picture shows images below the fold too, which the browser loads lazily.
        page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(img => (img.loading = 'eager'))")
        page.wait_for_function("() => [...document.images].every(img => img.complete)")
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        return path

    return save


@pytest.fixture
def editorial_users(site_url):
    """One user per editorial group (keyed by group name), with the admin in the group's usual
    language; made in the database, the tests start at the login form (`pages.log_in`)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from wagtail.users.models import UserProfile

    from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

    from .pages import EDITORIAL_PASSWORD

    User = get_user_model()
    users = {}
    for username, group, language in (
        ("journey-redaktion", EDITORS, "de"),
        ("journey-chefredaktion", MODERATORS, "de"),
        ("journey-uebersetzung", TRANSLATORS, "en"),
    ):
        user = User.objects.create_user(username, f"{username}@example.org", EDITORIAL_PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        users[group] = username
    yield users
    User.objects.filter(username__in=users.values()).delete()
