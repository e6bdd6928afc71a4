"""The bulk page inserts of the benchmark dataset leave a tree Wagtail can work with."""

import pytest

from wagtail.models import Page

from home.management.commands.build_bench_data import add_pages, translated_copies
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


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
