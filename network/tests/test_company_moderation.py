"""Company changes are moderated like pages: a change is a draft revision in the workflow "Company
profile review" until a moderator approves it; the public site shows only live companies, each as
it was last approved; after approval the English version is out of date for its translators."""

import html
import json
import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, setup_roles
from editorial.workflow_names import COMPANY_WORKFLOW_NAME
from home.tests.factories import translate_into_english
from localization.translation import snippet_translations_out_of_date
from network.models import Company

from .factories import CompanyDirectoryPageFactory, CompanyFactory

pytestmark = pytest.mark.django_db

OLD = "Lasergeschnittene Bleche für den Maschinenbau."
NEW = "Lasergeschnittene und gekantete Bleche für Maschinenbau und Fahrzeugbau."


@pytest.fixture
def site(site_tree, own_site_only):
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    german = CompanyDirectoryPageFactory(parent=site_tree.german_home)
    translate_into_english(german, title="Companies", slug="companies", intro="Companies in Bochum.")
    company = CompanyFactory(name="Gerther Blechtechnik GmbH", description=OLD, website="https://blech.example.org/")
    english = translate_into_english(
        company, name="Gerther Blechtechnik GmbH", description="Laser-cut sheet metal.", city="Bochum"
    )
    setup_roles()
    return company, english


def _member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin in English: its wording is the catalogues' msgids
    profile.save()
    return user


def _edit_form(company, **changes):
    data = {
        "name": company.name,
        "slug": company.slug,
        "description": company.description,
        "city": company.city,
        "website": company.website,
        "certifications": company.certifications,
    }
    data.update(changes)
    return data


def test_companies_are_live_unless_created_as_a_draft(site):
    company, english = site
    assert company.live and not company.has_unpublished_changes
    assert english.live


def test_a_company_that_is_not_live_is_nowhere_on_the_public_site(client, site):
    draft = CompanyFactory(name="Entwurf Stahl GmbH", description="Noch nicht freigegeben.", live=False)
    assert "Entwurf Stahl GmbH" not in client.get("/de/unternehmen/").content.decode()
    assert client.get(f"/de/unternehmen/{draft.slug}/").status_code == 404
    assert draft.slug not in client.get("/sitemap-companies.xml").content.decode()
    assert client.get(f"/api/v1/de/companies/{draft.slug}").status_code == 404
    assert draft.slug not in client.get("/api/v1/de/companies").content.decode()
    assert "Gerther Blechtechnik GmbH" in client.get("/de/unternehmen/").content.decode()


def test_an_editors_change_waits_for_approval_then_is_public_and_flags_the_english_version(
    client, site, django_user_model
):
    company, english = site
    editor = _member(django_user_model, "erika", EDITORS)
    moderator = _member(django_user_model, "moritz", MODERATORS)
    translator = _member(django_user_model, "tanja", TRANSLATORS)

    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_network_company:edit", args=[company.pk])
    response = client.post(edit_url, {**_edit_form(company, description=NEW), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]

    company.refresh_from_db()
    assert company.description == OLD and company.live and company.has_unpublished_changes
    state = WorkflowState.objects.for_instance(company).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == COMPANY_WORKFLOW_NAME
    client.logout()
    assert OLD in client.get(f"/de/unternehmen/{company.slug}/").content.decode()
    assert NEW not in client.get(f"/de/unternehmen/{company.slug}/").content.decode()
    assert company.translation_key not in [t.source.object_id for t in snippet_translations_out_of_date()]

    client.force_login(moderator)
    approve = reverse(
        "wagtailsnippets_network_company:workflow_action",
        args=[company.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    company.refresh_from_db()
    assert company.description == NEW and not company.has_unpublished_changes
    client.logout()
    assert NEW in client.get(f"/de/unternehmen/{company.slug}/").content.decode()

    # The translator sees the English company out of date, and after syncing the changed text
    # waits untranslated in the translation editor.
    [translation] = [
        translation
        for translation in snippet_translations_out_of_date(target_locale=english.locale)
        if translation.source.object_id == company.translation_key
    ]
    assert translation.source.object_id == company.translation_key
    client.force_login(translator)
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert sync in client.get(reverse("wagtailadmin_home")).content.decode()
    english_edit = reverse("wagtailsnippets_network_company:edit", args=[english.pk])
    assert "has changed since this translation was last synced" in client.get(english_edit).content.decode()
    source = TranslationSource.objects.get(object_id=company.translation_key, locale=company.locale)
    assert client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {}).status_code == 302
    assert company.translation_key not in [t.source.object_id for t in snippet_translations_out_of_date()]
    page = client.get(english_edit).content.decode()
    props = json.loads(html.unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', page)[1]))
    done = {string["segment_id"] for string in props["initialStringTranslations"]}
    untranslated = [s["source"] for s in props["segments"] if s["type"] == "string" and s["id"] not in done]
    assert untranslated == [NEW]
    assert Translation.objects.get(source=source, target_locale=Locale.objects.get(language_code="en")).enabled


def test_editors_cannot_publish_companies_moderators_and_translators_can(site, django_user_model):
    editor = _member(django_user_model, "erika", EDITORS)
    moderator = _member(django_user_model, "moritz", MODERATORS)
    translator = _member(django_user_model, "tanja", TRANSLATORS)
    assert not editor.has_perm("network.publish_company")
    assert moderator.has_perm("network.publish_company")
    assert translator.has_perm("network.publish_company")
    assert Company().get_workflow().name == COMPANY_WORKFLOW_NAME
