"""The bulk page inserts of the benchmark dataset leave a tree Wagtail can work with."""

import io
import random
import time

import pytest

from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.db import connection
from django.db.models import F

from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry

from bench.management.commands.build_bench_data import Command, add_pages, translated_copies, tree_problems
from home.models import HomePage, StandardPage
from news.models import NewsArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_pages_inserted_in_bulk_pass_the_tree_checks_render_and_take_normal_children(client):
    home = HomePage.objects.get(locale__language_code="de")
    pages = add_pages(home, [StandardPage(title=f"Massenseite {n}", slug=f"masse-{n}") for n in range(40)])
    assert not any(Page.find_problems())
    assert "<h1>Massenseite 39</h1>" in client.get("/de/masse-39/").content.decode()
    home.refresh_from_db()
    after = home.add_child(instance=StandardPage(title="Danach", slug="danach"))
    assert after.path > pages[-1].path
    assert not any(Page.find_problems())


def test_english_copies_share_the_translation_key_and_switch_languages(client):
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    german = add_pages(homes["de"], [StandardPage(title="Masse", slug="masse")])
    add_pages(homes["en"], translated_copies(german, lambda page: {"title": "Bulk", "slug": "bulk"}))
    html = client.get("/de/masse/").content.decode()
    assert '<a href="/en/bulk/" hreflang="en" lang="en">English</a>' in html
    assert not any(Page.find_problems())


def fixtree_problems():
    """What `manage.py fixtree` looks at, page by page."""
    missing = []
    for page in Page.objects.all():
        try:
            page.specific  # noqa: B018 - the lookup is the check
        except page.specific_class.DoesNotExist:
            missing.append(page.pk)
    return (missing, *Page.find_problems())


def test_the_benchmark_tree_check_finds_what_fixtree_finds():
    assert tree_problems() == fixtree_problems() == ([], [], [], [], [], [])
    home = HomePage.objects.get(locale__language_code="de")
    pages = add_pages(home, [StandardPage(title=f"Kaputt {n}", slug=f"kaputt-{n}") for n in range(4)])
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)
    Page.objects.filter(pk=pages[0].pk).update(depth=F("depth") + 1)
    Page.objects.filter(pk=pages[1].pk).update(path=pages[1].path[:-4] + "ZZZZ0001")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM home_standardpage WHERE page_ptr_id = %s", [pages[2].pk])

    problems = tree_problems()
    assert problems == fixtree_problems()
    assert problems == ([pages[2].pk], [], [], [pages[1].pk], [pages[0].pk], [home.pk])


def bench_builder():
    """The benchmark's builder on the test database, at a tiny size."""
    builder = Command(stdout=OutputWrapper(io.StringIO()))
    builder.sizes = {"articles": 12, "companies": 4, "networks": 2, "meetings": 1, "projects": 1, "images": 2}
    builder.rng = random.Random(2015)  # noqa: S311 - test data
    builder.started = time.monotonic()
    builder.de, builder.en = (Locale.objects.get(language_code=code) for code in ("de", "en"))
    builder.images = builder.make_images()
    builder.sectors = builder.pages_by_locale("network.FocusSectorPage")
    builder.companies = builder.make_companies()
    builder.networks = builder.make_networks()
    return builder


def index_rows():
    return sorted(
        IndexEntry.objects.values_list("content_type_id", "object_id", "title", "autocomplete", "body", "title_norm")
    )


def test_the_benchmark_search_index_is_the_one_update_index_builds_and_finds_each_language(client):
    builder = bench_builder()
    builder.make_articles()
    german = NewsArticlePage.objects.filter(locale__language_code="de", slug="artikel-10").get()
    english = german.get_translation(Locale.objects.get(language_code="en"))
    Page.objects.filter(pk=german.pk).update(title="Zechenkohle im Strukturwandel")
    Page.objects.filter(pk=english.pk).update(title="Colliery coal in structural change")

    IndexEntry.objects.all().delete()
    builder.build_search_index()
    built = index_rows()
    IndexEntry.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert built == index_rows()

    german_results = client.get("/de/suche/?q=Zechenkohle").content.decode()
    english_results = client.get("/en/search/?q=colliery").content.decode()
    assert german.url in german_results and english.url not in german_results
    assert english.url in english_results and german.url not in english_results
    assert english.url not in client.get("/en/search/?q=Zechenkohle").content.decode()
