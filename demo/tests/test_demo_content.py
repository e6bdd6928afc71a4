import pytest

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.models import StringTranslation, Translation

pytestmark = pytest.mark.demo


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "images": get_image_model().objects.count(),
    }


def test_loading_the_demo_content_again_changes_and_duplicates_nothing(db):
    before = counts()
    call_command("load_demo_content", "--no-users", verbosity=0)
    assert counts() == before
    assert before["pages"] > 10


def test_loading_the_demo_again_after_competences_were_migrated_from_tags_fills_them_in(db):
    """`make run` on a database of an earlier version: its competence tags became competences
    without synonyms (network migration 0006); the demo fills them in instead of failing."""
    from network.models import Competence

    german = Competence.objects.get(name="Laserstrahlschneiden", locale__language_code="de")
    german.get_translation(Locale.objects.get(language_code="en")).delete()
    Competence.objects.filter(pk=german.pk).update(synonyms="")
    call_command("load_demo_content", "--no-users", verbosity=0)
    german.refresh_from_db()
    assert german.synonyms == "Laserschneiden, Laserzuschnitt"
    english = german.get_translation(Locale.objects.get(language_code="en"))
    assert (english.name, english.synonyms) == ("Laser beam cutting", "laser cutting")


def test_english_pages_are_wagtail_localize_translations_with_english_slugs(db):
    about_de = Page.objects.get(locale__language_code="de", slug="ueber-uns")
    about_en = about_de.get_translation(Locale.objects.get(language_code="en"))
    assert about_en.url == "/en/about/"
    assert about_en.live
    translation = Translation.objects.get(source__object_id=about_de.translation_key, target_locale=about_en.locale)
    assert translation.get_target_instance().pk == about_en.pk


def test_demo_slugs_of_the_general_pages(client, db):
    for url in [
        "/de/ueber-uns/",
        "/de/impressum/",
        "/de/datenschutz/",
        "/de/barrierefreiheit/",
        "/en/about/",
        "/en/legal-notice/",
        "/en/privacy/",
        "/en/accessibility/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_page_tree_is_consistent_after_loading(db):
    from io import StringIO

    out = StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()


class EveryDemoPageRendersTest(WagtailPageTestCase):
    def test_every_live_page_of_both_languages_renders_in_its_language(self):
        pages = Page.objects.live().filter(depth__gte=2).select_related("locale").specific()
        languages = set()
        for page in pages:
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)
            self.assertContains(response, f'<html lang="{page.locale.language_code}">')
            self.assertContains(response, f"<title>{page.title}")
            languages.add(page.locale.language_code)
        self.assertEqual(languages, {"de", "en"})
