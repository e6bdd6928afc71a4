"""The site search: one page per language, only live pages of that language, any query
returns a normal page, German and English stemming on PostgreSQL. The pages searched are the
tests' own (search_site, conftest.py)."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, Site

from home.models import StandardPage
from network.models import Company, MeetingPage
from news.models import NewsArticlePage
from search.backend import ordered_keys
from search.models import SearchPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_site")]


def result_titles(response):
    assert response.status_code == 200
    return re.findall(r'<h3 class="search-result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_german_search_finds_german_pages_only(client):
    titles = result_titles(client.get("/de/suche/", {"q": "Netzwerk Gießerei"}))
    assert "Netzwerk Gießerei: Gemeinsam mehr erreichen" in titles
    assert "Netzwerk Gießerei" in titles
    assert not any("Foundry" in title for title in titles)


def test_english_search_finds_english_pages_only(client):
    titles = result_titles(client.get("/en/search/", {"q": "foundry network"}))
    assert "Foundry Network: achieving more together" in titles
    assert not any("Netzwerk" in title for title in titles)


def test_result_shows_title_type_date_and_snippet(client):
    html = client.get("/en/search/", {"q": "kick-off meeting moderated"}).content.decode()
    result = html[html.index('<li class="search-result">') :]
    result = result[: result.index("</li>")]
    assert ">Foundry Network: achieving more together</a>" in result
    assert '<span class="search-result__type">News</span>' in result
    assert '<time datetime="1990-11-06">6 November 1990</time>' in result
    assert "call to the <mark>kick-off</mark> <mark>meeting</mark> at the Technologie-Zentrum Ruhr" in result


def results_html(response):
    """The list of page results a visitor sees."""
    assert response.status_code == 200
    html = response.content.decode()
    if '<ol class="search-results"' not in html:
        return ""
    start = html.index('<ol class="search-results"')
    return html[start : html.index("</ol>", start)]


def home_of(language):
    """The home page of `language` on the test's site (search_site)."""
    german = Site.objects.get(is_default_site=True).root_page
    return german if language == "de" else german.get_translation(Locale.objects.get(language_code=language))


def add_page(language, title, intro):
    home = home_of(language)
    return home.add_child(instance=StandardPage(title=title, slug=title.lower().replace(" ", "-"), intro=intro))


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Zulieferer", True),  # the beginning of a compound
        ("Stammtisch", True),  # its end
        ("stammtische zulieferer", True),
        ("Stamm", True),  # a prefix of its end
        ("Zuliefererstammtische", True),
        ("Stammtischs", True),
        ("sch", False),  # less than the four letters a word must have to match inside another
        ("Zuliefererbörse", False),
    ],
)
def test_a_word_finds_the_compounds_that_begin_or_end_with_it(client, query, found):
    add_page("de", "Jahresbericht", "Alle Zuliefererstammtische des Jahres im Überblick.")
    assert ("Jahresbericht" in result_titles(client.get("/de/suche/", {"q": query}))) is found


@pytest.mark.parametrize(
    ("language", "url", "label"), [("de", "/de/suche/", "Netzwerktreffen"), ("en", "/en/search/", "Network meeting")]
)
def test_meetings_show_their_own_date(client, search_site, language, url, label):
    meetings = {"de": search_site.german_meetings, "en": search_site.english_meetings}[language]
    assert len(meetings) == 3
    for meeting in meetings:
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        html = results_html(client.get(url, {"q": f'"{meeting.title}"'}))
        item = html[html.index(f">{meeting.title}</a>") :]
        meta = item[: item.index("</p>")]
        assert f'<span class="search-result__type">{label}</span>' in meta
        assert f'<time datetime="{meeting.start_local:%Y-%m-%d}">' in meta, meta
        assert meeting.start_local.date() != meeting.first_published_at.date()


