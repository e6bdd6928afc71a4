"""The page cache: what visitors get from it, and that every change shows at once."""

import re
import runpy
from types import SimpleNamespace

import pytest

from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client

from wagtail.models import Page

from core.models import ContactSettings, LegalPagesSettings
from home.models import HomePage, StandardPage
from localization.translation import translate
from network.models import FocusSectorIndexPage, FocusSectorPage, NetworkPage

from .pages import german, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site", "page_cache")]


def change_without_signals(page, **fields):
    """A change the cache cannot know about: shows whether a page came from the cache."""
    Page.objects.filter(pk=page.pk).update(**fields)


def test_anonymous_visitors_get_the_page_from_the_cache(client):
    about = german(StandardPage, slug="initiative")
    assert "<title>Die Initiative" in html(client, "/de/initiative/")
    change_without_signals(about, title="Heimlich geändert")
    assert "<title>Die Initiative" in html(client, "/de/initiative/")
    assert "<title>Die Initiative" in html(Client(), "/de/initiative/")


def test_a_cached_page_carries_the_same_headers_as_a_rendered_one(client):
    first = client.get("/de/initiative/")
    second = client.get("/de/initiative/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    ignored = {"X-Page-Cache", "Content-Length"}
    assert {k: v for k, v in second.items() if k not in ignored} == {
        k: v for k, v in first.items() if k not in ignored
    }


def test_head_requests_are_answered_from_the_cache_too(client):
    about = german(StandardPage, slug="initiative")
    html(client, "/de/initiative/")
    change_without_signals(about, title="Heimlich geändert")
    response = client.head("/de/initiative/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_logged_in_editors_never_get_a_cached_page(client):
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12))
    about = german(StandardPage, slug="initiative")
    html(client, "/de/initiative/")
    change_without_signals(about, title="Neuer Titel")
    assert "<title>Neuer Titel" in html(editor, "/de/initiative/")
    assert "<title>Die Initiative" in html(client, "/de/initiative/")  # and they do not fill it either


def test_an_editor_with_a_page_open_in_the_admin_does_not_empty_the_cache(client):
    """The edit view tells the server every ten seconds that it is open (Wagtail's editing
    sessions); that is no content change, or the cache would be empty all office hours."""
    from django.urls import reverse

    from wagtail.admin.models import EditingSession

    from pagecache.generation import read_generation

    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 12))
    about = german(StandardPage, slug="initiative")
    assert client.get("/de/initiative/")["X-Page-Cache"] == "miss"
    token = read_generation()
    ping = reverse("wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", about.pk, 0))
    assert editor.post(ping).status_code == 200  # the edit view opens: its session is saved
    session = EditingSession.objects.get(object_id=about.pk)
    ping = reverse("wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", about.pk, session.pk))
    for _ in range(2):
        assert editor.post(ping).status_code == 200
    assert EditingSession.objects.get(pk=session.pk).last_seen_at > session.last_seen_at
    assert read_generation() == token
    assert client.get("/de/initiative/")["X-Page-Cache"] == "hit"


