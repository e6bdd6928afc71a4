"""An English visitor following a link to a page that exists only in German."""

import copy
import uuid

import pytest

from home.models import HomePage, StandardPage
from localization.translation import translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def stream(key, blocks):
    """StreamField data with block ids derived from `key`: the German and the English version
    of a page have the same structure."""
    return [
        {"type": block_type, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{key}-{index}"))}
        for index, (block_type, value) in enumerate(blocks)
    ]


@pytest.fixture
def german_only(db):
    home = HomePage.objects.live().get(locale__language_code="de")
    page = home.add_child(instance=StandardPage(title="Nur auf Deutsch", slug="nur-deutsch", intro="Ein Text."))
    page.save_revision().publish()
    return page


@pytest.fixture
def english_page_linking_to(german_only):
    """A translated page whose text and button link to the German-only page."""
    home = HomePage.objects.live().get(locale__language_code="de")

    def body(text, button):
        return stream(
            "links",
            [
                ("paragraph", f'<p>{text} <a linktype="page" id="{german_only.pk}">Link</a>.</p>'),
                ("call_to_action", {"text": button, "page": german_only.pk, "url": ""}),
            ],
        )

    german = home.add_child(instance=StandardPage(title="Verweise", slug="verweise", body=body("Siehe", "Mehr")))
    german.save_revision().publish()
    english = copy.copy(german)
    english.title, english.slug, english.body = "Links", "links", body("See", "More")
    return translate(german, english)


def test_links_from_english_text_lead_to_the_english_home_with_a_notice(client, german_only, english_page_linking_to):
    html = client.get("/en/links/").content.decode()
    notice_url = f"/en/?untranslated={german_only.pk}"
    assert f'<a href="{notice_url}">Link</a>' in html
    assert f'class="button" href="{notice_url}"' in html

    home = client.get(notice_url).content.decode()
    assert '<html lang="en">' in home
    assert 'The page you followed, “<span lang="de">Nur auf Deutsch</span>”, is not available in English yet.' in home
    assert '<a href="/de/nur-deutsch/" hreflang="de">Read it in German</a>' in home
    assert "Ein Text." not in home  # no German content in the English frame


def test_once_translated_the_links_lead_to_the_english_version(client, german_only, english_page_linking_to):
    english = copy.copy(german_only)
    english.title, english.slug, english.intro = "Only in German", "only-german", "A text."
    translate(german_only, english)
    html = client.get("/en/links/").content.decode()
    assert '<a href="/en/only-german/">Link</a>' in html
    assert 'class="button" href="/en/only-german/"' in html
    assert "is not available" not in client.get(f"/en/?untranslated={german_only.pk}").content.decode()


def test_german_readers_follow_the_same_links_straight_to_the_german_page(
    client, german_only, english_page_linking_to
):
    html = client.get("/de/verweise/").content.decode()
    assert '<a href="/de/nur-deutsch/">Link</a>' in html


def test_a_german_address_under_the_english_prefix_leads_to_the_notice_or_the_translation(client, german_only):
    response = client.get("/en/nur-deutsch/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/?untranslated={german_only.pk}"
    response = client.get("/en/aktuelles/")
    assert response.status_code in (301, 302) and response["Location"] == "/en/news/"
    assert client.get("/en/gibt-es-nicht/").status_code == 404


@pytest.mark.parametrize("value", ["abc", "999999", ""])
def test_no_notice_for_a_made_up_parameter(client, value):
    html = client.get(f"/en/?untranslated={value}").content.decode()
    assert "is not available" not in html and client.get(f"/en/?untranslated={value}").status_code == 200


def test_no_notice_for_a_page_that_has_an_english_version(client):
    about = StandardPage.objects.live().get(locale__language_code="de", slug="initiative")
    assert "is not available" not in client.get(f"/en/?untranslated={about.pk}").content.decode()
