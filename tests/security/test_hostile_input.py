"""Hostile input at every public input: the answer is 200, 30x, 400, 404 or 429 – never a 500 –
and nothing a visitor sent comes back unescaped.

Bounded: each property runs a fixed number of examples (HOSTILE_EXAMPLES), so the suite adds
well under a minute to `make test`."""

import os
import time
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core import signing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site")]

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "25"))
ACCEPTED = {200, 301, 302, 400, 404, 405, 429}
hostile = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Payloads that would run or break out if echoed as they are; each carries a marker.
INJECTIONS = [
    "<script>alert('b2015')</script>",
    "\"><img src=x onerror=alert('b2015')>",
    "'><svg onload=alert('b2015')>",
    "javascript:alert('b2015')",
    "{{ 7|add:'b2015' }}{% debug %}",
    "' OR '1'='1' -- b2015",
    "1; DROP TABLE wagtailcore_page; -- b2015",
    "../../../../etc/passwd",
    "%00%0d%0aSet-Cookie:b2015=1",
    "\x00b2015",
    "${jndi:ldap://b2015}",
]
ECHO_MARKERS = ["<script>alert('b2015')", "onerror=alert('b2015')", "<svg onload=alert('b2015')"]
# No surrogates: a real client cannot send them, and they would fail in the test client itself.
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
numbers_as_text = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["0", "-1", "last", "1e9", "NaN", "inf", "١٢", "１", " 2 ", "2.5", "0x10", "9" * 400]),
)
values = st.one_of(st.sampled_from(INJECTIONS), unicode_text, numbers_as_text, st.just("A" * 5000))


def assert_safe(response, sent=""):
    assert response.status_code in ACCEPTED, (response.status_code, sent)
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        body = response.content.decode(errors="replace")
        for marker in ECHO_MARKERS:
            assert marker not in body, f"echoed unescaped: {sent!r}"


def live_url(model_path, language="de"):
    from django.apps import apps

    model = apps.get_model(model_path)
    page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"the site has no live {model_path} in {language}"
    return page.url


LISTINGS = [
    ("news.NewsIndexPage", ["page", "sector", "tag", "year"]),
    ("network.CompanyDirectoryPage", ["page", "q", "sector", "competence"]),
]


@pytest.mark.parametrize(("model", "parameters"), LISTINGS, ids=[m for m, _ in LISTINGS])
@hostile
@given(data=st.data())
def test_list_filters_search_and_page_numbers_never_fail(client, model, parameters, data):
    language = data.draw(st.sampled_from(["de", "en"]))
    chosen = data.draw(st.lists(st.sampled_from([*parameters, "utm_source", "page[]"]), min_size=1, max_size=4))
    query = {name: data.draw(values) for name in chosen}
    url = f"{live_url(model, language)}?{urlencode(query)}"
    assert_safe(client.get(url), query)


@hostile
@given(
    language=st.sampled_from(["de", "en"]),
    segments=st.lists(st.one_of(unicode_text, st.sampled_from(INJECTIONS)), min_size=1, max_size=4),
)
def test_url_paths_under_both_languages_never_fail(client, language, segments):
    path = f"/{language}/" + "/".join(quote(segment, safe="") for segment in segments) + "/"
    assert_safe(client.get(path), path)


RAW_PATHS = [
    "/de/%",
    "/de/%zz/",
    "/en/%ff%fe/",
    "/de/..%2f..%2fetc%2fpasswd",
    "/de//",
    "/en/" + "a/" * 200,
    "/de/%00/",
    "/de/netzwerke/%2e%2e/",
    "/xx/",
    "/de-DE/",
    "/en/initiative/?page=%00",
    "/de/feed/",
    "/documents/999999/x.pdf",
    "/documents/abc/",
    "/media/original_images/x.jpg",
    "/media/images/../../x",
    "/media/documents/x.pdf",
    "/static/../bochum2015/settings/base.py",
    "/healthz/../admin/",
]


