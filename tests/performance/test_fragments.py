"""Parts of pages that show other content (latest news, meetings, networks, companies, related
articles, feed items) are cached as fragments even when the page cache is off; every content
change shows in them at once, and a finished meeting leaves "upcoming" within ten minutes."""

import datetime
import re
import time

import pytest

from django.core import signing
from django.test import Client
from django.utils import timezone

from network.forms import _SIGNING_SALT
from network.models import FocusSectorPage, MeetingPage, NetworkPage
from network.tests.factories import MeetingPageFactory, NetworkPageFactory
from news.models import NewsArticlePage, NewsIndexPage
from news.tests.factories import NewsArticlePageFactory, link
from pagecache.templatetags import fragment_cache

from .pages import german, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]

SECTOR = "/de/fokusbranchen/giessereitechnik/"
NETWORK = "/de/netzwerke/netzwerk-giesserei/"


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def newest_article(title):
    """A live German article of today in the sector Gießereitechnik."""
    article = NewsArticlePageFactory(
        parent=german(NewsIndexPage), title=title, date=timezone.localdate(), teaser="Ganz neu."
    )
    link(article, sectors=[german(FocusSectorPage, slug="giessereitechnik")])
    return article


def test_a_new_article_shows_at_once_in_every_list_that_was_cached(client):
    older = german(NewsArticlePage, slug="giesser-treffen-sich")  # in the sector too
    urls = ["/de/", "/de/aktuelles/", SECTOR, "/de/aktuelles/feed/", older.url]
    before = {url: html(client, url) for url in urls}
    assert all("Schweißtechnik im Wandel" not in page for page in before.values())
    newest_article("Schweißtechnik im Wandel")
    for url in urls:
        assert "Schweißtechnik im Wandel" in html(client, url), url


def test_an_unpublished_article_leaves_every_cached_list_at_once(client):
    article = newest_article("Bald zurückgezogen")
    urls = ["/de/", "/de/aktuelles/", SECTOR, "/de/aktuelles/feed/"]
    assert all("Bald zurückgezogen" in html(client, url) for url in urls)
    article.unpublish()
    for url in urls:
        assert "Bald zurückgezogen" not in html(client, url), url


def test_a_changed_contact_person_shows_on_the_sector_and_network_pages(client):
    sector = german(FocusSectorPage, slug="giessereitechnik")
    person = sector.contact_links.get().contact_person
    urls = [sector.url, NETWORK]  # both name the same person
    assert all(person.name in html(client, url) for url in urls)
    person.name = "Dr. Hanna Umbenannt"
    person.save()
    for url in urls:
        assert "Dr. Hanna Umbenannt" in html(client, url), url


def test_a_finished_meeting_leaves_upcoming_within_ten_minutes(client, monkeypatch):
    network = german(NetworkPage, slug="netzwerk-giesserei")
    soon = timezone.now() + datetime.timedelta(minutes=3)
    start = soon - datetime.timedelta(hours=2)
    MeetingPageFactory(parent=network, title="Treffen am Nachmittag", start=start, end=soon)

    def upcoming(page):
        return page.split('id="meetings-heading"')[1].split("</section>")[0]

    assert "Treffen am Nachmittag" in upcoming(html(client, NETWORK))
    assert "Treffen am Nachmittag" in html(client, "/de/")
    # Eleven minutes later, without any content change: the meeting has ended.
    later = timezone.now() + datetime.timedelta(minutes=11)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragment_cache.time, "time", lambda: later.timestamp())
    assert "Treffen am Nachmittag" not in upcoming(html(client, NETWORK))
    assert "Treffen am Nachmittag" not in html(client, "/de/")


def test_every_visitor_of_a_participation_form_gets_a_token_of_their_own():
    """The form's fields are a cached fragment; its token is each visitor's own."""
    tokens = set()
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = html(visitor, f"{NETWORK}teilnehmen/")
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1))
    assert len(tokens) == 2


def test_an_editor_sees_the_page_as_stored_not_as_routed_for_visitors(client, admin_client):
    """The page found for an address is kept for anonymous visitors only; editors read it."""
    html(client, SECTOR)
    FocusSectorPage.objects.filter(slug="giessereitechnik", locale__language_code="de").update(
        intro="Heimlich geänderte Einleitung"
    )
    assert "Heimlich geänderte Einleitung" in html(admin_client, SECTOR)
    assert "Heimlich geänderte Einleitung" not in html(client, SECTOR)


def test_fragments_of_one_page_are_not_shown_on_another(client):
    """Keys name the page: two networks never share their meetings."""
    first = german(NetworkPage, slug="netzwerk-giesserei")
    second = NetworkPageFactory(parent=first.get_parent(), title="Netzwerk Logistik", slug="netzwerk-logistik")
    html(client, second.url)
    MeetingPageFactory(parent=first, title="Nur im ersten Netzwerk")
    assert "Nur im ersten Netzwerk" in html(client, first.url)
    assert "Nur im ersten Netzwerk" not in html(client, second.url)


def test_a_meeting_is_listed_only_while_live(client):
    network = german(NetworkPage, slug="netzwerk-giesserei")
    meeting = MeetingPageFactory(parent=network, title="Treffen mit Absage")
    assert "Treffen mit Absage" in html(client, NETWORK)
    MeetingPage.objects.get(pk=meeting.pk).unpublish()
    assert "Treffen mit Absage" not in html(client, NETWORK)


def test_a_filled_in_form_keeps_what_was_typed_and_shows_it_to_nobody_else(client):
    """The empty form's fields are a cached fragment; a visitor's own entries never are."""
    form = f"{NETWORK}teilnehmen/"
    html(client, form)  # the empty fields are cached
    typed = {"company": "Muster Metall GmbH", "contact_name": "Erika Muster", "email": "keine-adresse"}
    started = signing.dumps(time.time() - 30, salt=_SIGNING_SALT)  # typed for half a minute
    answer = client.post(form, {**typed, "message": "Wir fräsen Aluminium.", "started": started})
    page = answer.content.decode()
    assert answer.status_code == 200
    assert 'value="Muster Metall GmbH"' in page and 'value="keine-adresse"' in page
    assert 'id="id_email_error"' in page
    other = html(Client(), form)
    assert "Muster Metall GmbH" not in other and "keine-adresse" not in other
    assert 'id="id_email_error"' not in other
