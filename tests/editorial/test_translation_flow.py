"""Translating through wagtail-localize's own admin views, as a translator does."""

import html
import json
import re
from io import StringIO
from urllib.parse import urlencode

import polib
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation

from home.models import HomePage, StandardPage
from localization.translation import translate

from .test_roles import _with

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

GERMAN = {"title": "Anfahrt", "intro": "So finden Sie zu uns.", "seo_title": "Anfahrt zum Büro"}
ENGLISH = {
    "anfahrt": "directions",
    "Anfahrt": "Directions",
    "So finden Sie zu uns.": "How to find us.",
    "Anfahrt zum Büro": "Directions",
}


@pytest.fixture
def german_source(db):
    home = HomePage.objects.live().get(locale__language_code="de")
    page = home.add_child(instance=StandardPage(slug="anfahrt", **GERMAN))
    page.save_revision().publish()
    return page


def _editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


def _untranslated(props):
    done = {t["segment_id"] for t in props["initialStringTranslations"]}
    return [s for s in props["segments"] if s["type"] == "string" and s["id"] not in done]


def _translate_strings(client, segments, translations):
    for segment in segments:
        response = client.put(
            segment["editUrl"],
            urlencode({"value": translations[segment["source"]]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def _publish(client, page, django_capture_on_commit_callbacks):
    # wagtail-localize publishes when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302


def _start_translation(client, page):
    english = Locale.objects.get(language_code="en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    return page.get_translation(english)


def test_translate_change_sync_and_translate_only_the_changed_string(
    client, translator, moderator, german_source, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    english_page = _start_translation(client, german_source)
    assert not english_page.live  # a draft until it is translated
    # English readers are told the page is not available in English yet.
    assert client.get("/en/anfahrt/")["Location"] == f"/en/?untranslated={german_source.pk}"

    props = _editor_props(client, english_page)
    assert {s["source"] for s in _untranslated(props)} == set(ENGLISH)
    _translate_strings(client, _untranslated(props), ENGLISH)
    _publish(client, english_page, django_capture_on_commit_callbacks)
    english_page.refresh_from_db()
    assert english_page.live
    page = client.get(english_page.url).content.decode()
    assert "<h1>Directions</h1>" in page and "How to find us." in page

    # The moderator changes one German text and publishes it.
    client.force_login(moderator)
    edit = reverse("wagtailadmin_pages:edit", args=[german_source.pk])
    response = client.post(
        edit,
        {
            **GERMAN,
            "slug": "anfahrt",
            "intro": "So finden Sie zu uns: mit Bus und Bahn.",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    assert "mit Bus und Bahn" in client.get("/de/anfahrt/").content.decode()

    # The translator sees that the English page is out of date, and syncs it.
    client.force_login(translator)
    assert (
        "has changed since" in client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).content.decode()
    )
    source = Translation.objects.get(
        target_locale__language_code="en", source__object_id=german_source.translation_key
    ).source
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    assert (
        "has changed since"
        not in client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).content.decode()
    )

    props = _editor_props(client, english_page)
    assert [s["source"] for s in _untranslated(props)] == ["So finden Sie zu uns: mit Bus und Bahn."]
    _translate_strings(
        client, _untranslated(props), {"So finden Sie zu uns: mit Bus und Bahn.": "How to find us by bus and train."}
    )
    _publish(client, english_page, django_capture_on_commit_callbacks)

    english = client.get("/en/directions/").content.decode()
    german = client.get("/de/anfahrt/").content.decode()
    assert "<h1>Directions</h1>" in english and "How to find us by bus and train." in english
    assert "mit Bus und Bahn" not in english
    assert "<h1>Anfahrt</h1>" in german and "So finden Sie zu uns: mit Bus und Bahn." in german
    out = StringIO()
    call_command("fixtree", stdout=out)
    assert "No problems found" in out.getvalue()


def test_po_file_download_and_upload_round_trip(client, translator, german_source, django_capture_on_commit_callbacks):
    client.force_login(translator)
    english_page = _start_translation(client, german_source)
    translation = Translation.objects.get(
        source__object_id=german_source.translation_key, target_locale=english_page.locale
    )

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} == set(ENGLISH)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]

    upload = SimpleUploadedFile("anfahrt-en.po", str(po).encode(), content_type="text/x-gettext-translation")
    edit = reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": edit}
    )
    assert response.status_code == 302 and response["Location"] == edit
    assert _untranslated(_editor_props(client, english_page)) == []

    _publish(client, english_page, django_capture_on_commit_callbacks)
    page = client.get("/en/directions/").content.decode()
    assert "<h1>Directions</h1>" in page and "How to find us." in page


def test_editor_cannot_download_or_upload_english_strings(client, editor, translator, german_source):
    client.force_login(translator)
    english_page = _start_translation(client, german_source)
    translation = Translation.objects.get(
        source__object_id=german_source.translation_key, target_locale=english_page.locale
    )
    client.force_login(editor)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_untranslated_snippet_falls_back_to_german_with_a_note_for_the_translator(
    client, translator, moderator, german_page, english_page, django_capture_on_commit_callbacks
):
    from network.models import NetworkTopic, Topic

    topic = Topic.objects.create(name="Energieeffizienz", description="Weniger Strom pro Werkstück.")
    german_page.topic_links.add(NetworkTopic(topic=topic))
    german_page.save_revision().publish()

    client.force_login(translator)
    source = Translation.objects.get(source__object_id=german_page.translation_key, target_locale=english_page.locale)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.source_id]), {"publish_translations": "on"}
        )
    assert response.status_code == 302

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).content.decode()
    assert "so the site shows it in German: topic “Energieeffizienz”. Translate it under Snippets." in edit
    site = client.get(english_page.url)
    assert site.status_code == 200
    assert "Energieeffizienz" in site.content.decode()

    translate(topic, _with(topic, name="Energy efficiency", description="Less power per workpiece."))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk])).content.decode()
    assert "Energieeffizienz" not in edit
    assert "Energy efficiency" in client.get(english_page.url).content.decode()
