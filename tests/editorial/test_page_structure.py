"""Translators never delete, move or reorder pages, on whatever path they try: the page views, the
bulk actions, Wagtail's admin API and wagtail-localize's editor all ask the same page permission
tester (editorial.permissions.RolePagePermissionTester)."""

import html
import json

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page

from editorial.roles import MODERATORS, TRANSLATORS, setup_roles
from home.tests.factories import StandardPageFactory, translate_into_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_tree):
    """German home with two general pages, each with its English translation; the roles set up."""
    german = [StandardPageFactory(parent=site_tree.german_home, title=title) for title in ("Über uns", "Kontakt")]
    english = [
        translate_into_english(page, title=title, slug=slug, intro="Who we are.", body=page.body.raw_data)
        for page, title, slug in zip(german, ("About us", "Contact"), ("about-us", "contact"), strict=True)
    ]
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
def moderator(django_user_model, tree):
    return _member(django_user_model, "moritz", MODERATORS)


def _refused(response):
    """Wagtail's answer to a forbidden admin view: back to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def _children(page):
    return list(Page.objects.get(pk=page.pk).get_children().values_list("pk", flat=True))


def _api(client, page, action, data=None):
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/", json.dumps(data or {}), content_type="application/json"
    )


def test_translator_may_edit_and_publish_english_pages_but_not_delete_move_or_reorder_them(tree, translator):
    _, _, english = tree
    permissions = english[0].permissions_for_user(translator)
    assert permissions.can_edit() and permissions.can_publish()
    assert not permissions.can_delete()
    assert not permissions.can_move()
    assert not permissions.can_move_to(english[1])
    assert not tree[0].english_home.permissions_for_user(translator).can_reorder_children()


def test_translator_cannot_delete_an_english_page_through_the_admin_api(client, tree, translator):
    _, _, english = tree
    client.force_login(translator)
    response = _api(client, english[0], "delete")
    assert response.status_code == 403
    assert Page.objects.get(pk=english[0].pk).live


def test_translator_cannot_move_or_copy_an_english_page_through_the_admin_api(client, tree, translator):
    site, _, english = tree
    client.force_login(translator)
    below_sibling = _api(client, english[0], "move", {"destination_page_id": english[1].pk})
    before_sibling = _api(client, english[1], "move", {"destination_page_id": english[0].pk, "position": "left"})
    copy = _api(client, english[0], "copy", {"destination_page_id": site.english_home.pk, "new_title": "Copy"})
    assert (below_sibling.status_code, before_sibling.status_code, copy.status_code) == (403, 403, 403)
    assert _children(site.english_home) == [page.pk for page in english]


def test_translator_cannot_delete_or_move_through_the_page_views_and_bulk_actions(client, tree, translator):
    site, _, english = tree
    client.force_login(translator)
    for url in (
        reverse("wagtailadmin_pages:delete", args=[english[0].pk]),
        reverse("wagtailadmin_pages:move", args=[english[0].pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[english[0].pk, english[1].pk]),
    ):
        assert _refused(client.post(url)), url
    assert _refused(client.post(reverse("wagtailadmin_pages:set_page_position", args=[english[1].pk]) + "?position=0"))
    bulk = "/admin/bulk/wagtailcore/page/{}/?next=/admin/&id=" + str(english[0].pk)
    client.post(bulk.format("delete"))
    client.post(bulk.format("move"), {"chooser": site.english_home.pk})
    assert _children(site.english_home) == [page.pk for page in english]
    assert Page.objects.filter(pk=english[0].pk, live=True).exists()


def test_translation_editor_offers_translators_no_delete_button(client, tree, translator):
    _, _, english = tree
    client.force_login(translator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english[0].pk]))
    props = json.loads(html.unescape(response.content.decode().split('data-props="', 1)[1].split('"', 1)[0]))
    assert props["perms"]["canPublish"] is True
    assert props["perms"]["canDelete"] is False


def test_moderator_still_deletes_a_german_page_through_the_admin_api(client, tree, moderator):
    _, german, _ = tree
    client.force_login(moderator)
    assert _api(client, german[1], "delete").status_code == 204
    assert not Page.objects.filter(pk=german[1].pk).exists()
