"""Translations follow the German page's approval: a translation is made and synced only from a
live German page, an English page goes live only while its German page is live – on every path –
and goes offline with it (localization.approval)."""

import datetime
import json

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, get_page_models
from wagtail_localize.models import TranslationSource

from core.models import BasePage
from editorial.roles import EDITORS, TRANSLATORS, setup_roles
from home.tests.factories import StandardPageFactory, paragraphs, translate_into_english
from localization.translation import english_locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    """A live German page with its live English translation; the roles set up."""
    german = StandardPageFactory(parent=site_tree.german_home, title="Über uns", body=paragraphs("Wer wir sind."))
    german.save_revision().publish()
    english = translate_into_english(
        german, title="About us", slug="about-us", intro="Who we are and what we do.", body=paragraphs("Who we are.")
    )
    setup_roles()
    return site_tree, german, english


def _member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def translator(django_user_model, tree):
    return _member(django_user_model, "tanja", TRANSLATORS)


@pytest.fixture
def editor(django_user_model, tree):
    return _member(django_user_model, "erika", EDITORS)


def _refused(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def _live(page):
    return Page.objects.get(pk=page.pk).live


def _submitted_for_approval(editor, parent, title):
    """A new German page an editor wrote and submitted to the approval workflow: not live."""
    page = StandardPageFactory(parent=parent, title=title, live=False, body=paragraphs("Nicht freigegeben."))
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return Page.objects.get(pk=page.pk).specific


def _unpublished(german):
    german.unpublish()
    return Page.objects.get(pk=german.pk).specific


def _scheduled(german):
    """Unpublished, then approved again for a go-live date tomorrow: not live yet."""
    german = _unpublished(german)
    german.go_live_at = timezone.now() + datetime.timedelta(days=1)
    german.save_revision().publish()
    return Page.objects.get(pk=german.pk).specific


def test_translator_cannot_translate_a_german_page_in_moderation(client, tree, editor, translator):
    site, _, _ = tree
    draft = _submitted_for_approval(editor, site.german_home, "Entwurf in Freigabe")
    assert draft.workflow_in_progress and not draft.live
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[draft.pk])
    assert _refused(client.get(url))
    assert _refused(client.post(url, {"locales": [english_locale().pk]}))
    assert not Page.objects.filter(translation_key=draft.translation_key, locale=english_locale()).exists()


def test_translating_a_subtree_stops_at_pages_that_are_not_live(client, tree, editor, translator):
    site, german, _ = tree
    parent = StandardPageFactory(parent=site.german_home, title="Themen")
    parent.save_revision().publish()
    _submitted_for_approval(editor, parent, "Entwurf darunter")
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[parent.pk])
    assert _refused(client.post(url, {"locales": [english_locale().pk], "include_subtree": "on"}))
    assert not Page.objects.filter(locale=english_locale(), title__in=["Themen", "Entwurf darunter"]).exists()


@pytest.mark.parametrize("state", ["unpublished", "scheduled"])
def test_translation_is_not_synced_or_published_while_the_german_page_is_not_live(client, tree, translator, state):
    _, german, english = tree
    german = {"unpublished": _unpublished, "scheduled": _scheduled}[state](german)
    assert not german.live and not _live(english)
    source = TranslationSource.objects.get(object_id=german.translation_key, locale=german.locale)
    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert _refused(client.post(url, {"publish_translations": "on"}))
    assert not _live(english)


def test_sync_takes_the_live_german_content_not_a_draft(client, tree, editor, translator):
    _, german, english = tree
    draft = Page.objects.get(pk=german.pk).specific
    draft.title = "Unfreigegebener Titel"
    draft.save_revision(user=editor)
    source = TranslationSource.objects.get(object_id=german.translation_key, locale=german.locale)
    client.force_login(translator)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.post(url, {"publish_translations": "on"})
    assert not _refused(response)
    source.refresh_from_db()
    assert json.loads(source.content_json)["title"] == "Über uns"
    assert _live(english)


@pytest.mark.parametrize("state", ["in moderation", "unpublished", "scheduled"])
def test_english_page_is_not_published_on_any_path_while_the_german_page_is_not_live(
    client, tree, editor, translator, state
):
    _, german, english = tree
    if state == "in moderation":
        german = _unpublished(german)
        german.save_revision(user=editor)
        german.get_workflow().start(german, editor)
    else:
        german = {"unpublished": _unpublished, "scheduled": _scheduled}[state](german)
    assert not german.live and not _live(english)
    english = Page.objects.get(pk=english.pk).specific
    assert not english.permissions_for_user(translator).can_publish()

    client.force_login(translator)
    api = client.post(
        f"/admin/api/main/pages/{english.pk}/action/publish/", json.dumps({}), content_type="application/json"
    )
    assert api.status_code == 403
    client.post(f"/admin/bulk/wagtailcore/page/publish/?next=/admin/&id={english.pk}")
    editor_publish = client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert editor_publish.status_code in (302, 403)
    assert not _live(english)


def test_english_page_that_goes_live_any_other_way_is_taken_offline_at_once(tree):
    _, german, english = tree
    _unpublished(german)
    english = Page.objects.get(pk=english.pk).specific
    english.save_revision().publish()  # as publish_scheduled or a script would, asking nobody
    assert not _live(english)
    assert PageLogEntry.objects.filter(page=english, action="wagtail.unpublish").exists()


def test_unpublishing_the_german_page_takes_the_english_one_offline_and_cancels_its_schedule(tree):
    _, german, english = tree
    english = Page.objects.get(pk=english.pk).specific
    english.go_live_at = timezone.now() + datetime.timedelta(days=3)
    english.save_revision().publish()  # a new English version scheduled, the old one still live
    assert _live(english) and english.revisions.filter(approved_go_live_at__isnull=False).exists()
    german.unpublish()
    assert not _live(english)
    assert not english.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_english_page_becomes_an_alias_only_of_live_approved_german_content(client, tree, editor, translator):
    _, german, english = tree
    draft = Page.objects.get(pk=german.pk).specific
    draft.title = "Unfreigegebener Titel"
    draft.save_revision(user=editor)
    client.force_login(translator)
    assert _refused(client.post(reverse("wagtail_localize:convert_to_alias", args=[english.pk])))
    english = Page.objects.get(pk=english.pk)
    assert english.alias_of_id is None and english.title == "About us"


def test_translator_publishes_the_english_page_while_the_german_page_is_live(client, tree, translator):
    _, _, english = tree
    client.force_login(translator)
    response = client.post(
        f"/admin/api/main/pages/{english.pk}/action/publish/", json.dumps({}), content_type="application/json"
    )
    assert response.status_code == 200
    assert _live(english)


def test_every_page_type_asks_the_sites_permission_tester():
    ours = [model for model in get_page_models() if model is not Page]
    assert ours and all(issubclass(model, BasePage) for model in ours), ours
