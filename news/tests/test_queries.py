"""Every public news page costs the same number of queries with 5 articles as with 200."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from network.models import FocusSectorPage, NetworkPage
from news.models import NewsTag
from search.models import SearchPage

from .factories import link, make_articles

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def queries_for(client, url):
    client.get(url)  # renditions and caches are made on first use
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_index_article_feed_search_and_home_cost_the_same_with_5_and_200_articles(client, empty_index):
    image = get_image_model().objects.create(title="Gemeinsames Bild", file=get_test_image_file())
    sector = FocusSectorPage.objects.get(slug="metallverarbeitung")
    network = NetworkPage.objects.get(slug="netzwerk-produktion")
    tag = NewsTag.objects.get(slug="kooperation", locale__language_code="de")

    def add(count, start):
        articles = make_articles(empty_index, count, start=start, lead_image=image, lead_image_alt="Ein Bild")
        for article in articles:
            link(article, sectors=[sector], tags=[tag])
        return articles

    first = add(5, datetime.date(2021, 1, 1))
    middle = first[2]
    urls = [
        empty_index.url,
        empty_index.url + "?sector=metallverarbeitung&tag=kooperation&page=2",
        middle.url,
        empty_index.url + "feed/",
        empty_index.url + "feed/?sector=metallverarbeitung",
        SearchPage.objects.get(locale__language_code="de").url + "?q=Testbeitrag",
        "/de/",
        sector.url,
        network.url,
    ]
    with_5 = {url: queries_for(client, url) for url in urls}
    add(195, datetime.date(2022, 1, 1))
    with_200 = {url: queries_for(client, url) for url in urls}
    assert with_200 == with_5
