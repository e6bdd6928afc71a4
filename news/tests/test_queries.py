"""Every public news page costs the same number of queries with 5 articles as with 200."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.tests.factories import translate_into_english
from network.tests.factories import NetworkIndexPageFactory, NetworkPageFactory
from pagecache.cache import local_fragments
from search.models import SearchPage

from .factories import NewsIndexPageFactory, link, make_articles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_site_only")]


def queries_for(client, url):
    client.get(url)  # renditions are made on first use
    cache.clear()  # the page's fragments are rendered afresh: what the page costs, not a cache hit
    local_fragments.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_index_article_feed_search_and_home_cost_the_same_with_5_and_200_articles(client, news_tree, tags):
    # A news index of its own beside the site's, so the test controls every article in it.
    empty_index = NewsIndexPageFactory(
        parent=news_tree.site_tree.german_home, title="Testnachrichten", slug="testnachrichten"
    )
    image = get_image_model().objects.create(title="Gemeinsames Bild", file=get_test_image_file())
    sector = news_tree.german_sector
    networks = NetworkIndexPageFactory(parent=news_tree.site_tree.german_home)
    translate_into_english(networks, title="Networks", slug="networks", intro="Companies together.")
    network = NetworkPageFactory(parent=networks, title="Netzwerk Gießerei", slug="netzwerk-giesserei")
    tag = tags.cooperation

    def add(count, start):
        articles = make_articles(empty_index, count, start=start, lead_image=image, lead_image_alt="Ein Bild")
        for article in articles:
            link(article, sectors=[sector], tags=[tag])
        return articles

    first = add(5, datetime.date(2021, 1, 1))
    middle = first[2]
    urls = [
        empty_index.url,
        empty_index.url + "?sector=metallverarbeitung&tag=zusammenarbeit&page=2",
        middle.url,
        empty_index.url + "feed/",
        empty_index.url + "feed/?sector=metallverarbeitung",
        SearchPage.objects.live().get(locale__language_code="de").url + "?q=Testbeitrag",
        "/de/",
        sector.url,
        network.url,
    ]
    with_5 = {url: queries_for(client, url) for url in urls}
    add(195, datetime.date(2022, 1, 1))
    with_200 = {url: queries_for(client, url) for url in urls}
    assert with_200 == with_5
