"""A translated snippet stays in step with its German original, as pages do."""

import html
import json
import re

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation

from network.models import Company, Competence

from .test_translation_flow import _translate_strings, _untranslated

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

NEW_GERMAN = "Getriebe, Antriebswellen und Kupplungen für Nutzfahrzeuge, auch als Sonderanfertigung."
NEW_ENGLISH = "Gearboxes, drive shafts and clutches for commercial vehicles, also made to order."


@pytest.fixture
def german_company(site):
    return Company.objects.get(pk=site.snippets["company"].pk)


@pytest.fixture
def english_company(german_company):
    return german_company.get_translation(Locale.objects.get(language_code="en"))


def _edit_url(company):
    return reverse("wagtailsnippets_network_company:edit", args=[company.pk])


def _edit_german_description(client, company, description):
    data = {
        "name": company.name,
        "description": description,
        "sectors": [str(pk) for pk in company.sectors.values_list("pk", flat=True)],
        "competences": [str(pk) for pk in company.competences.values_list("pk", flat=True)],
        "city": company.city,
        "website": company.website,
        "logo": company.logo_id or "",
    }
    response = client.post(_edit_url(company), {**data, "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]


def _approve(client, company):
    """A moderator approves the change in the company workflow: only then is it live."""
    task_state = company.current_workflow_task_state
    url = reverse("wagtailsnippets_network_company:workflow_action", args=[company.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code in (200, 302)


def _editor_props(client, snippet, url=None):
    response = client.get(url or _edit_url(snippet))
    assert response.status_code == 200
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


def _dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_changed_german_company_flags_its_english_version_until_synced_and_translated(
    client, editor, moderator, translator, german_company, english_company
):
    client.force_login(translator)
    assert "has changed since" not in client.get(_edit_url(english_company)).content.decode()
    assert "Hordeler Gusswerk GmbH (company)" not in _dashboard(client)

    client.force_login(editor)
    _edit_german_description(client, german_company, NEW_GERMAN)
    # A change waiting for approval is nothing to translate yet.
    client.force_login(translator)
    assert "has changed since" not in client.get(_edit_url(english_company)).content.decode()
    client.force_login(moderator)
    _approve(client, german_company)

    # The translator is told on the English company and on the dashboard.
    client.force_login(translator)
    edit = client.get(_edit_url(english_company)).content.decode()
    assert "The German original has changed since this translation was last synced." in edit
    source = Translation.objects.get(
        source__object_id=german_company.translation_key, target_locale=english_company.locale
    ).source
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert f'href="{sync}?next=' in edit
    assert "Hordeler Gusswerk GmbH (company)" in _dashboard(client)

    # Syncing brings in only the changed description; the name keeps its translation.
    response = client.post(sync, {})
    assert response.status_code == 302
    assert "has changed since" not in client.get(_edit_url(english_company)).content.decode()
    assert "Hordeler Gusswerk GmbH (company)" not in _dashboard(client)
    props = _editor_props(client, english_company)
    assert [s["source"] for s in _untranslated(props)] == [NEW_GERMAN]

    _translate_strings(client, _untranslated(props), {NEW_GERMAN: NEW_ENGLISH})
    response = client.post(_edit_url(english_company), {"action": "publish"})
    assert response.status_code == 302

    english_directory = client.get("/en/companies/").content.decode()
    assert NEW_ENGLISH in english_directory and NEW_GERMAN not in english_directory
    german_directory = client.get("/de/unternehmen/").content.decode()
    assert NEW_GERMAN in german_directory
    assert "has changed since" not in client.get(_edit_url(english_company)).content.decode()


def test_a_changed_german_competence_reaches_the_english_directory_once_synced_and_translated(
    client, site, editor, translator
):
    casting = Competence.objects.get(pk=site.snippets["competence"].pk)
    english = casting.get_translation(Locale.objects.get(language_code="en"))
    english_slug = english.slug
    url = reverse("wagtailsnippets_network_competence:edit", args=[casting.pk])
    english_url = reverse("wagtailsnippets_network_competence:edit", args=[english.pk])

    client.force_login(editor)
    data = {"name": casting.name, "group": casting.group, "slug": casting.slug, "synonyms": "Schwerkraftkokillenguss"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    client.force_login(translator)
    edit = client.get(english_url).content.decode()
    assert "The German original has changed since this translation was last synced." in edit
    source = Translation.objects.get(source__object_id=casting.translation_key, target_locale=english.locale).source
    assert client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {}).status_code == 302
    props = _editor_props(client, english, english_url)
    assert [s["source"] for s in _untranslated(props)] == ["Schwerkraftkokillenguss"]
    _translate_strings(client, _untranslated(props), {"Schwerkraftkokillenguss": "gravity die casting"})
    assert client.post(english_url, {"action": "publish"}).status_code == 302

    english.refresh_from_db()
    assert (english.name, english.synonyms, english.slug) == ("Die casting", "gravity die casting", english_slug)
    found = client.get("/en/companies/", {"q": "gravity die"}).content.decode()
    assert ">Hordeler Gusswerk GmbH</a></h2>" in found
    assert "Schwerkraft" not in found
