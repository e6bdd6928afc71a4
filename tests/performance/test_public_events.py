"""The public events (pagecache.events): what makes cached pages stale and purges the front cache,
and what does not (draft saves, bookkeeping, what visitors write)."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Comment, PageLogEntry, ReferenceIndex
from wagtail.snippets.models import get_snippet_models

from accessibility.models import BarrierReport
from home.tests.factories import ContactSettingsFactory, StandardPageFactory, site_tree
from network.tests.factories import CompanyFactory
from pagecache import events
from pagecache.models import CacheGeneration

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return site_tree()


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("purge-editor", "purge-editor@example.org", "x" * 12)


@pytest.fixture
def token():
    """The page cache's token as it is now; call it again to see whether an event replaced it."""
    CacheGeneration.objects.get_or_create(pk=1, defaults={"token": "start"})

    def read():
        return CacheGeneration.objects.get(pk=1).token

    return read


def changes_token(token, action):
    before = token()
    action()
    return token() != before


def test_a_draft_save_and_an_autosave_leave_the_cache_alone(tree, editor, token):
    page = StandardPageFactory(parent=tree.german_home)
    page.title = "Entwurf"
    assert not changes_token(token, lambda: page.save_revision(user=editor))
    assert not changes_token(token, lambda: page.save_revision(user=editor, log_action=True))


def test_publishing_unpublishing_moving_and_deleting_a_page_are_public(tree, editor, token):
    page = StandardPageFactory(parent=tree.german_home)
    other = StandardPageFactory(parent=tree.german_home)
    page.title = "Neu"
    assert changes_token(token, lambda: page.save_revision(user=editor).publish(user=editor))
    assert changes_token(token, lambda: MovePageAction(page, other, pos="last-child", user=editor).execute())
    assert changes_token(token, lambda: UnpublishPageAction(page, user=editor).execute())
    assert changes_token(token, lambda: DeletePageAction(page, user=editor).execute())


def test_a_live_page_saved_with_its_content_is_public_a_draft_page_is_not(tree, token):
    live = StandardPageFactory(parent=tree.german_home)
    draft = StandardPageFactory(parent=tree.german_home, live=False)
    live.title = draft.title = "Im Code geändert"
    assert changes_token(token, live.save)
    assert not changes_token(token, draft.save)


def test_a_row_of_a_live_page_is_public_a_row_of_a_draft_page_is_not(tree):
    from django.db.models.signals import post_save

    from network.models import NetworkMember

    live = StandardPageFactory(parent=tree.german_home)
    draft = StandardPageFactory(parent=tree.german_home, live=False)
    assert events.is_public(NetworkMember, post_save, NetworkMember(page_id=live.pk))
    assert not events.is_public(NetworkMember, post_save, NetworkMember(page_id=draft.pk))


def test_snippets_settings_images_collections_and_redirects_are_public(tree, token):
    company = CompanyFactory()
    company.name = "Umbenannt GmbH"
    assert changes_token(token, company.save)
    assert changes_token(token, lambda: ContactSettingsFactory(phone="0234 111111"))
    assert changes_token(token, lambda: Collection.get_first_root_node().add_child(name="Pressefotos"))
    assert changes_token(token, lambda: Redirect.objects.create(old_path="/alt", redirect_page=tree.german_home))

    from wagtail.images import get_image_model

    assert changes_token(token, lambda: get_image_model().objects.create(title="Foto", file=get_test_image_file()))


def test_every_snippet_but_those_visitors_write_is_public_without_being_listed():
    from django.db.models.signals import post_save

    for model in get_snippet_models():
        expected = model._meta.label_lower not in events.WRITTEN_BY_VISITORS
        assert events.is_public(model, post_save, model(), update_fields=None) is expected, model


def test_bookkeeping_and_what_visitors_write_purge_nothing(tree, editor, token):
    page = StandardPageFactory(parent=tree.german_home)
    revision = page.save_revision(user=editor)

    def bookkeeping():
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=editor)
        Comment.objects.create(page=page, user=editor, text="Bitte prüfen", contentpath="title")
        ReferenceIndex.create_or_update_for_object(page)
        revision.save()

    assert not changes_token(token, bookkeeping)

    def visitors():
        BarrierReport.objects.create(
            page=None,
            locale=page.locale,
            description="Der Kontrast ist zu schwach.",
            consent_text="Ja.",
            consented_at=timezone.now(),
        )
        SessionStore().create()
        get_user_model().objects.create_user("besucher", "besucher@example.org", "x" * 12)

    assert not changes_token(token, visitors)


@pytest.mark.parametrize(
    "label",
    [
        "wagtailcore.revision",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailcore.modellogentry",
        "wagtailadmin.editingsession",
        "wagtailsearch.indexentry",
        "wagtail_localize.stringtranslation",
        "wagtail_localize.translationsource",
        "wagtailforms.formsubmission",
        "network.participationrequest",
        "network.participationrecipient",
        "registration.registration",
        "registration.seatcounter",
        "django_tasks_database.dbtaskresult",
        "wagtailimages.rendition",
    ],
)
def test_models_no_page_shows_are_not_public_when_saved(label):
    from django.apps import apps
    from django.db.models.signals import post_save

    model = apps.get_model(label)
    assert not events.is_public(model, post_save, model(), update_fields=None)


def test_a_purge_is_asked_for_once_per_transaction(tree, editor, settings, django_capture_on_commit_callbacks):
    from pagecache import tasks

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pagecache.frontend.VarnishBackend", "LOCATION": "http://x"}
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = tasks.purge_caches.get_backend()

    def purges():
        return [result for result in backend.results if result.task.name == "purge_caches"]

    page = StandardPageFactory(parent=tree.german_home)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor)
    assert purges() == []
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Veröffentlicht"
        page.save_revision(user=editor).publish(user=editor)
        CompanyFactory()
    assert len(purges()) == 1
