"""What editors meet in the admin: labels in the admin's own language, page addresses written as
the site writes them, no empty article going live, and only the menus a role can use."""

import datetime
import re

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Page, Workflow
from wagtail.users.models import UserProfile

from editorial.roles import WORKFLOW_NAME
from home.models import StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from news.tests.factories import NewsArticlePageFactory

from .conftest import empty_inline_formsets

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_the_workflow_is_named_in_the_admins_language(client, editor, german_page):
    client.force_login(editor)
    german = client.get(_edit_url(german_page)).content.decode()
    assert "In Freigabe einreichen" in german
    assert "Approval" not in german

    _admin_language(editor, "en")
    english = client.get(_edit_url(german_page)).content.decode()
    assert "Submit to Approval" in english
    assert "Freigabe" not in english
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1  # stored once, in English


def test_the_workflow_history_names_the_task_in_the_admins_language(client, editor, moderator, german_page):
    client.force_login(editor)
    data = {"title": german_page.title, "slug": german_page.slug, "intro": german_page.intro, "body-count": "0"}
    data.update(empty_inline_formsets(german_page), **{"action-submit": "action-submit"})
    assert client.post(_edit_url(german_page), data).status_code == 302
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Freigabe durch die Chefredaktion" in dashboard and "Approval" not in dashboard
    _admin_language(moderator, "en")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Approval by the editors-in-chief" in dashboard and "Freigabe" not in dashboard


def test_a_new_german_page_writes_its_umlauts_out_in_its_address(client, editor):
    german_home = Page.objects.live().get(depth=2, locale__language_code="de")
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", german_home.pk])
    form = client.get(add_url).content.decode()
    # The slug field writes them out while the editor types (Wagtail's SlugInput formatters).
    assert re.search(r'data-w-slug-formatters-value="[^"]*&quot;ae&quot;', form)

    data = {"title": "Förderrunde für Zulieferer", "slug": "förderrunde-für-zulieferer", "body-count": "0"}
    data.update(empty_inline_formsets(StandardPage()))
    assert client.post(add_url, data).status_code == 302
    assert Page.objects.get(title="Förderrunde für Zulieferer").slug == "foerderrunde-fuer-zulieferer"

    # Also when the address is made from the title on the server.
    page = german_home.add_child(instance=StandardPage(title="Große Übersicht"))
    assert page.slug == "grosse-uebersicht"


def test_a_published_address_is_kept(german_page):
    german_page.slug = "netzwerk-für-produktion"
    german_page.full_clean()
    assert german_page.slug == "netzwerk-für-produktion"


@pytest.fixture
def empty_draft():
    index = NewsIndexPage.objects.live().get(locale__language_code="de")
    return NewsArticlePageFactory(
        parent=index, title="Noch leer", slug="noch-leer", body=[], live=False, first_published_at=None
    )


def _article_form(article, action):
    data = {
        "title": article.title,
        "slug": article.slug,
        "date": datetime.date(2026, 12, 1).isoformat(),
        "teaser": "Kurz.",
        "lead_image": "",
        "lead_image_alt": "",
        "body-count": "0",
        **empty_inline_formsets(article),
    }
    if action:
        data[action] = action
    return data


NOTHING_TO_READ = "Ein Beitrag braucht einen Text oder ein Aufmacherbild"


def test_an_article_without_text_or_image_cannot_be_published(client, moderator, empty_draft):
    client.force_login(moderator)
    response = client.post(_edit_url(empty_draft), _article_form(empty_draft, "action-publish"))
    assert response.status_code == 200
    assert NOTHING_TO_READ in response.content.decode()
    assert not NewsArticlePage.objects.get(pk=empty_draft.pk).live


def test_an_article_without_text_or_image_cannot_be_submitted_but_saved_as_a_draft(client, editor, empty_draft):
    client.force_login(editor)
    response = client.post(_edit_url(empty_draft), _article_form(empty_draft, "action-submit"))
    assert response.status_code == 200
    assert NOTHING_TO_READ in response.content.decode()
    assert empty_draft.workflow_states.count() == 0
    assert client.post(_edit_url(empty_draft), _article_form(empty_draft, None)).status_code == 302


def test_a_live_article_needs_text_or_an_image_on_every_path(empty_draft):
    empty_draft.live = True
    with pytest.raises(ValidationError, match=NOTHING_TO_READ):
        empty_draft.full_clean()


def _sidebar(client, user):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)


def test_contact_persons_see_no_search_and_no_reports(client, contact_person, moderator):
    sidebar = _sidebar(client, contact_person)
    assert "/admin/participation-requests/" in sidebar  # what they work with
    assert "SearchModule" not in sidebar
    assert '"name": "reports"' not in sidebar
    assert "/admin/localize/reports/translations/" not in sidebar

    sidebar = _sidebar(client, moderator)
    assert "SearchModule" in sidebar and '"name": "reports"' in sidebar
