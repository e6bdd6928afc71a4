"""The sitemap (an index of bounded pages, both languages, alternates) and robots.txt, on a
tree of the tests' own."""

import pytest
from defusedxml.ElementTree import fromstring

from django.utils import timezone

from wagtail.models import Page

from home.models import StandardPage
from home.tests.factories import SearchPageFactory, StandardPageFactory, paragraphs, translate_into_english

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def tree(site_tree):
    """Home, "Über uns" with a sub-page and the search page, each in German and English, on the
    test client's host."""
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    german = site_tree.german_home
    about = StandardPageFactory(parent=german, title="Über uns", slug="ueber-uns")
    english = {"intro": "Who we are and what we do.", "body": paragraphs("We bring companies to one table.")}
    translate_into_english(about, title="About", slug="about", **english)
    team = StandardPageFactory(parent=about, title="Das Team", slug="team")
    translate_into_english(team, title="The team", slug="team", **english)
    search = SearchPageFactory(parent=german)
    translate_into_english(search, title="Search", slug="search", intro="Search the site.")
    return site_tree


def live_pages(tree):
    """The full addresses of the tree's live pages, both languages."""
    homes = (tree.german_home, tree.english_home)
    return {page.get_full_url() for home in homes for page in Page.objects.live().descendant_of(home, inclusive=True)}


def sitemap_pages(client):
    """The addresses of the sitemap's pages, as /sitemap.xml (the index) lists them."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [sitemap.find("s:loc", NS).text for sitemap in fromstring(response.content).findall("s:sitemap", NS)]


def page_entries(client, address):
    response = client.get(address)
    assert response.status_code == 200
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        for url in fromstring(response.content).findall("s:url", NS)
    }


def sitemap_entries(client):
    entries = {}
    for address in sitemap_pages(client):
        entries.update(page_entries(client, address))
    return entries


def test_the_sitemap_is_an_index_of_pages_of_bounded_size(client, tree, monkeypatch):
    from seo.sitemaps import LocalizedSitemap

    monkeypatch.setattr(LocalizedSitemap, "limit", 3)
    live = live_pages(tree)
    assert len(live) == 8
    pages = sitemap_pages(client)
    assert pages == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    parts = [page_entries(client, address) for address in pages]
    assert [len(part) for part in parts] == [3, 3, 2]
    assert set().union(*parts) == live


def test_sitemap_lists_every_live_page_of_both_languages(client, tree):
    entries = sitemap_entries(client)
    assert set(entries) == live_pages(tree)
    assert "http://testserver/en/about/team/" in entries


def test_sitemap_gives_each_page_its_translations_as_alternates(client, tree):
    entries = sitemap_entries(client)
    assert entries["http://testserver/de/ueber-uns/"] == {
        "de": "http://testserver/de/ueber-uns/",
        "en": "http://testserver/en/about/",
    }


def test_sitemap_leaves_out_unpublished_pages(client, tree):
    home = tree.german_home
    draft = home.add_child(instance=StandardPage(title="Entwurf", slug="entwurf", live=False))
    assert "http://testserver/de/entwurf/" not in sitemap_entries(client)
    draft.save_revision().publish()
    assert "http://testserver/de/entwurf/" in sitemap_entries(client)


def test_robots_txt_points_to_the_sitemap(client, tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_search_results_are_not_indexed_but_the_search_page_is(client, tree):
    robots = '<meta name="robots" content="noindex, follow">'
    assert robots in client.get("/de/suche/?q=Netzwerk").content.decode()
    assert robots in client.get("/en/search/?q=network").content.decode()
    assert robots not in client.get("/de/suche/").content.decode()
    assert robots not in client.get("/de/").content.decode()


def test_robots_txt_does_not_reveal_the_admin_path(client, settings):
    # The admin's address is configurable so that it need not be guessed; robots.txt is public.
    assert settings.ADMIN_PATH == "admin"
    assert "admin" not in client.get("/robots.txt").content.decode()


def test_sitemap_addresses_are_the_pages_own_also_for_slugs_with_umlauts(client, tree):
    home = tree.german_home
    # Published before new addresses wrote umlauts out (core.slugs): such an address stays as it is.
    published = timezone.now()
    page = home.add_child(
        instance=StandardPage(title="Straßenbahn", slug="straßenbahn-über", first_published_at=published)
    )
    child = page.add_child(
        instance=StandardPage(title="Haltestelle", slug="haltestelle-süd", first_published_at=published)
    )
    entries = sitemap_entries(client)
    assert page.get_full_url() == "http://testserver/de/stra%C3%9Fenbahn-%C3%BCber/"
    assert page.get_full_url() in entries
    assert child.get_full_url() in entries


def test_sitemap_pages_are_written_as_djangos_sitemap_template_writes_them(client, rf, tree):
    """seo.sitemaps.SitemapXml stands in for Django's template: byte for byte the same answer."""
    import datetime

    from django.template import loader

    from seo.sitemaps import SitemapXml

    def both(urlset):
        return loader.get_template("sitemap.xml").render({"urlset": urlset}), SitemapXml().render({"urlset": urlset})

    late_evening_utc = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)  # 2 March in Bochum
    urlset = [
        {
            "location": "http://testserver/de/a?x=1&y='2'",
            "lastmod": late_evening_utc,
            "changefreq": "weekly",
            "priority": "0.5",  # as Django's Sitemap passes it
            "alternates": [{"lang_code": "de", "location": "http://testserver/de/a/"}],
        },
        {"location": "http://testserver/en/b/", "lastmod": datetime.date(2026, 1, 2), "alternates": []},
        {"location": "http://testserver/en/c/", "lastmod": None, "changefreq": None, "priority": None},
    ]
    django_output, ours = both(urlset)
    assert ours == django_output
    assert "<lastmod>2026-03-02</lastmod>" in ours
    assert both([])[1] == both([])[0]

    response = client.get("/sitemap-pages.xml")
    from wagtail.contrib.sitemaps.views import sitemap

    from seo.views import sitemaps

    request = rf.get("/sitemap-pages.xml")
    with_template = sitemap(request, sitemaps=sitemaps(), section="pages")
    with_template.render()
    assert response.content == with_template.content
    assert b"<xhtml:link" in response.content
