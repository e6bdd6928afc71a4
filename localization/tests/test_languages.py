"""German and English: prefixes, redirects, alternates, switcher and interface catalogues, on a
tree of the tests' own."""

import re
from pathlib import Path

import polib
import pytest

from django.conf import settings

from wagtail.models import Locale, Page

from home.models import StandardPage
from home.tests.factories import StandardPageFactory, paragraphs, translate_into_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    """Home and "Über uns" in German and English on the test client's host; the English home
    has a search description."""
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    about = StandardPageFactory(parent=site_tree.german_home, title="Über uns", slug="ueber-uns", show_in_menus=True)
    translate_into_english(
        about, title="About", slug="about", intro="Who we are.", body=paragraphs("We bring companies together.")
    )
    english_home = site_tree.english_home
    english_home.search_description = "The Bochum 2015 growth initiative: focus sectors, networks and news."
    english_home.save_revision().publish()
    return site_tree


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("de-DE,de;q=0.9,en;q=0.5", "/de/"), ("fr-FR,fr;q=0.9", "/de/"), ("", "/de/")],
)
def test_root_redirects_by_the_browsers_language_and_german_when_unsure(client, tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_page_lists_its_translations_as_hreflang_alternates_with_german_as_default(client, tree):
    html = client.get("/de/ueber-uns/").content.decode()
    assert '<link rel="alternate" hreflang="de" href="http://testserver/de/ueber-uns/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/de/ueber-uns/">' in html
    assert '<link rel="canonical" href="http://testserver/de/ueber-uns/">' in html


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, tree):
    html = client.get("/en/about/").content.decode()
    assert '<a href="/de/ueber-uns/" hreflang="de" lang="de">Deutsch</a>' in html
    html = client.get("/de/ueber-uns/").content.decode()
    assert '<a href="/en/about/" hreflang="en" lang="en">English</a>' in html


def test_switcher_leads_to_the_other_home_page_when_there_is_no_translation(client, tree):
    home = tree.german_home
    page = home.add_child(instance=StandardPage(title="Nur auf Deutsch", slug="nur-deutsch"))
    page.save_revision().publish()
    html = client.get("/de/nur-deutsch/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html  # no alternate for a translation that does not exist


def test_meta_description_and_open_graph_come_from_the_page(client, tree):
    html = client.get("/en/").content.decode()
    assert (
        '<meta name="description" content="The Bochum 2015 growth initiative: focus sectors, networks and news.">'
        in html
    )
    assert '<meta property="og:title" content="Bochum 2015">' in html
    assert '<meta property="og:url" content="http://testserver/en/">' in html


def test_interface_is_in_the_language_of_the_url(client, tree):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    for de, en in [
        ("Zum Inhalt springen", "Skip to content"),
        ("Hauptnavigation", "Main navigation"),
        ("Rechtliches", "Legal information"),
        ("Wachstumsinitiative für Bochum", "Growth initiative for Bochum"),
    ]:
        assert de in german and en not in german
        assert en in english and de not in english


CATALOGUE_DIRS = sorted(Path(settings.BASE_DIR).glob("*/locale"))


def _catalogue(locale_dir, language):
    return polib.pofile(str(locale_dir / language / "LC_MESSAGES" / "django.po"))


def test_each_app_keeps_german_and_english_catalogues():
    assert {d.parent.name for d in CATALOGUE_DIRS} >= {"bochum2015", "home", "network", "news"}


@pytest.mark.parametrize("locale_dir", CATALOGUE_DIRS, ids=lambda d: d.parent.name)
def test_german_catalogue_translates_every_interface_string(locale_dir):
    def translated(entry):  # a plural message keeps its translations in msgstr_plural
        return all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)

    untranslated = [entry.msgid for entry in _catalogue(locale_dir, "de") if not translated(entry) or entry.fuzzy]
    assert untranslated == []


@pytest.mark.parametrize("locale_dir", CATALOGUE_DIRS, ids=lambda d: d.parent.name)
def test_german_and_english_catalogues_are_in_step(locale_dir):
    assert {e.msgid for e in _catalogue(locale_dir, "de")} == {e.msgid for e in _catalogue(locale_dir, "en")}


def test_every_page_has_a_lang_attribute_matching_its_locale(client, tree):
    for locale in Locale.objects.all():
        pages = (
            Page.objects.live()
            .filter(locale=locale)
            .descendant_of(Page.objects.get(pk=tree.site.root_page_id).get_translation(locale), inclusive=True)
        )
        assert pages.count() == 2
        for page in pages:
            html = client.get(page.url).content.decode()
            assert re.search(rf'<html lang="{locale.language_code}">', html), page.url


@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"), ("/en/does-not-exist/", "en", "Page not found")],
)
def test_unknown_address_gets_a_styled_404_in_the_urls_language(client, tree, url, language, heading):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'class="site-header"' in html


def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    from django.utils import translation

    from core.views import server_error

    with translation.override("de"), django_assert_num_queries(0):
        response = server_error(rf.get("/de/"))
    assert response.status_code == 500
    assert "Etwas ist schiefgelaufen" in response.content.decode()


def test_a_string_has_the_same_german_in_every_app():
    """Django merges the apps' catalogues and the first app's translation of a string wins for
    all of them: a second, different one is never shown where its app meant it (the registration
    e-mails greeted with the exchange's words). A different meaning takes a context (pgettext)."""
    german = {}
    for locale_dir in CATALOGUE_DIRS:
        for entry in _catalogue(locale_dir, "de"):
            if not entry.obsolete and entry.msgstr:
                german.setdefault((entry.msgctxt, entry.msgid), {})[locale_dir.parent.name] = entry.msgstr
    differing = {key: apps for key, apps in german.items() if len(set(apps.values())) > 1}
    assert differing == {}
