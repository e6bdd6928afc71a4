"""The undocumented Wagtail and Django behaviour in `upstream` still works as we use it.

An upgrade of Wagtail or Django fails the first test until someone has checked every name in
upstream/__init__.py against the new release and updated CHECKED_AGAINST; the others fail when
the behaviour we rely on is gone, whatever the version."""

import pytest

from django.test import RequestFactory

from wagtail.models import Page, Site

import upstream
from home.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_versions_are_the_ones_checked():
    assert upstream.versions() == upstream.CHECKED_AGAINST


def test_a_prefilled_site_is_what_wagtail_finds(site_tree, django_assert_num_queries):
    request = RequestFactory().get("/de/")
    site = Site.objects.get(is_default_site=True)
    assert upstream.find_site_uncached(request) == site
    upstream.prefill_site(request, site)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


def test_prefilled_root_paths_make_page_urls(site_tree, django_assert_num_queries):
    request = RequestFactory().get("/de/")
    page = site_tree.german_home
    upstream.prefill_site(request, Site.objects.get(is_default_site=True))
    upstream.prefill_site_root_paths(request, Site.get_site_root_paths())
    with django_assert_num_queries(0):
        assert page.get_url(request) == "/de/"


def test_a_prefilled_route_is_what_wagtail_serves(site_tree):
    request = RequestFactory().get("/en/whatever/")
    page = site_tree.german_home
    upstream.prefill_route(request, (page, [], {}))
    assert Page.route_for_request(request, "/en/whatever/") == (page, [], {})


def test_a_prefilled_parent_is_what_get_parent_answers(site_tree, django_assert_num_queries):
    home = site_tree.german_home
    child = Page.objects.get(pk=StandardPageFactory(parent=home).pk)
    upstream.prefill_parent(child, home)
    with django_assert_num_queries(0):
        assert child.get_parent() is home
