"""Per-group regression tests: what an editorial group may not see, the admin refuses.

Editors and translators are the realistic attackers (nearly every Wagtail advisory needed an
admin login). Each refusal is paired with the group that may, so a test fails if the view
refuses everyone or no one."""

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.images.models import Image
from wagtail.models import Locale, Page

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site", "roles")]


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def as_user(client, django_user_model):
    def login(group_name):
        client.force_login(member_of(django_user_model, group_name, group_name.lower()[:5] + "-test"))
        return client

    return login


@pytest.fixture
def german_page():
    page = Page.objects.get(locale__language_code="de", slug="netzwerk-giesserei").specific
    page.title = "Netzwerk Gießerei (Entwurf)"
    page.save_revision()  # a second revision, so there is something to compare
    return page


@pytest.fixture
def english_page(german_page):
    page = german_page.get_translation(Locale.objects.get(language_code="en")).specific
    page.save_revision()
    return page


def refused(response):
    """Wagtail answers 403, or sends the user to the dashboard with a permission message."""
    return response.status_code == 403 or (response.status_code == 302 and "/login/" not in response["Location"])


def page_urls(page):
    first, last = page.revisions.order_by("pk").values_list("pk", flat=True)[:2]
    return {
        "edit": f"/admin/pages/{page.pk}/edit/",
        "history": f"/admin/pages/{page.pk}/history/",
        "revision": f"/admin/pages/{page.pk}/revisions/{first}/view/",
        "compare": f"/admin/pages/{page.pk}/revisions/compare/{first}...{last}/",
        "copy": f"/admin/pages/{page.pk}/copy/",
        "preview": f"/admin/pages/{page.pk}/edit/preview/",
        "delete": f"/admin/pages/{page.pk}/delete/",
    }


READ_VIEWS = ["edit", "history", "revision", "compare", "preview"]


@pytest.mark.parametrize("view", READ_VIEWS + ["copy", "delete"])
def test_editors_cannot_reach_the_english_tree(as_user, english_page, view):
    assert refused(as_user(EDITORS).get(page_urls(english_page)[view]))


@pytest.mark.parametrize("view", READ_VIEWS + ["copy", "delete"])
def test_translators_cannot_reach_the_german_source(as_user, german_page, view):
    assert refused(as_user(TRANSLATORS).get(page_urls(german_page)[view]))


@pytest.mark.parametrize("view", READ_VIEWS)
def test_editors_do_reach_their_own_tree(as_user, german_page, view):
    assert as_user(EDITORS).get(page_urls(german_page)[view]).status_code == 200


@pytest.mark.parametrize("view", READ_VIEWS)
def test_translators_do_reach_the_english_tree(as_user, english_page, view):
    assert as_user(TRANSLATORS).get(page_urls(english_page)[view]).status_code == 200


def test_translators_cannot_delete_english_pages_either(as_user, english_page):
    assert refused(as_user(TRANSLATORS).get(page_urls(english_page)["delete"]))


def test_only_moderators_may_unpublish_german_pages(as_user, german_page):
    url = f"/admin/pages/{german_page.pk}/unpublish/"
    assert refused(as_user(EDITORS).get(url))
    assert refused(as_user(TRANSLATORS).get(url))
    assert as_user(MODERATORS).get(url).status_code == 200


def test_only_translators_may_copy_for_translation(as_user, german_page):
    url = f"/admin/localize/submit/page/{german_page.pk}/"
    assert refused(as_user(EDITORS).get(url))
    assert refused(as_user(MODERATORS).get(url))


def test_a_group_without_image_permissions_gets_no_image_chooser(client, django_user_model):
    image = Image.objects.first()
    group = Group.objects.create(name="Nur Anmeldung")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("gast", "gast@example.org", "an-unguessable-password")
    user.groups.add(group)
    client.force_login(user)
    for url in ("/admin/images/chooser/", f"/admin/images/chooser/chosen/{image.pk}/", "/admin/api/main/images/"):
        response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
        assert response.status_code == 403, url
        assert image.title not in response.content.decode(), url
    assert refused(client.get(f"/admin/images/chooser/{image.pk}/"))
    assert refused(client.get(f"/admin/images/{image.pk}/"))


def test_translators_may_choose_but_not_change_images(as_user):
    image = Image.objects.first()
    client = as_user(TRANSLATORS)
    assert image.title in client.get("/admin/images/chooser/").json()["html"]
    assert refused(client.get(f"/admin/images/{image.pk}/"))
    assert refused(client.get(f"/admin/images/{image.pk}/delete/"))


@pytest.fixture
def participation_request(complete_site):
    from network.tests.factories import ParticipationRequestFactory

    return ParticipationRequestFactory(
        network=complete_site.german("network"),
        company="Vertraulich GmbH",
        message="Personenbezogene Daten",
        consent_text="Einwilligung",
    )


def request_urls(participation_request):
    pk = participation_request.pk
    return {
        "index": "/admin/participation-requests/",
        "export": "/admin/participation-requests/?export=csv",
        "inspect": f"/admin/participation-requests/inspect/{pk}/",
        "edit": f"/admin/participation-requests/edit/{pk}/",
        "delete": f"/admin/participation-requests/delete/{pk}/",
    }


@pytest.mark.parametrize("group", [EDITORS, TRANSLATORS])
@pytest.mark.parametrize("view", ["index", "export", "inspect", "edit", "delete"])
def test_participation_requests_are_hidden_from_editors_and_translators(as_user, participation_request, group, view):
    response = as_user(group).get(request_urls(participation_request)[view])
    assert refused(response)
    assert b"Vertraulich GmbH" not in response.content


def test_moderators_read_participation_requests_but_cannot_delete_them(as_user, participation_request):
    client = as_user(MODERATORS)
    urls = request_urls(participation_request)
    assert b"Vertraulich GmbH" in client.get(urls["inspect"]).content
    assert client.get(urls["index"]).status_code == 200
    assert refused(client.get(urls["delete"]))
    assert refused(client.post(urls["delete"]))
    participation_request.refresh_from_db()  # still there