def test_meetings_are_found_by_the_end_of_their_compound(client):
    titles = result_titles(client.get("/de/suche/", {"q": "treffen", "sort": "date"}))
    assert {"Auftakttreffen des Netzwerks Gießerei", "Zweites Gusstreffen", "Offenes Gusstreffen"} <= set(titles)


def test_english_results_name_types_in_plain_english(client):
    html = results_html(client.get("/en/search/", {"q": "meeting"}))
    types = set(re.findall(r'<span class="search-result__type">([^<]+)</span>', html))
    assert "Network meeting" in types and "News" in types
    assert types <= {"Page", "News", "Network meeting", "Network", "Cooperation project", "Focus sector"}


@pytest.mark.parametrize(("url", "query"), [("/de/suche/", "Netzwerk"), ("/en/search/", "network")])
def test_every_result_has_a_type_a_visitor_understands_and_an_excerpt(client, url, query):
    # Text in the body only, no summary (today's legal pages have none).
    home = home_of(url[1:3])
    body = [("paragraph", f"<p>Lorem ipsum dolor sit amet, {query} consectetur adipiscing elit.</p>")]
    home.add_child(instance=StandardPage(title="Lorem ipsum", slug="lorem-ipsum", body=body))
    response = client.get(url, {"q": query})
    assert "Lorem ipsum" in result_titles(response)
    html = results_html(response)
    items = html.split('<li class="search-result">')[1:]
    assert len(items) >= 5
    for item in items:
        snippet = re.search(r'<p class="search-result__snippet">(.+?)</p>', item, re.S)
        assert snippet and len(snippet.group(1).split()) >= 5, item
        assert "<mark>" in snippet.group(1), item
    for jargon in ("Allgemeine Inhaltsseite", "General content page", "Nachrichtenartikel", "News article"):
        assert jargon not in html


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ('"Netzwerk Gießerei"', "Netzwerk Gießerei", "Gießerei im Netzwerk"),
        ("„Netzwerk planen“", "Gießerei im Netzwerk", "Netzwerk Gießerei"),
        ("Netzwerk Gießerei", "Gießerei im Netzwerk", None),
    ],
)
def test_words_in_quotes_match_as_a_phrase(client, query, found, not_found):
    add_page("de", "Gießerei im Netzwerk", "Wie Betriebe ihre Gießerei im Netzwerk planen.")
    titles = result_titles(client.get("/de/suche/", {"q": query}))
    assert found in titles
    assert not_found not in titles


def test_english_search_that_only_german_pages_match_links_to_the_german_results(client):
    response = client.get("/en/search/", {"q": "Gusstreffen"})
    html = response.content.decode()
    assert result_titles(response) == []
    assert "No results for this search." in html
    link = re.search(r'Results in German: (\d+)\s+<a href="([^"]+)" hreflang="de">([^<]+)</a>', html)
    assert link, html[html.index('id="results-title"') :]
    assert link.group(2) == "/de/suche/?q=gusstreffen"
    assert link.group(3) == "Show the results in German"
    german = client.get(link.group(2))
    assert int(link.group(1)) == results_count(german) >= 2
    assert "Zweites Gusstreffen" not in html  # no German result mixed in


def test_german_search_that_only_english_pages_match_links_to_the_english_results(client):
    response = client.get("/de/suche/", {"q": "workshop"})
    assert result_titles(response) == []
    html = response.content.decode()
    link = re.search(
        r"Treffer auf Englisch: \d+\s+"
        r'<a href="/en/search/\?q=workshop" hreflang="en">Ergebnisse auf Englisch zeigen</a>',
        html,
    )
    assert link, html[html.index('id="results-title"') :]


