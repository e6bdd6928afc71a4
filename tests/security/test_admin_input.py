"""Input a person can type into the admin gets an answer, never a 500 (issue 20): searches in
the snippet listings, a `"` in any search, malformed ids of bulk actions, a huge filter id, a
NUL character, and wagtail-localize's PO upload without a file or without its header. Each
case failed before its fix; tests/security/test_admin_hostile.py sends random input of the
same kinds to every listing."""

import polib
import pytest

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from network.models import Company

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site", "roles")]


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root-20", "root-20@example.org", "not-guessable-1"))
    return client


def listed(response, name):
    return f">{name}<" in response.content.decode() or f"{name}</a>" in response.content.decode()


@pytest.mark.parametrize("query", ["Hordeler", "hord", "Gusswerk"])
def test_company_listing_search_finds_the_company(admin_client, query):
    response = admin_client.get("/admin/snippets/network/company/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hordeler Gusswerk GmbH" in html
    assert "Dahlhauser Modellbau GmbH" not in html


def test_news_tag_listing_search_finds_the_tag(admin_client):
    response = admin_client.get("/admin/snippets/news/newstag/", {"q": "Gusst"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gusstechnik" in html and "Weiterbildung" not in html


QUOTED_SEARCHES = [
    ("/admin/api/main/pages/", "search"),
    ("/admin/api/main/images/", "search"),
    ("/admin/api/main/documents/", "search"),
    ("/admin/pages/search/", "q"),
    ("/admin/images/", "q"),
    ("/admin/images/results/", "q"),
    ("/admin/documents/", "q"),
    ("/admin/choose-page/search/", "q"),
    ("/admin/images/chooser/results/", "q"),
    ("/admin/documents/chooser/results/", "q"),
    ("/admin/snippets/choose/network/company/results/", "q"),
    ("/admin/snippets/choose/news/newstag/results/", "q"),
    ("/admin/snippets/network/company/", "q"),
    ("/admin/snippets/news/newstag/", "q"),
    ("/admin/users/", "q"),
]


@pytest.mark.parametrize(("url", "parameter"), QUOTED_SEARCHES)
@pytest.mark.parametrize("query", ['"', 'a"b', '"Netzwerk Gießerei"', '"a"b"', "'\\", "*", "(", "AND", "NEAR("])
def test_quotes_and_operators_in_admin_searches_are_plain_text(admin_client, url, parameter, query):
    assert admin_client.get(url, {parameter: query}).status_code == 200


@pytest.mark.parametrize("query", ["Hordel", 'Hordel"', '"Hordel'])
def test_a_search_restricted_to_fields_with_quotes_finds_by_prefix(complete_site, query):
    from wagtail.search.backends import get_search_backend

    german = Company.objects.filter(locale=Locale.objects.get(language_code="de"))
    found = get_search_backend().autocomplete(query, german, fields=["name"])
    own = {complete_site.snippets["company"].pk, complete_site.snippets["other_company"].pk}
    assert [company.name for company in found if company.pk in own] == ["Hordeler Gusswerk GmbH"]


@pytest.mark.parametrize(
    "query",
    [
        {"id": "abc"},
        {"id": ""},
        {"id": "99999999999999999999999"},
        {"id": "-1"},
        {"id": "1e3"},
        {"id": "١٢"},
        {"id": ["1", "abc"]},
        {"id": "all", "childOf": "abc"},
        {"id": "all", "childOf": "99999999999999999999999"},
    ],
)
@pytest.mark.parametrize(
    "action",
    [
        "/admin/bulk/wagtailcore/page/delete/",
        "/admin/bulk/wagtailcore/page/publish/",
        "/admin/bulk/wagtailimages/image/delete/",
        "/admin/bulk/wagtaildocs/document/add_to_collection/",
        "/admin/bulk/network/company/delete/",
        "/admin/bulk/auth/user/set_active_state/",
    ],
)
def test_bulk_actions_refuse_malformed_ids_with_400(admin_client, action, query):
    assert admin_client.get(action, query).status_code == 400


def test_bulk_action_of_all_pages_below_a_missing_page_is_404(admin_client):
    response = admin_client.get(
        "/admin/bulk/wagtailcore/page/delete/", {"id": "all", "childOf": "987654"}, follow=True
    )
    assert response.status_code == 404


def test_bulk_actions_still_take_real_ids(admin_client):
    page = Page.objects.get(locale__language_code="de", slug="netzwerk-giesserei")
    response = admin_client.get("/admin/bulk/wagtailcore/page/unpublish/", {"id": str(page.pk)})
    assert response.status_code == 200
    assert page.title in response.content.decode()
    german_home = page.get_parent().get_parent()
    response = admin_client.get("/admin/bulk/wagtailcore/page/unpublish/", {"id": "all", "childOf": german_home.pk})
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["99999999999999999999999", "-99999999999999999999999", "abc", "1.5"])
@pytest.mark.parametrize(
    ("url", "parameter"),
    [("/admin/snippets/network/company/", "sectors"), ("/admin/participation-requests/", "network")],
)
def test_listing_filters_take_any_id_as_no_choice(admin_client, url, parameter, value):
    assert admin_client.get(url, {parameter: value}).status_code == 200


@pytest.mark.parametrize(
    "url", ["/admin/api/main/pages/?search=%00", "/admin/images/?q=a%00b", "/admin/pages/?x%00=1"]
)
def test_nul_characters_in_an_admin_query_get_a_400(admin_client, url):
    assert admin_client.get(url).status_code == 400


@pytest.fixture
def english_translation():
    english = Locale.objects.get(language_code="en")
    page = Page.objects.get(locale__language_code="de", slug="netzwerk-giesserei")
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=english)


def po_upload(po_text):
    return SimpleUploadedFile("en.po", po_text.encode(), content_type="text/x-gettext-translation")


@pytest.mark.parametrize(
    "files",
    [
        {},
        {"file": po_upload('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n')},
        {"other": po_upload('msgid ""\nmsgstr ""\n')},
    ],
    ids=["no file", "no translation header", "file under another name"],
)
def test_po_upload_without_a_file_or_its_header_is_an_error_message(admin_client, english_translation, files):
    edit = reverse("wagtailadmin_home")
    url = reverse("wagtail_localize:upload_pofile", args=[english_translation.pk])
    response = admin_client.post(url, {"next": edit, **files})
    assert response.status_code == 302 and response["Location"] == edit
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]


