"""What every public page shows a visitor: no template syntax, a title that names the site once."""

import re

import pytest

from .pages import LANGUAGES, NOT_FOUND, own_addresses, page_of_type, page_types, rendered

pytestmark = pytest.mark.django_db

TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{")


def _every_public_page(client, site, language):
    for model in page_types(language):
        page = page_of_type(model, language)
        yield model.__name__, rendered(client, page.url)
    for name, url in own_addresses(site, language):
        yield name, rendered(client, url)
    yield "404", rendered(client, NOT_FOUND[language], status=404)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_shows_template_syntax(client, complete_site, language):
    for name, html in _every_public_page(client, complete_site, language):
        leaks = [syntax for syntax in TEMPLATE_SYNTAX if syntax in html]
        assert not leaks, f"{name} ({language}) shows {leaks}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_title_repeats_itself(client, complete_site, language):
    for name, html in _every_public_page(client, complete_site, language):
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        parts = [part.strip() for part in title.split("–")]
        assert len(parts) == len(set(parts)), f"{name} ({language}) is titled {title!r}"
        assert title.count("Bochum 2015") == 1, f"{name} ({language}) is titled {title!r}"
