"""`make run` shows visitors' error pages, in the language of the address; debug pages only on request."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings

from .pages import NOT_FOUND, rendered

PRINT_DEBUG = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def _dev_debug(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    environment.update(env, DJANGO_SETTINGS_MODULE="bochum2015.settings.dev")
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRINT_DEBUG],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_development_server_shows_the_designed_error_pages_unless_a_developer_asks():
    assert _dev_debug() == "False"
    assert _dev_debug(DEBUG="1") == "True"


def test_readme_says_how_to_get_debug_pages():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    assert "`DEBUG=1 make run`" in readme


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "foreign"),
    [("de", "Seite nicht gefunden", "Page not found"), ("en", "Page not found", "Seite nicht gefunden")],
)
def test_missing_page_is_the_designed_404_in_the_language_of_the_address(
    client, site_tree, language, heading, foreign
):
    html = rendered(client, NOT_FOUND[language], status=404)
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert foreign not in html
    assert "URLconf" not in html  # Django's debug page lists the URL patterns