def test_a_search_that_matches_in_no_language_offers_no_other_language(client):
    html = client.get("/en/search/", {"q": "Zyxwvut"}).content.decode()
    assert "No results for this search." in html
    assert "Results in" not in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        'Netzwerk "Produktion',
        "'; DROP TABLE wagtailcore_page; --",
        "1 OR 1=1",
        "😀🏭 Netzwerk",
        "Netz\x00werk\x07\x1b",
        "NEAR(a b) AND OR NOT * ^ -",
        "%_\\",
        "<script>alert(1)</script>",
    ],
)
@pytest.mark.parametrize("url", ["/de/suche/", "/en/search/"])
def test_any_query_returns_a_normal_page(client, url, query):
    response = client.get(url, {"q": query, "page": "x", "sort": "%%"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html and "<script>alert(1)" not in html


def test_empty_query_asks_for_a_term(client):
    assert "Geben Sie einen Suchbegriff ein." in client.get("/de/suche/").content.decode()
    assert "Enter a search term." in client.get("/en/search/?q=").content.decode()


def test_ten_results_per_page_and_pagination_keeps_the_query(client):
    home = home_of("de")
    for number in range(12):
        home.add_child(instance=StandardPage(title=f"Kaltwalzwerk {number}", slug=f"kaltwalzwerk-{number}"))
    first = client.get("/de/suche/", {"q": "Kaltwalzwerk"})
    assert len(result_titles(first)) == 10
    assert 'href="?q=Kaltwalzwerk&amp;page=2"' in first.content.decode()
    assert len(result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk", "page": "2"}))) == 2


def test_newest_first_orders_by_publication(client):
    titles = result_titles(client.get("/de/suche/", {"q": "Netzwerk Gießerei", "sort": "date"}))
    assert titles.index("Netzwerk Gießerei: zweites Treffen mit ersten Projekten") < titles.index(
        "Netzwerk Gießerei: Gemeinsam mehr erreichen"
    )


def test_newest_first_pages_through_pages_published_at_the_same_time_once_each(client, monkeypatch):
    monkeypatch.setattr("search.models.SEARCH_RESULTS_PER_PAGE", 3)
    home = home_of("de")
    for number in range(11):
        home.add_child(instance=StandardPage(title=f"Kaltwalzwerk {number}", slug=f"kaltwalzwerk-{number}"))
    StandardPage.objects.filter(title__startswith="Kaltwalzwerk").update(first_published_at="2020-01-01T00:00Z")
    seen = []
    for number in range(1, 5):
        seen += result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk", "sort": "date", "page": number}))
    assert sorted(seen) == sorted(f"Kaltwalzwerk {number}" for number in range(11))


def test_every_page_has_a_labelled_search_field_in_the_header(client):
    for url, action in [("/de/datenschutz/", "/de/suche/"), ("/en/news/", "/en/search/")]:
        html = client.get(url).content.decode()
        header = html[html.index('<header class="site-header">') : html.index("</header>")]
        name = {"/de/suche/": "Website durchsuchen", "/en/search/": "Search the site"}[action]
        assert f'<form class="site-search" role="search" aria-label="{name}" method="get" action="{action}">' in header
        assert '<label class="visually-hidden" for="site-search-q">' in header


@pytest.mark.parametrize(
    ("url", "header_name", "page_name"),
    [
        ("/de/suche/", "Website durchsuchen", "Suchen und Ergebnisse sortieren"),
        ("/en/search/", "Search the site", "Search and sort the results"),
    ],
)
def test_search_page_names_its_two_search_landmarks_apart(client, url, header_name, page_name):
    html = client.get(url, {"q": "Netzwerk"}).content.decode()
    names = re.findall(r'<form [^>]*role="search"[^>]*aria-label="([^"]+)"', html)
    assert names == [header_name, page_name]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search dictionaries")
def test_german_and_english_stemming_on_postgresql(client):
    german_home = home_of("de")
    german_home.add_child(
        instance=StandardPage(title="Werkbank", slug="werkbank", intro="Die Werkbank des Unternehmens steht bereit.")
    )
    english_home = home_of("en")
    english_home.add_child(
        instance=StandardPage(title="Workbench", slug="workbench", intro="The company's workbenches are ready.")
    )
    assert result_titles(client.get("/de/suche/", {"q": "Unternehmen Werkbank"})) == ["Werkbank"]
    assert result_titles(client.get("/en/search/", {"q": "companies workbench"})) == ["Workbench"]


def company_results(response):
    html = response.content.decode()
    if "Companies in the directory" not in html and "Unternehmen im Verzeichnis" not in html:
        return []
    section = html[html.index('id="company-results-title"') :]
    return re.findall(r'<h3 class="search-result__title"><a href="([^"]+)">([^<]+)</a>', section)


def test_search_finds_companies_of_its_language_and_links_to_their_pages(client):
    german = company_results(client.get("/de/suche/", {"q": "Kokillenguss"}))
    assert german == [("/de/unternehmen/hordeler-gusswerk-gmbh/", "Hordeler Gusswerk GmbH")]
    english = company_results(client.get("/en/search/", {"q": "die casting"}))
    assert english == [("/en/companies/hordeler-gusswerk-gmbh/", "Hordeler Gusswerk GmbH")]
    assert company_results(client.get("/en/search/", {"q": "Kokillenguss"})) == []


def test_long_result_lists_link_the_first_last_and_nearby_pages_only(client, monkeypatch):
    monkeypatch.setattr("search.models.SEARCH_RESULTS_PER_PAGE", 1)
    home = home_of("de")
    for number in range(30):
        home.add_child(instance=StandardPage(title=f"Kaltwalzwerk {number}", slug=f"kaltwalzwerk-{number}"))
    html = client.get("/de/suche/", {"q": "Kaltwalzwerk", "page": "15"}).content.decode()
    navigation = html[
        html.index('<nav class="pagination"') : html.index("</nav>", html.index('<nav class="pagination"'))
    ]
    linked = [int(number) for number in re.findall(r"page=(\d+)\"><span", navigation)]
    assert linked == [1, 13, 14, 16, 17, 30]
    assert re.search(r'<span aria-current="page"><span class="visually-hidden">Seite </span>15</span>', navigation)
    assert navigation.count('<li class="pagination-gap" aria-hidden="true">…</li>') == 2
    assert 'href="?q=Kaltwalzwerk&amp;page=14" rel="prev"' in navigation
    assert 'href="?q=Kaltwalzwerk&amp;page=16" rel="next"' in navigation


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
@pytest.mark.parametrize("language", ["de", "en"])
def test_search_matches_the_expression_of_the_gin_index_on_postgresql(language):
    # The backend must match on the indexed expression (home migration 0006), or every search
    # reads the whole index table.
    sql = str(SearchPage.objects.live().get(locale__language_code=language).search("netzwerk").get_queryset().query)
    vector = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")'
    assert f"{vector} @@" in sql
    assert f"{vector} AS" not in sql  # filtered on, not selected for every match
    with connection.cursor() as cursor:
        # Tiny test tables are cheaper to scan; the planner is told not to.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry"
            ' WHERE ("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")'
            " @@ to_tsquery('german', 'x')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "home_search_indexentry_vector_gin" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ranking on the index table is PostgreSQL's")
@pytest.mark.parametrize(
    ("language", "query"), [("de", "netzwerk"), ("de", "netzwerk produktion"), ("en", "network"), ("en", "bochum")]
)
def test_results_ranked_on_the_index_table_in_the_order_of_the_joined_query(language, query):
    # search.backend.ordered_keys ranks on the index table alone; the compiler's search() ranks
    # the index rows joined to the pages, as modelsearch does. Same pages, same order.
    home = home_of(language)
    for number in range(16):
        home.add_child(
            instance=StandardPage(title=f"{query} {number}", slug=f"extra-{number}", intro=" ".join([query] * number))
        )
    results = SearchPage.objects.live().get(locale__language_code=language).search(query)
    assert results.count() > 15
    compiler = results.query_compiler
    assert compiler.ranked_entries(compiler.get_config(results.backend)) is not None
    for start in (0, 10):
        joined = compiler.search(compiler.get_config(results.backend), start, start + 10)
        ranked = ordered_keys(results, start, start + 10)
        assert [pk for pk, _type in ranked] == [page.pk for page in joined]


# Results kept per content generation (SearchPage.find): the same as searching afresh, and
# fresh at once after any change.


def add_kaltwalzwerke(count, language="de"):
    home = home_of(language)
    return [
        home.add_child(instance=StandardPage(title=f"Kaltwalzwerk {number}", slug=f"kaltwalzwerk-{number}"))
        for number in range(count)
    ]


def all_result_titles(client, params):
    titles, number = [], 1
    while True:
        response = client.get("/de/suche/", {**params, "page": number})
        page_titles = result_titles(response)
        titles.append(page_titles)
        if f"page={number + 1}" not in response.content.decode():
            return titles
        number += 1


def results_count(response):
    return int(re.search(r'<p role="status">Treffer: (\d+)</p>', response.content.decode()).group(1))


@pytest.mark.parametrize("newest_first", [False, True])
def test_result_pages_show_every_match_once_in_the_order_and_number_of_a_fresh_search(
    client, monkeypatch, newest_first
):
    monkeypatch.setattr("search.models.SEARCH_RESULTS_PER_PAGE", 3)
    pages = add_kaltwalzwerke(11)
    for number, page in enumerate(pages):
        # Relevance differs (the word repeated), and so do publication times, with ties.
        page.intro = " ".join(["Kaltwalzwerk"] * (number % 4))
        page.first_published_at = f"2020-01-0{1 + number % 3}T00:00Z"
        page.save_revision().publish()
    params = {"q": "Kaltwalzwerk", "sort": "date" if newest_first else "relevance"}
    all_result_titles(client, {"q": "Kaltwalzwerk", "sort": "relevance" if newest_first else "date"})
    result_pages = all_result_titles(client, params)
    assert [len(titles) for titles in result_pages] == [3, 3, 3, 2]
    shown = [title for titles in result_pages for title in titles]
    assert len(set(shown)) == 11  # no two result pages share a match
    fresh = SearchPage.objects.live().get(locale__language_code="de").search("kaltwalzwerk", newest_first)
    assert shown == [page.specific.title for page in fresh]
    assert results_count(client.get("/de/suche/", params)) == 11


def test_published_unpublished_and_changed_pages_show_in_the_results_at_once(client):
    add_kaltwalzwerke(2)
    assert sorted(result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk"}))) == [
        "Kaltwalzwerk 0",
        "Kaltwalzwerk 1",
    ]
    home = home_of("de")
    new = home.add_child(instance=StandardPage(title="Neues Kaltwalzwerk", slug="neues-kaltwalzwerk", live=False))
    assert "Neues Kaltwalzwerk" not in result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk"}))
    new.save_revision().publish()
    response = client.get("/de/suche/", {"q": "Kaltwalzwerk"})
    assert "Neues Kaltwalzwerk" in result_titles(response)
    assert results_count(response) == 3
    StandardPage.objects.get(title="Kaltwalzwerk 0").unpublish()
    response = client.get("/de/suche/", {"q": "Kaltwalzwerk"})
    assert sorted(result_titles(response)) == ["Kaltwalzwerk 1", "Neues Kaltwalzwerk"]
    assert results_count(response) == 2
    renamed = StandardPage.objects.get(title="Kaltwalzwerk 1")
    renamed.title = "Kaltwalzwerk Eins"
    renamed.save_revision().publish()
    assert sorted(result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk"}))) == [
        "Kaltwalzwerk Eins",
        "Neues Kaltwalzwerk",
    ]


def test_a_changed_company_shows_at_once_among_the_company_results(client, search_site):
    assert company_results(client.get("/de/suche/", {"q": "Kokillenguss"}))
    company = Company.objects.get(pk=search_site.company.pk)
    company.name = "Hordeler Formguss GmbH"
    company.save()
    assert [name for _url, name in company_results(client.get("/de/suche/", {"q": "Kokillenguss"}))] == [
        "Hordeler Formguss GmbH"
    ]


def test_each_language_keeps_its_own_results(client):
    add_kaltwalzwerke(1, "de")
    add_kaltwalzwerke(2, "en")
    assert result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk"})) == ["Kaltwalzwerk 0"]
    assert sorted(result_titles(client.get("/en/search/", {"q": "Kaltwalzwerk"}))) == [
        "Kaltwalzwerk 0",
        "Kaltwalzwerk 1",
    ]
    assert result_titles(client.get("/de/suche/", {"q": "Kaltwalzwerk"})) == ["Kaltwalzwerk 0"]


def queries_of(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/de/suche/", params)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def test_another_result_page_reads_only_its_pages_and_a_repeated_one_nothing_of_its_own(client):
    add_kaltwalzwerke(12)
    client.get("/de/suche/")  # navigation, footer and the like, the same for every page
    without_search = queries_of(client, {})
    first = queries_of(client, {"q": "Kaltwalzwerk"})
    assert any("wagtailsearch_indexentry" in sql for sql in first)
    # Page 2 of the same search: the pages it shows, all of one page type, in one query, and
    # their indexed texts for the excerpts in another.
    second_page = queries_of(client, {"q": "Kaltwalzwerk", "page": "2"})
    assert len(second_page) == len(without_search) + 2, second_page
    assert sum("wagtailsearch_indexentry" in sql for sql in second_page) == 1
    # The same page again: its results are kept as a fragment.
    assert len(queries_of(client, {"q": "Kaltwalzwerk"})) == len(without_search)
    assert len(first) > len(second_page)


def test_result_pages_beyond_the_kept_matches_are_read_from_the_database(client, monkeypatch):
    monkeypatch.setattr("search.models.SEARCH_RESULTS_PER_PAGE", 3)
    monkeypatch.setattr("search.models.SEARCH_CACHED_MATCHES", 4)
    add_kaltwalzwerke(11)
    result_pages = all_result_titles(client, {"q": "Kaltwalzwerk"})
    shown = [title for titles in result_pages for title in titles]
    fresh = SearchPage.objects.live().get(locale__language_code="de").search("kaltwalzwerk")
    assert shown == [page.specific.title for page in fresh]
    assert results_count(client.get("/de/suche/", {"q": "Kaltwalzwerk", "page": "4"})) == 11


def test_results_of_many_page_types_are_read_in_the_same_few_queries(django_assert_num_queries):
    """One query for the pages whatever their types, and one for each type with a date of its
    own (meetings, articles): a new page type among the results costs nothing more."""
    from django.contrib.contenttypes.models import ContentType

    from search.models import shown_pages

    undated = {}
    for page in Page.objects.live().filter(locale__language_code="de").exclude(depth=1):
        model = page.specific_class
        if getattr(model, "search_result_date", None) is None:
            undated.setdefault(page.content_type_id, (page.pk, page.content_type_id))
    dated = [
        (page.pk, page.content_type_id)
        for model in (MeetingPage, NewsArticlePage)
        for page in [model.objects.live().filter(locale__language_code="de").first()]
    ]
    keys = list(undated.values())
    assert len(keys) >= 8  # home, general, search, sector index and page, networks, directory, ...
    for _pk, content_type_id in keys + dated:
        ContentType.objects.get_for_id(content_type_id)  # kept for the process after the first use
    with django_assert_num_queries(1):
        assert [page.pk for page in shown_pages(keys)] == [pk for pk, _type in keys]
    with django_assert_num_queries(3):
        shown = shown_pages(keys + dated)
    meeting, article = shown[-2:]
    assert meeting.result_date == MeetingPage.objects.get(pk=meeting.pk).start
    assert article.result_date == NewsArticlePage.objects.get(pk=article.pk).date