def test_posts_and_the_admin_are_never_cached(client):
    about = german(StandardPage, slug="initiative")
    html(client, "/de/initiative/")
    change_without_signals(about, title="Neuer Titel")
    assert "<title>Neuer Titel" in client.post("/de/initiative/").content.decode()
    client.get("/admin/login/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_visitors_with_a_personal_cookie_get_a_fresh_page(client):
    """A session or a message after a form may change the page: such visitors are not served
    from the cache (the CSRF and language cookies are the same page for everybody)."""
    about = german(StandardPage, slug="initiative")
    html(client, "/de/initiative/")
    change_without_signals(about, title="Neuer Titel")
    visitor = Client()
    visitor.cookies["messages"] = "something"
    assert "<title>Neuer Titel" in html(visitor, "/de/initiative/")


# Every event that changes what pages show makes every affected page fresh at once.

SECTOR_PAGES = ["/de/", "/de/fokusbranchen/", "/de/fokusbranchen/giessereitechnik/", "/sitemap-pages.xml"]


@pytest.fixture(params=[600, 0], ids=["page cache on", "fragments only"])
def page_cache_on_and_off(request, settings, page_cache):
    """Every content change shows at once with the page cache on, and with it off, where the
    parts of pages that show other content (and the routed page) are still cached fragments."""
    settings.PAGE_CACHE_SECONDS = request.param


def warm(client, urls):
    return {url: html(client, url) for url in urls}


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_publishing_a_page_shows_the_change_on_the_page_and_in_every_list(client):
    warm(client, SECTOR_PAGES)
    sector = german(FocusSectorPage, slug="giessereitechnik")
    sector.title = "Metall- und Oberflächentechnik"
    sector.save_revision().publish()
    assert "<h1>Metall- und Oberflächentechnik</h1>" in html(client, "/de/fokusbranchen/giessereitechnik/")
    assert "Metall- und Oberflächentechnik</a>" in html(client, "/de/fokusbranchen/")


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_a_newly_published_page_appears_in_lists_and_the_sitemap(client):
    warm(client, SECTOR_PAGES)
    index = german(FocusSectorIndexPage)
    sector = FocusSectorPage(title="Gesundheitswirtschaft", slug="gesundheitswirtschaft")
    index.add_child(instance=sector)
    sector.save_revision().publish()
    assert "Gesundheitswirtschaft</a>" in html(client, "/de/fokusbranchen/")
    assert "/de/fokusbranchen/gesundheitswirtschaft/" in html(client, "/sitemap-pages.xml")


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_an_unpublished_page_is_gone_at_once_everywhere(client):
    urls = ["/de/netzwerke/", "/de/netzwerke/netzwerk-giesserei/", "/sitemap-pages.xml"]
    warm(client, urls)
    network = german(NetworkPage, slug="netzwerk-giesserei")
    network.unpublish()
    assert client.get("/de/netzwerke/netzwerk-giesserei/").status_code == 404
    assert "/de/netzwerke/netzwerk-giesserei/" not in html(client, "/de/netzwerke/")
    # Its meetings and projects stay live below it; the page itself is gone from the sitemap.
    sitemap = html(client, "/sitemap-pages.xml")
    assert "/de/netzwerke/netzwerk-giesserei/<" not in sitemap
    assert '/de/netzwerke/netzwerk-giesserei/"' not in sitemap


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_a_deleted_page_is_gone_at_once_everywhere(client):
    warm(client, SECTOR_PAGES)
    german(FocusSectorPage, slug="giessereitechnik").delete()
    assert client.get("/de/fokusbranchen/giessereitechnik/").status_code == 404
    assert "/de/fokusbranchen/giessereitechnik/" not in html(client, "/de/fokusbranchen/")
    assert "/de/fokusbranchen/giessereitechnik/" not in html(client, "/sitemap-pages.xml")


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_a_moved_page_answers_at_its_new_address_and_links_follow_it(client):
    old, new = "/de/datenschutz/", "/de/initiative/datenschutz/"
    before = warm(client, ["/de/", old, "/sitemap-pages.xml"])
    assert f'href="{old}"' in before["/de/"]  # the footer links to it
    page = german(StandardPage, slug="datenschutz")
    page.move(german(StandardPage, slug="initiative"), pos="last-child")
    response = client.get(old)  # Wagtail's automatic redirect, not the cached copy
    assert (response.status_code, response["Location"]) == (301, new)
    assert html(client, new)
    assert f'href="{new}"' in html(client, "/de/")
    assert new in html(client, "/sitemap-pages.xml")


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_publishing_a_translation_links_it_from_the_cached_source_page(client):
    home = german(HomePage)
    page = StandardPage(title="Anfahrt", slug="anfahrt", intro="So finden Sie uns.")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html(client, "/de/anfahrt/")
    english = StandardPage(title="Directions", slug="directions", intro="How to find us.")
    translate(page, english)
    assert '<a href="/en/directions/" hreflang="en" lang="en">English</a>' in html(client, "/de/anfahrt/")
    assert "<title>Directions" in html(client, "/en/directions/")


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_a_page_added_to_the_menu_shows_in_the_navigation_of_every_cached_page(client):
    warm(client, ["/de/", "/de/initiative/"])
    page = german(StandardPage, slug="datenschutz")
    page.show_in_menus = True
    page.save_revision().publish()
    for url in ["/de/", "/de/initiative/"]:
        nav = html(client, url).split('class="main-nav"')[1].split("</nav>")[0]
        assert 'href="/de/datenschutz/"' in nav


@pytest.mark.parametrize("page_cache_seconds", [600, 0])
def test_changed_contact_data_shows_in_the_footer_of_every_page(client, settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds  # the footer is also a cached fragment
    urls = ["/de/", "/en/", "/de/initiative/", "/en/networks/"]
    warm(client, urls)
    contact = ContactSettings.load()
    contact.phone = "+49 234 555 0199"
    contact.save()
    for url in urls:
        assert "+49 234 555 0199" in html(client, url)


def test_a_changed_legal_page_setting_shows_in_every_footer(client):
    urls = ["/de/", "/en/initiative/"]
    warm(client, urls)
    legal = LegalPagesSettings.load()
    legal.accessibility_page = None
    legal.save()
    for url in urls:
        assert "barrierefreiheit" not in html(client, url) and "/en/accessibility/" not in html(client, url)


# Forms: the cached page is the same for every visitor; the form is on an address of its own


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_INPUT = re.compile(r'name="started" value="([^"]+)"')
NETWORK = "/de/netzwerke/netzwerk-giesserei/"
FORM_LINK = re.compile(r'<a class="button" href="([^"]+)">Zum Teilnahmeformular</a>')


def take_part(visitor, form_url, form_page, company):
    return visitor.post(
        form_url,
        {
            "csrfmiddlewaretoken": CSRF_INPUT.search(form_page.content.decode()).group(1),
            "company": company,
            "contact_name": "Person",
            "email": f"{company.lower().replace(' ', '-')}@example.org",
            "message": "Wir möchten mitmachen.",
            "consent": "on",
            "homepage": "",
            "started": STARTED_INPUT.search(form_page.content.decode()).group(1),
        },
    )


def test_two_visitors_take_part_through_the_same_cached_network_page(monkeypatch):
    """Two visitors, each with their own cookies, get the network page byte for byte the same
    (from the cache for the second), follow its link to the form and both succeed."""
    from network.models import ParticipationRequest

    # The test fills in faster than a person.
    monkeypatch.setattr("network.forms.ParticipationForm.min_fill_seconds", 0)
    visitors = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    pages = [visitor.get(NETWORK) for visitor in visitors]
    assert [page["X-Page-Cache"] for page in pages] == ["miss", "hit"]
    assert pages[0].content == pages[1].content
    html = pages[0].content.decode()
    assert "csrfmiddlewaretoken" not in html and not STARTED_INPUT.search(html)
    assert not any(visitor.cookies for visitor in visitors)
    form_url = FORM_LINK.search(html).group(1)
    forms = [visitor.get(form_url) for visitor in visitors]
    assert all("X-Page-Cache" not in form for form in forms)
    tokens = [CSRF_INPUT.search(form.content.decode()).group(1) for form in forms]
    assert tokens[0] != tokens[1]
    for number, (visitor, form) in enumerate(zip(visitors, forms, strict=True)):
        response = take_part(visitor, form_url, form, f"Firma {number}")
        assert response.status_code == 302, response.content.decode()[:500]
        assert response["Location"] == f"{NETWORK}thanks/"
    assert set(ParticipationRequest.objects.values_list("company", flat=True)) == {"Firma 0", "Firma 1"}


def test_each_visitor_gets_a_form_start_time_of_their_own(monkeypatch):
    """The speed trap (a form sent within three seconds of rendering is sent once more) counts
    from the moment each visitor got the form, with the page cache on."""
    from network.models import ParticipationRequest

    clock = SimpleNamespace(now=1_000_000.0)
    monkeypatch.setattr("core.spam.time", SimpleNamespace(time=lambda: clock.now))
    form_url = f"{NETWORK}teilnehmen/"
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_form = first.get(form_url)
    clock.now += 600
    second_form = second.get(form_url)
    started = [STARTED_INPUT.search(form.content.decode()).group(1) for form in (first_form, second_form)]
    assert [signing.loads(value, salt="network.participation.started") for value in started] == [
        1_000_000.0,
        1_000_600.0,
    ]
    clock.now += 1  # the second visitor sends one second after getting the form: asked to send it once more
    too_fast = take_part(second, form_url, second_form, "Schnell")
    assert too_fast.status_code == 200 and "noch nicht gesendet" in too_fast.content.decode()
    clock.now += 10
    assert take_part(first, form_url, first_form, "Langsam")["Location"].endswith("/thanks/")
    assert list(ParticipationRequest.objects.values_list("company", flat=True)) == ["Langsam"]


def test_two_visitors_report_a_barrier_through_the_same_cached_statement():
    from accessibility.models import BarrierReport

    visitors = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    pages = [visitor.get("/de/barrierefreiheit/") for visitor in visitors]
    assert [page["X-Page-Cache"] for page in pages] == ["miss", "hit"]
    assert pages[0].content == pages[1].content and "csrfmiddlewaretoken" not in pages[0].content.decode()
    for number, visitor in enumerate(visitors):
        form = visitor.get("/de/barrierefreiheit/melden/").content.decode()
        response = visitor.post(
            "/de/barrierefreiheit/melden/",
            {
                "csrfmiddlewaretoken": CSRF_INPUT.search(form).group(1),
                "description": f"Barriere {number}",
                "consent": "on",
                "website": "",
                "started": STARTED_INPUT.search(form).group(1),
            },
        )
        assert response.status_code == 302 and response["Location"] == "/de/barrierefreiheit/thanks/"
    assert set(BarrierReport.objects.values_list("description", flat=True)) == {"Barriere 0", "Barriere 1"}


@pytest.mark.urls("tests.performance.urls")
def test_a_page_that_uses_a_csrf_token_is_never_cached_and_each_visitor_gets_their_own():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one, page_two = first.get("/form/"), second.get("/form/")
    assert "X-Page-Cache" not in page_one and "X-Page-Cache" not in page_two
    token_one = CSRF_INPUT.search(page_one.content.decode()).group(1)
    token_two = CSRF_INPUT.search(page_two.content.decode()).group(1)
    assert token_one != token_two
    assert second.post("/form/", {"name": "Eve", "csrfmiddlewaretoken": token_one}).status_code == 403
    assert first.post("/form/", {"name": "Anna", "csrfmiddlewaretoken": token_one}).content == b"Thank you, Anna"
    assert second.post("/form/", {"name": "Ben", "csrfmiddlewaretoken": token_two}).content == b"Thank you, Ben"


# A cache server that is down slows the site but never breaks it


def test_pages_work_and_stay_fresh_when_redis_is_down(client, settings, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:9/0")  # the discard port: nothing listens
    production_caches = runpy.run_path(str(settings.BASE_DIR / "bochum2015" / "settings" / "caching.py"))["CACHES"]
    assert production_caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    settings.CACHES = production_caches
    settings.PAGE_CACHE_SHARED = True  # as with any REDIS_URL: the token's copy is asked for too
    for url in ["/de/", "/de/initiative/", "/en/initiative/", "/sitemap.xml", "/de/fokusbranchen/"]:
        html(client, url)
    about = german(StandardPage, slug="initiative")
    about.title = "Wer wir sind"
    about.save_revision().publish()
    assert "<title>Wer wir sind" in html(client, "/de/initiative/")


@pytest.mark.usefixtures("page_cache_on_and_off")
def test_deleted_renditions_are_not_named_by_cached_pages(client):
    """Renditions made while rendering leave the cache alone; deleting them (an image replaced,
    renditions purged) makes the pages and pictures that name their files fresh."""
    hero = german(HomePage).hero_image
    html(client, "/de/")
    html(client, "/de/initiative/")  # renders (and may make renditions) without emptying the cache
    hero.renditions.all().delete()
    html(client, "/de/")
    # Only a freshly rendered picture asks for the hero's renditions, which makes them anew.
    assert hero.renditions.exists()
