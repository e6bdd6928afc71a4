"""Helper of `manage.py bench`, run in a child process on the benchmark database:
`urls` prints the pages to measure, `queries off|on PATH...` the SQL queries each needs,
`publish-to-fresh VARNISH_URL COUNT` the seconds from each publish until Varnish shows it."""

import json
import math
import time
import urllib.request
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

COMMON_GERMAN_WORD = "Unternehmen"


def a_live_page(label, **filters):
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    pages = model.objects.live().filter(locale__language_code="de", **filters).order_by("path")
    return pages[pages.count() // 2] if pages.exists() else None


def bench_urls():
    """The pages the issue lists, as far as their page types exist."""
    urls = []

    def add(name, path, kind="html"):
        urls.append({"name": name, "path": path, "kind": kind})

    add("home", a_live_page("home.HomePage").url)
    news_index = a_live_page("news.NewsIndexPage")
    if news_index:
        from news.models import ARTICLES_PER_PAGE

        add("news index p1", news_index.url)
        pages = math.ceil(news_index.specific.articles().count() / ARTICLES_PER_PAGE)
        add(f"news index p{min(400, pages)}", f"{news_index.url}?page={min(400, pages)}")
        sector = a_live_page("network.FocusSectorPage")
        if sector:
            add("news index by sector", f"{news_index.url}?sector={sector.slug}")
        article = a_live_page("news.NewsArticlePage")
        if article:
            add("news article", article.url)
    for label, name in [("network.FocusSectorPage", "sector page"), ("network.NetworkPage", "network page")]:
        page = a_live_page(label)
        if page:
            add(name, page.url)
    meeting = a_live_page("network.MeetingPage")
    if meeting:
        add("meeting .ics", meeting.url + "ical/", "ics")
    search = a_live_page("news.SearchPage") or a_live_page("search.SearchPage")
    if search:
        add("search", f"{search.url}?q={COMMON_GERMAN_WORD}")
    add("sitemap.xml", "/sitemap.xml", "xml")  # the index
    add("sitemap page 1", "/sitemap-pages.xml?p=1", "xml")  # 1,000 addresses with their alternates
    if news_index:
        add("news feed", f"{news_index.url}feed/", "feed")
    return urls


def count_queries(paths, cache):
    """For each path: the queries of a request once the cached parts are made, and of the
    first request after a content change (which reads them anew)."""
    from pagecache.generation import bump_generation

    settings.PAGE_CACHE_SECONDS = 600 if cache == "on" else 0
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        client.get(path)  # renditions, fragments and (cache on) the page itself
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        # Counted before the next request: each request empties Django's query log.
        counts[path] = {"queries": len(captured)}
        bump_generation()
        with CaptureQueriesContext(connection) as after_change:
            client.get(path)
        counts[path]["after_change"] = len(after_change)
        client.get(path)  # the next path starts with its cached parts made
    return counts


def publish_to_fresh(varnish, count):
    """Publishes a new title of an article COUNT times, each while Varnish holds the article, and
    measures the seconds until Varnish answers with the new title (purged by the task worker)."""
    from wagtail.models import Site

    from news.models import NewsArticlePage

    host = urlsplit(Site.objects.get(is_default_site=True).root_url).netloc
    articles = list(NewsArticlePage.objects.live().filter(locale__language_code="de").order_by("-path")[:10])

    def get(path):
        request = urllib.request.Request(varnish + path, headers={"Host": host})  # noqa: S310 (our Varnish)
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.headers.get("X-Cache"), response.read().decode()

    seconds = []
    for number in range(count):
        article = articles[number % len(articles)].specific
        path = article.get_url(None)
        for _ in range(5):
            if get(path)[0] == "HIT":
                break
        marker = f"Frisch {number} {time.monotonic_ns()}"
        article.title = f"{article.title.split(' · ')[0]} · {marker}"
        article.save_revision().publish()
        published = time.monotonic()
        while marker not in get(path)[1]:
            if time.monotonic() - published > 30:
                raise SystemExit(f"{path} still shows the old title 30 s after publishing")
            time.sleep(0.005)
        seconds.append(round(time.monotonic() - published, 4))
    return seconds


class Command(BaseCommand):
    help = "Internal helper of `manage.py bench`."

    def add_arguments(self, parser):
        parser.add_argument("task", choices=["urls", "queries", "publish-to-fresh"])
        parser.add_argument("rest", nargs="*")

    def handle(self, *args, task, rest, **options):
        if task == "urls":
            self.stdout.write(json.dumps(bench_urls()))
        elif task == "publish-to-fresh":
            varnish, count = rest
            self.stdout.write(json.dumps(publish_to_fresh(varnish, int(count))))
        else:
            cache, *paths = rest
            self.stdout.write(json.dumps(count_queries(paths, cache)))
