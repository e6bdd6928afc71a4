"""Editors work on German snippets, translators on English ones – on every path into a snippet:
Wagtail's snippet views and wagtail-localize's editor, string API, PO upload, sync and
copy-for-translation (which on their own check only the model permissions)."""

from urllib.parse import urlencode

import polib
import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, StringSegment, StringTranslation, Translation

from localization.translation import translate
from network.models import Company, Topic

from .test_roles import _was_refused, _with

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


@pytest.fixture
def german_topic():
    return Topic.objects.create(name="Energieeffizienz", description="Weniger Strom pro Werkstück.")


@pytest.fixture
def english_topic(german_topic):
    return translate(german_topic, _with(german_topic, name="Energy efficiency", description="Less power."))


def _translation(snippet):
    english = Locale.objects.get(language_code="en")
    return Translation.objects.get(source__object_id=snippet.translation_key, target_locale=english)


def _with_permission(user, codename):
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return type(user).objects.get(pk=user.pk)  # without the cached permissions


def _topic_url(view, topic):
    return reverse(f"wagtailsnippets_network_topic:{view}", args=[topic.pk])


def _refused_by_api(response):
    return response.status_code == 403


def _put(client, url, value):
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def test_edit_view_and_publishing_of_an_english_snippet(client, editor, translator, german_topic, english_topic):
    url = _topic_url("edit", english_topic)
    client.force_login(editor)
    assert _was_refused(client.get(url))
    assert _was_refused(client.post(url, {"action": "publish"}))
    client.force_login(translator)
    assert b'class="js-translation-editor"' in client.get(url).content
    assert client.post(url, {"action": "publish"}).status_code == 302


def test_string_api_of_the_translation_editor(client, editor, translator, german_topic, english_topic):
    translation = _translation(german_topic)
    segment = StringSegment.objects.get(source=translation.source, string__data="Energieeffizienz")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])

    client.force_login(editor)
    assert _refused_by_api(_put(client, url, "Hacked"))
    assert _refused_by_api(client.delete(url))
    assert StringTranslation.objects.get(translation_of=segment.string, locale=translation.target_locale).data == (
        "Energy efficiency"
    )

    client.force_login(translator)
    assert _put(client, url, "Energy saving").status_code == 200
    assert StringTranslation.objects.get(translation_of=segment.string, locale=translation.target_locale).data == (
        "Energy saving"
    )


def test_override_api_of_the_translation_editor(client, editor, translator):
    company = Company.objects.get(locale__language_code="de", name="Hordeler Gusswerk GmbH")
    translation = _translation(company)
    segment = OverridableSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])

    client.force_login(editor)
    assert _refused_by_api(_put(client, url, "https://example.org/hacked"))
    client.force_login(translator)
    assert _put(client, url, "https://hordel.example.org/en/").status_code in (200, 201)


def test_po_file_download_and_upload(client, editor, translator, german_topic, english_topic):
    translation = _translation(german_topic)
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])

    client.force_login(translator)
    response = client.get(download)
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = "Hacked" if entry.msgid == "Energieeffizienz" else entry.msgstr

    def post_po(client):
        file = SimpleUploadedFile("topic.po", str(po).encode(), content_type="text/x-gettext-translation")
        return client.post(upload, {"file": file, "next": _topic_url("edit", english_topic)})

    client.force_login(editor)
    assert _was_refused(client.get(download))
    assert _was_refused(post_po(client))
    assert not StringTranslation.objects.filter(locale=translation.target_locale, data="Hacked").exists()

    client.force_login(translator)
    assert post_po(client).status_code == 302
    assert StringTranslation.objects.filter(locale=translation.target_locale, data="Hacked").exists()


def test_stopping_the_translation(client, editor, translator, german_topic, english_topic):
    translation = _translation(german_topic)
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    client.force_login(editor)
    assert _was_refused(client.post(url))
    translation.refresh_from_db()
    assert translation.enabled
    client.force_login(translator)
    assert client.post(url).status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled


def test_sync_of_a_snippet(client, editor, translator, german_topic, english_topic):
    url = reverse("wagtail_localize:update_translations", args=[_translation(german_topic).source_id])
    # Even with wagtail-localize's own permission, only who may edit English syncs into it.
    editor = _with_permission(editor, "submit_translation")
    client.force_login(editor)
    assert _was_refused(client.get(url))
    assert _was_refused(client.post(url, {}))
    client.force_login(translator)
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 302


def test_copy_for_translation(client, editor, translator, german_topic):
    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["network", "topic", german_topic.pk])
    client.force_login(editor)
    assert _was_refused(client.post(url, {"locales": [english.pk]}))
    client.force_login(_with_permission(editor, "submit_translation"))
    assert _was_refused(client.post(url, {"locales": [english.pk]}))
    assert german_topic.get_translation_or_none(english) is None

    client.force_login(translator)
    assert client.post(url, {"locales": [english.pk]}).status_code == 302
    assert german_topic.get_translation_or_none(english) is not None


def test_delete_and_bulk_delete_follow_the_language(client, editor, translator, german_topic, english_topic):
    # Neither role may delete snippets; with the model permission, each may still delete only
    # in their own language.
    editor = _with_permission(editor, "delete_topic")
    translator = _with_permission(translator, "delete_topic")
    bulk = reverse("wagtail_bulk_action", args=["network", "topic", "delete"])

    client.force_login(editor)
    assert _was_refused(client.get(_topic_url("delete", english_topic)))
    assert _was_refused(client.post(_topic_url("delete", english_topic)))
    client.post(f"{bulk}?id={english_topic.pk}")
    assert Topic.objects.filter(pk=english_topic.pk).exists()
    assert client.get(_topic_url("delete", german_topic)).status_code == 200

    client.force_login(translator)
    assert _was_refused(client.get(_topic_url("delete", german_topic)))
    client.post(f"{bulk}?id={german_topic.pk}")
    assert Topic.objects.filter(pk=german_topic.pk).exists()
    assert client.post(_topic_url("delete", english_topic)).status_code == 302
    assert not Topic.objects.filter(pk=english_topic.pk).exists()


def test_copy_view_copies_only_snippets_of_ones_own_language(client, editor, german_topic, english_topic):
    client.force_login(editor)
    assert _was_refused(client.get(_topic_url("copy", english_topic)))
    assert client.get(_topic_url("copy", german_topic)).status_code == 200


def test_convert_english_page_to_alias(client, editor, translator, english_page):
    url = reverse("wagtail_localize:convert_to_alias", args=[english_page.pk])
    client.force_login(editor)
    assert _was_refused(client.get(url))
    assert _was_refused(client.post(url))
    assert Page.objects.get(pk=english_page.pk).alias_of_id is None
    client.force_login(translator)
    assert client.get(url).status_code == 200