def test_po_upload_with_the_header_still_imports(admin_client, english_translation):
    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[english_translation.pk]))
    po = polib.pofile(download.content.decode())
    url = reverse("wagtail_localize:upload_pofile", args=[english_translation.pk])
    response = admin_client.post(url, {"file": po_upload(str(po)), "next": "/admin/"})
    assert response.status_code == 302
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["success"]


def test_po_upload_of_someone_who_may_not_edit_is_refused_as_before(client, english_translation):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS

    editor = get_user_model().objects.create_user("erika-20", "erika-20@example.org", "not-guessable-1")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[english_translation.pk]))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("kind", ["pages", "images", "documents"])
@pytest.mark.parametrize("value", ['"', "abc", "", "99999999999999999999999"])
def test_admin_api_find_refuses_malformed_ids_with_400(admin_client, kind, value):
    assert admin_client.get(f"/admin/api/main/{kind}/find/", {"id": value}).status_code == 400


@pytest.mark.parametrize(
    "chooser",
    [
        "/admin/snippets/choose/network/competence/chosen-multiple/",
        "/admin/snippets/choose/accessibility/barrierreport/chosen-multiple/",
        "/admin/images/chooser/chosen-multiple/",
        "/admin/documents/chooser/chosen-multiple/",
        "/admin/choose-page/chosen-multiple/",
    ],
)
@pytest.mark.parametrize("value", ['"', "abc", "", "1.5", "99999999999999999999999"])
def test_chooser_chosen_multiple_refuses_malformed_ids_with_400(admin_client, chooser, value):
    assert admin_client.get(chooser, {"id": ["1", value]}).status_code == 400


def test_page_chooser_chosen_multiple_still_takes_real_ids(admin_client):
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    response = admin_client.get("/admin/choose-page/chosen-multiple/", {"id": page.pk})
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_chooser_chosen_multiple_still_takes_real_ids(admin_client):
    from network.models import Competence

    competence = Competence.objects.filter(locale__language_code="de").first()
    response = admin_client.get("/admin/snippets/choose/network/competence/chosen-multiple/", {"id": competence.pk})
    assert response.status_code == 200
    assert competence.name in response.content.decode()


@pytest.mark.parametrize("listing", ["/admin/images/", "/admin/documents/", "/admin/images/results/"])
@pytest.mark.parametrize("usage", [{"usage_count_min": "1"}, {"usage_count_max": "1.5"}])
def test_a_media_search_with_the_usage_count_filter_keeps_the_search_and_drops_the_filter(
    admin_client, listing, usage
):
    """Wagtail 8.0.1 answered it with a 500 (found by the hostile admin test)."""
    response = admin_client.get(listing, {"q": "Halle", **usage})
    assert response.status_code == 302
    assert response["Location"] == f"{listing}?q=Halle"
    followed = admin_client.get(response["Location"])
    assert followed.status_code == 200
    assert admin_client.get(listing, usage).status_code == 200  # the filter alone works
