"""Each permission boundary of the editorial roles, tried through the admin views."""

import pytest

from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, WORKFLOW_NAME
from home.models import StandardPage
from localization.translation import translate
from network.models import ContactPerson

from .conftest import empty_inline_formsets

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _was_refused(response):
    """Wagtail's answer to a forbidden admin view: back to the dashboard with an error."""
    return (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
        and any(m.level == messages.ERROR for m in get_messages(response.wsgi_request))
    )


def _snapshot():
    return {
        name: (
            sorted(Group.objects.get(name=name).permissions.values_list("codename", flat=True)),
            sorted(
                GroupPagePermission.objects.filter(group__name=name).values_list(
                    "page__locale__language_code", "permission__codename"
                )
            ),
            sorted(
                GroupCollectionPermission.objects.filter(group__name=name).values_list(
                    "permission__codename", flat=True
                )
            ),
        )
        for name in (EDITORS, MODERATORS, TRANSLATORS)
    }


def test_setup_roles_gives_each_group_its_permissions_per_language_tree():
    roles = _snapshot()
    assert roles[EDITORS][1] == [("de", "add_page"), ("de", "change_page")]
    assert roles[MODERATORS][1] == [("de", "add_page"), ("de", "change_page"), ("de", "publish_page")]
    assert roles[TRANSLATORS][1] == [("de", "view_page"), ("en", "change_page"), ("en", "publish_page")]
    assert "submit_translation" in roles[TRANSLATORS][0]
    assert "submit_translation" not in roles[EDITORS][0]
    assert "add_image" in roles[EDITORS][2] and "add_image" not in roles[TRANSLATORS][2]


def test_running_setup_roles_again_changes_nothing_and_undoes_changes_by_hand():
    before = _snapshot()
    call_command("setup_roles", verbosity=0)
    assert _snapshot() == before

    translators = Group.objects.get(name=TRANSLATORS)
    german_home = Page.objects.live().get(depth=2, locale__language_code="de")
    GroupPagePermission.objects.create(group=translators, page=german_home, permission_type="change")
    Group.objects.get(name=EDITORS).page_permissions.filter(permission__codename="add_page").delete()
    call_command("setup_roles", verbosity=0)
    assert _snapshot() == before


def test_translator_is_refused_when_editing_a_german_page(client, translator, german_page):
    client.force_login(translator)
    assert _was_refused(client.get(_edit_url(german_page)))
    response = client.post(_edit_url(german_page), {"title": "Übersetzt", "slug": german_page.slug})
    assert _was_refused(response)
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei"
    assert german_page.get_latest_revision().content["title"] == "Netzwerk Gießerei"


def test_translator_opens_the_english_page_in_the_translation_editor(client, translator, english_page):
    client.force_login(translator)
    response = client.get(_edit_url(english_page))
    assert response.status_code == 200
    assert b'class="js-translation-editor"' in response.content


def test_translator_cannot_delete_an_english_page(client, translator, english_page):
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:delete", args=[english_page.pk])
    assert _was_refused(client.get(url))
    assert _was_refused(client.post(url))
    assert Page.objects.filter(pk=english_page.pk).exists()


def test_editor_cannot_edit_the_english_tree(client, editor, english_page):
    client.force_login(editor)
    assert _was_refused(client.get(_edit_url(english_page)))


def test_editor_cannot_publish_only_save_a_draft(client, editor, german_page):
    client.force_login(editor)
    response = client.post(
        _edit_url(german_page),
        {
            "title": "Netzwerk Gießerei (Entwurf)",
            "slug": german_page.slug,
            "intro": "Neu",
            "body-count": "0",
            "action-publish": "action-publish",
            **empty_inline_formsets(german_page),
        },
    )
    assert response.status_code == 302
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei"
    assert german_page.has_unpublished_changes
    assert "Netzwerk Gießerei (Entwurf)" not in client.get(german_page.url).content.decode()


def test_moderator_can_publish(client, moderator, german_page):
    client.force_login(moderator)
    response = client.post(
        _edit_url(german_page),
        {
            "title": "Netzwerk Gießerei Bochum",
            "slug": german_page.slug,
            "intro": "Neu",
            "body-count": "0",
            "action-publish": "action-publish",
            **empty_inline_formsets(german_page),
        },
    )
    assert response.status_code == 302
    german_page.refresh_from_db()
    assert german_page.title == "Netzwerk Gießerei Bochum"
    assert "<h1>Netzwerk Gießerei Bochum</h1>" in client.get(german_page.url).content.decode()


