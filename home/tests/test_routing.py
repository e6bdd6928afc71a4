"""Routing through the home page's route() (core.serving.find_route): Wagtail's own serve view
finds every page through it, and what it learnt reaches the templates through the context."""

import pytest

from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page

from core.serving import Routing
from home.tests.factories import StandardPageFactory, translate_into_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(site_tree):
    about = StandardPageFactory(parent=site_tree.german_home, title="Über uns", slug="ueber-uns")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    english_about = translate_into_english(about, title="About us", slug="about-us")
    return site_tree, about, team, english_about


def wagtail_route(path, language):
    """Wagtail's own routing, as its serve view does it when nothing is filled in beforehand."""
    request = RequestFactory().get(path)
    with translation.override(language):
        return Page.route_for_request(request, path.removeprefix(f"/{language}"))


def test_wagtail_routes_through_the_home_page_lookup(pages):
    site_tree, about, team, _english = pages
    result = wagtail_route("/de/ueber-uns/team/", "de")
    assert result.page.pk == team.pk
    # The lookup ran (Wagtail's walk down the tree makes no Routing): ancestors read with the page.
    assert isinstance(result.page.routing, Routing)
    assert [page.pk for page in result.page.routing.ancestors] == [site_tree.german_home.pk, about.pk]
    assert result.page.routing.unrestricted


def test_a_path_nothing_matches_is_a_404(pages):
    assert wagtail_route("/de/ueber-uns/niemand/", "de") is None


def test_ancestors_and_translations_reach_the_template_through_the_context(pages, client):
    site_tree, about, _team, english_about = pages
    response = client.get("/de/ueber-uns/")
    assert response.status_code == 200
    context = response.context
    assert [page.pk for page in context["ancestors"]] == [site_tree.german_home.pk]
    assert {code: page.pk for code, page in context["translations"].items()} == {
        "de": about.pk,
        "en": english_about.pk,
    }
    html = response.content.decode()
    assert 'hreflang="en" href="http://testserver/en/about-us/"' in html or '/en/about-us/"' in html


def test_a_page_read_otherwise_asks_the_tree(pages, rf):
    _site_tree, about, _team, _english = pages
    page = Page.objects.get(pk=about.pk).specific
    assert page.routing is None
    context = page.get_context(rf.get("/de/ueber-uns/"))
    assert "ancestors" not in context and "translations" not in context