@pytest.mark.parametrize("path", RAW_PATHS)
def test_malformed_and_traversal_paths_get_a_clear_answer(client, path):
    response = client.get(path)
    assert_safe(response, path)
    assert response.status_code != 200 or path.startswith("/en/initiative/")


@hostile
@given(
    header=st.one_of(
        st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=600),
        st.sampled_from(
            [
                "*",
                "de;q=abc",
                "en;q=-1",
                "en-US,en;q=0.9," * 80,
                "zh-Hant-TW",
                "i-klingon",
                "de-DE-u-co-phonebk",
                ";;;,,,",
                "q=1",
            ]
        ),
    )
)
def test_accept_language_headers_never_fail(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] in {"/de/", "/en/"}
    assert_safe(client.get("/de/gibt-es-nicht/", HTTP_ACCEPT_LANGUAGE=header), header)


@hostile
@given(language=st.sampled_from(["de", "en"]), data=st.data())
def test_feed_and_calendar_urls_never_fail(client, language, data):
    from network.models import MeetingPage, NetworkPage

    news = live_url("news.NewsIndexPage", language)
    network = NetworkPage.objects.live().filter(locale__language_code=language).first().url
    meeting = MeetingPage.objects.live().filter(locale__language_code=language).first().url
    junk = quote(data.draw(unicode_text), safe="")
    query = urlencode({data.draw(st.sampled_from(["page", "format", "tag", "x"])): data.draw(values)})
    for url in [
        f"{news}feed/?{query}",
        f"{news}feed/{junk}/",
        f"{network}ical/?{query}",
        f"{meeting}ical/{junk}/",
        f"{network.rstrip('/')}.ics?{query}",
        f"{meeting.rstrip('/')}{junk}.ics",
    ]:
        assert_safe(client.get(url), url)


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt="network.participation.started")


PARTICIPATION_FIELDS = ["company", "contact_name", "email", "phone", "message", "consent", "homepage", "started"]


@hostile
@given(data=st.data())
def test_participation_form_never_fails_on_hostile_fields(client, data):
    from network.models import NetworkPage, ParticipationRequest

    page = NetworkPage.objects.live().filter(locale__language_code=data.draw(st.sampled_from(["de", "en"]))).first()
    form = {
        "company": "Muster GmbH",
        "contact_name": "Erika Muster",
        "email": "erika@example.org",
        "message": "Wir möchten mitmachen.",
        "consent": "on",
        "started": started(),
    }
    for name in data.draw(st.lists(st.sampled_from(PARTICIPATION_FIELDS), min_size=1, max_size=4, unique=True)):
        form[name] = data.draw(values)
    before = ParticipationRequest.objects.count()
    response = client.post(page.participation_url(), form)
    assert_safe(response, form)
    if response.status_code == 200:  # the form again, with its errors: nothing stored
        assert ParticipationRequest.objects.count() == before


@pytest.mark.parametrize(
    ("field", "limit"), [("company", 200), ("contact_name", 200), ("phone", 50), ("message", 3000)]
)
def test_participation_form_rejects_oversized_fields_with_a_field_error(client, field, limit):
    from network.models import NetworkPage, ParticipationRequest

    page = NetworkPage.objects.live().filter(locale__language_code="en").first()
    form = {
        "company": "Muster GmbH",
        "contact_name": "Erika Muster",
        "email": "erika@example.org",
        "message": "We would like to take part.",
        "consent": "on",
        "started": started(),
        field: "x" * (limit + 1),
    }
    response = client.post(page.participation_url(), form)
    assert response.status_code == 200
    assert f"Ensure this value has at most {limit} characters" in response.content.decode()
    assert not ParticipationRequest.objects.exists()


@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [
        ("/de/%00/", "de", "Die Anfrage konnte nicht verarbeitet werden"),
        ("/en/ab%00out/", "en", "The request could not be processed"),
    ],
)
def test_nul_characters_get_a_styled_400_in_the_addresses_language(client, url, language, heading):
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html