@pytest.mark.parametrize(
    "slug",
    [
        "aktuelles",
        "giesser-treffen-sich",
        "fokusbranchen",
        "giessereitechnik",
        "netzwerke",
        "netzwerk-giesserei",
    ],
)
def test_approval_workflow_covers_the_german_news_sector_and_network_trees(slug):
    page = Page.objects.live().get(locale__language_code="de", slug=slug)
    assert page.get_workflow().name == WORKFLOW_NAME
    english = page.get_translations().get()
    assert english.get_workflow() is None


def _snippet_edit_url(snippet):
    return reverse("wagtailsnippets_network_contactperson:edit", args=[snippet.pk])


def test_editor_edits_german_snippets_and_translator_only_english_ones(client, editor, translator):
    german = ContactPerson.objects.filter(locale__language_code="de").first()
    if german is None:
        german = ContactPerson.objects.create(name="Erika Muster", role="Netzwerkmanagerin")
    english = translate(german, _with(german, role="Network manager"))

    client.force_login(editor)
    assert client.get(_snippet_edit_url(german)).status_code == 200
    assert _was_refused(client.get(_snippet_edit_url(english)))

    client.force_login(translator)
    assert _was_refused(client.get(_snippet_edit_url(german)))
    assert client.get(_snippet_edit_url(english)).status_code == 200


def _with(instance, **fields):
    import copy

    other = copy.copy(instance)
    for name, value in fields.items():
        setattr(other, name, value)
    return other


def test_translator_browses_the_german_tree_and_translates_but_cannot_change_it(client, translator):
    german_home = Page.objects.live().get(depth=2, locale__language_code="de")
    new = german_home.add_child(instance=StandardPage(title="Neu auf Deutsch", slug="neu-auf-deutsch"))
    new.save_revision().publish()
    client.force_login(translator)

    listing = client.get(reverse("wagtailadmin_explore", args=[german_home.pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Neu auf Deutsch" in html and "Netzwerke" in html
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[new.pk])
    assert f'href="{translate_url}"' in html
    assert client.get(translate_url).status_code == 200

    for url in (
        _edit_url(new),
        reverse("wagtailadmin_pages:delete", args=[new.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[new.pk]),
        reverse("wagtailadmin_pages:move", args=[new.pk]),
        reverse("wagtailadmin_pages:copy", args=[new.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[german_home.pk]),
    ):
        assert _was_refused(client.get(url)), url
    response = client.post(_edit_url(new), {"title": "Geändert", "slug": new.slug, "action-publish": "publish"})
    assert _was_refused(response)
    assert _was_refused(client.post(reverse("wagtailadmin_pages:delete", args=[new.pk])))
    new.refresh_from_db()
    assert new.title == "Neu auf Deutsch" and new.live


def test_editor_does_not_browse_the_english_tree(client, editor):
    english_home = Page.objects.live().get(depth=2, locale__language_code="en")
    german_home = Page.objects.live().get(depth=2, locale__language_code="de")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_explore", args=[english_home.pk]))
    # Wagtail sends whoever may not browse a page to the part of the tree they may.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[german_home.pk])


def test_wagtails_default_groups_lose_their_rights_on_both_trees(client, django_user_model, english_page):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()

    # Groups as Wagtail's migrations create them: rights on the root page, i.e. on both trees.
    root = Page.get_first_root_node()
    for name in ("Editors", "Moderators"):
        group = Group.objects.create(name=name)
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        for permission_type in ("add", "change", "publish"):
            GroupPagePermission.objects.create(group=group, page=root, permission_type=permission_type)
    member = django_user_model.objects.create_user("altlast", "altlast@example.org", "an-unguessable-password")
    member.groups.add(Group.objects.get(name="Editors"))

    call_command("setup_roles", verbosity=0)
    assert not Group.objects.filter(name="Moderators").exists()
    editors = Group.objects.get(name="Editors")  # kept for its member, without any right
    assert not editors.permissions.exists() and not editors.page_permissions.exists()
    client.force_login(member)
    response = client.get(_edit_url(english_page))
    assert response.status_code == 302 and "/login/" in response["Location"]

    call_command("setup_roles", verbosity=0)
    assert Group.objects.get(name="Editors") == editors
