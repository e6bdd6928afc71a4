"""The cache contract (pagecache/contract.py): what every response tells browsers and shared
caches (Varnish, a CDN). Public pages may be kept by anyone and are the same for every visitor;
nothing personal is ever kept."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.test import Client

from news.models import NewsIndexPage
from tests.visitor.pages import LANGUAGES, NOT_FOUND, page_of_type, page_types

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]

PUBLIC = "public, max-age=60, s-maxage=600, stale-while-revalidate=30, stale-if-error=86400"
BRIEF = "public, max-age=60, s-maxage=60"


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}


def assert_public(response, url):
    assert response.status_code == 200, url
    assert directives(response) == set(PUBLIC.split(", ")), (url, response.get("Cache-Control"))
    assert "cookie" not in vary(response), url
    assert not response.cookies, (url, response.cookies)


def assert_never_cached(response, url):
    assert {"private", "no-store"} <= directives(response), (url, response.get("Cache-Control"))
    assert "public" not in directives(response), url
    assert not {d for d in directives(response) if d.startswith("s-maxage")}, url


@pytest.fixture(params=[600, 0], ids=["page cache on", "page cache off"])
def either_page_cache(request, settings):
    """The contract holds whether the page comes from the embedded page cache or is rendered."""
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


def public_urls(language):
    urls = [page_of_type(model, language).url for model in page_types(language)]
    network = [url for url in urls if "/netzwerke/" in url or "/networks/" in url]
    news = page_of_type(NewsIndexPage, language).url
    # Feeds, calendar files and sitemaps follow the same contract as pages.
    return [*urls, f"{news}feed/", f"{network[0]}ical/", "/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_may_be_kept_by_shared_caches(either_page_cache, language):
    urls = public_urls(language)
    for url in urls:
        # A first-time visitor each time: no cookie is set, none asked for, twice (miss and hit).
        for _ in range(2):
            assert_public(Client().get(url), url)
        assert_public(Client().head(url), url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_carry_no_per_visitor_value_and_are_the_same_for_two_visitors(either_page_cache, language):
    for url in public_urls(language)[:-3]:  # the pages, feeds and calendar files
        first, second = Client().get(url), Client().get(url)
        html = first.content.decode()
        assert "csrfmiddlewaretoken" not in html, url
        assert not re.search(r'name="(started|confirmed)"', html), url
        if url.endswith("/"):
            assert first.content == second.content, url


def test_pages_under_a_language_prefix_do_not_vary_by_accept_language():
    """The address names the language (/de/, /en/), so Django's LocaleMiddleware adds no
    `Vary: Accept-Language` there; only addresses without the prefix carry it."""
    for url in ["/de/", "/en/", "/de/netzwerke/", "/en/networks/"]:
        assert "accept-language" not in vary(Client().get(url)), url
    assert vary(Client().get("/sitemap.xml")) == {"accept-language"}


def test_the_sitemaps_are_the_same_whatever_language_the_visitor_prefers():
    """They are kept without Vary: Cookie, so the language cookie must not change them either."""
    for url in ["/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"]:
        english_cookie = Client()
        english_cookie.cookies["django_language"] = "en"
        answers = {
            Client(HTTP_ACCEPT_LANGUAGE="de").get(url).content,
            Client(HTTP_ACCEPT_LANGUAGE="en").get(url).content,
            english_cookie.get(url).content,
        }
        assert len(answers) == 1, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_is_kept_briefly_at_most(either_page_cache, language):
    response = Client().get(NOT_FOUND[language])
    assert response.status_code == 404
    assert directives(response) == set(BRIEF.split(", "))
    assert "cookie" not in vary(response) and not response.cookies


def test_the_language_redirect_of_the_root_follows_the_visitor_and_is_never_cached():
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get("/")
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert_never_cached(response, "/")


@pytest.mark.parametrize(
    "url",
    [
        "/de/netzwerke/netzwerk-giesserei/teilnehmen/",
        "/en/networks/foundry-network/join/",
        "/de/netzwerke/netzwerk-giesserei/thanks/",
        "/en/networks/foundry-network/thanks/",
        "/de/barrierefreiheit/melden/",
        "/en/accessibility/report/",
        "/de/barrierefreiheit/thanks/",
        "/en/accessibility/thanks/",
    ],
)
def test_form_and_thank_you_pages_are_never_cached(either_page_cache, url):
    for _ in range(2):
        response = Client().get(url)
        assert response.status_code == 200
        assert_never_cached(response, url)
        assert "X-Page-Cache" not in response


def test_posts_are_never_cached(either_page_cache):
    response = Client().post("/de/netzwerke/netzwerk-giesserei/teilnehmen/", {"company": ""})
    assert response.status_code == 200  # the errors
    assert_never_cached(response, "POST")
    response = Client().post("/de/initiative/")
    assert_never_cached(response, "POST")


@pytest.fixture
def editor():
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12))
    return editor


@pytest.mark.parametrize("url", ["/de/", "/en/initiative/", "/de/netzwerke/netzwerk-giesserei/", "/sitemap.xml"])
def test_logged_in_users_get_nothing_a_cache_may_keep(either_page_cache, editor, url):
    Client().get(url)  # an anonymous visitor fills the page cache first
    response = editor.get(url)
    assert response.status_code == 200
    assert_never_cached(response, url)
    assert "userbar" in response.content.decode() or url.endswith(".xml")


def test_the_admin_and_previews_are_never_cached(editor):
    from home.models import StandardPage

    page = StandardPage.objects.get(locale__language_code="de", slug="initiative")
    for url in ["/admin/", "/admin/login/", f"/admin/pages/{page.pk}/edit/"]:
        assert_never_cached(editor.get(url), url)
    preview = editor.get(f"/admin/pages/{page.pk}/edit/preview/", {"mode": ""})
    assert_never_cached(preview, "preview")
    assert_never_cached(Client().get("/admin/login/"), "anonymous admin login")


def test_visitors_with_a_personal_cookie_get_nothing_a_cache_may_keep(either_page_cache):
    visitor = Client()
    visitor.cookies["messages"] = "something"
    assert_never_cached(visitor.get("/de/initiative/"), "messages cookie")


def test_a_visitor_who_has_a_csrf_cookie_from_a_form_still_gets_the_public_page(either_page_cache):
    visitor = Client()
    visitor.get("/de/barrierefreiheit/melden/")
    assert "csrftoken" in visitor.cookies
    assert_public(visitor.get("/de/initiative/"), "with a CSRF cookie")


def test_a_page_that_sets_a_cookie_is_never_cached(either_page_cache, settings):
    settings.ROOT_URLCONF = "tests.performance.urls"
    response = Client().get("/form/")  # a page with a CSRF token: it sets the CSRF cookie
    assert response.cookies
    assert_never_cached(response, "/form/")
    assert "X-Page-Cache" not in response


def test_the_values_come_from_the_settings(settings):
    settings.CACHE_MAX_AGE = 5
    settings.CACHE_S_MAXAGE = 86400
    settings.CACHE_STALE_WHILE_REVALIDATE = 120
    settings.CACHE_STALE_IF_ERROR = 3600
    settings.CACHE_NOT_FOUND_SECONDS = 10
    assert directives(Client().get("/de/")) == {
        "public",
        "max-age=5",
        "s-maxage=86400",
        "stale-while-revalidate=120",
        "stale-if-error=3600",
    }
    assert directives(Client().get(NOT_FOUND["de"])) == {"public", "max-age=10", "s-maxage=10"}
