"""Competences as a vocabulary: the company directory shows them in the reader's language, sorted
as a dictionary sorts, filters by them under either language's address and finds companies by a
competence's name or synonym."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.tests.factories import translate_into_english
from localization.translation import english_locale
from network.models import Company, Competence
from pagecache.generation import bump_generation

from .factories import CompanyDirectoryPageFactory, CompanyFactory, CompetenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directories(site_tree):
    german = CompanyDirectoryPageFactory(parent=site_tree.german_home)
    english = translate_into_english(german, title="Companies", slug="companies", intro="Companies in Bochum.")
    return german.url, english.url


def _company(*competences, name=None):
    company = CompanyFactory(**({"name": name} if name else {}))
    company.competences.set(competences)
    company.save()
    return company


def _names(html):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)


def _filter_options(html):
    """(value, label, lang) of each competence the filter offers, in the order shown."""
    select = re.search(r'<select name="competence".*?</select>', html, re.S).group(0)
    return [
        (value, label, lang or None)
        for value, lang, label in re.findall(
            r'<option value="([^"]+)"(?: lang="([^"]+)")?(?: selected)?>([^<]+)</option>', select
        )
    ]


def _card_competences(client, url, company):
    """The competences on the company's card in the directory at `url` (searched by its name, so
    that it is on the first page however many other companies the database holds)."""
    html = client.get(url, {"q": company.name}).content.decode()
    card = html.split(f">{company.name}</a></h2>", 1)[1].split("</article>", 1)[0]
    return re.findall(r'<a href="\?competence=[^"]+"(?: lang="([^"]+)")?>([^<]+)</a>', card)


def test_english_directory_shows_english_competences_only(client, directories):
    etching = CompetenceFactory(name="Ätzen", english="Etching")
    bending = CompetenceFactory(name="Abkanten", group="manufacturing", english="Press braking")
    company = _company(etching, bending)

    html = client.get(directories[1]).content.decode()

    assert {label for _value, label, _lang in _filter_options(html)} >= {"Etching", "Press braking"}
    assert _card_competences(client, directories[1], company) == [("", "Etching"), ("", "Press braking")]
    assert "Ätzen" not in html and "Abkanten" not in html
    assert '<optgroup label="Manufacturing">' in html and "Fertigung" not in html
    german = client.get(directories[0]).content.decode()
    assert _card_competences(client, directories[0], company) == [("", "Abkanten"), ("", "Ätzen")]
    assert '<optgroup label="Fertigung">' in german


def test_a_competence_not_yet_translated_is_left_out_of_the_english_site(client, directories):
    """The English site shows English labels only: until a translator gives it one, a competence
    is neither offered in the filter nor listed on the company's card (the German site shows it)."""
    flanging = CompetenceFactory(name="Bördeln")
    etching = CompetenceFactory(name="Ätzen", english="Etching")
    company = _company(flanging, etching)

    html = client.get(directories[1]).content.decode()

    assert "Bördeln" not in html and "Bordeln" not in html
    assert flanging.slug not in [value for value, _label, _lang in _filter_options(html)]
    assert _card_competences(client, directories[1], company) == [("", "Etching")]
    assert _card_competences(client, directories[0], company) == [("", "Ätzen"), ("", "Bördeln")]


def test_competences_are_sorted_in_the_readers_language_with_accents_folded(client, directories):
    competences = [
        CompetenceFactory(name="Zerspanen", english="Machining"),
        CompetenceFactory(name="Ölen", english="Oiling"),
        CompetenceFactory(name="Ätzen", english="Etching"),
        CompetenceFactory(name="Abkanten", english="Bending"),
        CompetenceFactory(name="Bördeln", english="Flanging"),
        CompetenceFactory(name="Oberflächenprüfung", english="Surface testing"),
    ]
    _company(*competences)
    mine = {"Zerspanen", "Ölen", "Ätzen", "Abkanten", "Bördeln", "Oberflächenprüfung"}

    german = [label for _v, label, _l in _filter_options(client.get(directories[0]).content.decode())]
    assert [label for label in german if label in mine] == [
        "Abkanten",
        "Ätzen",
        "Bördeln",
        "Oberflächenprüfung",
        "Ölen",
        "Zerspanen",
    ]
    english = [label for _v, label, _l in _filter_options(client.get(directories[1]).content.decode())]
    assert [label for label in english if label in {"Machining", "Oiling", "Etching", "Bending", "Flanging"}] == [
        "Bending",
        "Etching",
        "Flanging",
        "Machining",
        "Oiling",
    ]


def test_the_filter_groups_competences_by_group_in_the_readers_language(client, directories):
    _company(
        CompetenceFactory(name="Härten", group="materials", english="Hardening"),
        CompetenceFactory(name="Zerspanen", group="manufacturing", english="Machining"),
    )
    html = client.get(directories[1]).content.decode()
    materials = html.split('<optgroup label="Materials and surfaces">', 1)[1].split("</optgroup>", 1)[0]
    assert ">Hardening</option>" in materials and "Machining" not in materials
    german = client.get(directories[0]).content.decode()
    assert '<optgroup label="Werkstoffe und Oberflächen">' in german


def test_name_search_finds_companies_by_competence_and_synonym(client, directories):
    cutting = CompetenceFactory(
        name="Wasserstrahlschneiden",
        synonyms="Wasserschneiden\nHochdruckschneiden",
        english="Water jet cutting",
        english__synonyms="waterjet, abrasive cutting",
    )
    cutter = _company(cutting, name="Wattenscheid Schneidtechnik GmbH")
    _company(CompetenceFactory(name="Zerspanen"), name="Andere Firma GmbH")

    for url, text in [
        (directories[0], "Wasserschneiden"),
        (directories[0], "hochdruck"),
        (directories[0], "Wasserstrahl"),
        (directories[1], "waterjet"),
        (directories[1], "Water jet"),
        (directories[1], "Wasserschneiden"),  # German words find on the English site too
    ]:
        assert _names(client.get(url, {"q": text}).content.decode()) == [cutter.name], (url, text)
    assert _names(client.get(directories[0], {"q": "Andere"}).content.decode()) == ["Andere Firma GmbH"]
    html = client.get(directories[0]).content.decode()
    assert '<label for="id_q">Name oder Kompetenz</label>' in html


def test_one_filter_address_works_in_both_languages(client, directories):
    welding = CompetenceFactory(name="Unterpulverschweißen", english="Submerged arc welding")
    english = welding.get_translation(english_locale())
    welder = _company(welding)
    _company(CompetenceFactory(name="Zerspanen", english="Machining"))
    assert welding.slug == "unterpulverschweissen" and english.slug == "submerged-arc-welding"

    for url, slug, shown in [
        (directories[0], welding.slug, "unterpulverschweissen"),
        (directories[0], english.slug, "unterpulverschweissen"),
        (directories[1], english.slug, "submerged-arc-welding"),
        (directories[1], welding.slug, "submerged-arc-welding"),
    ]:
        html = client.get(url, {"competence": slug}).content.decode()
        assert _names(html) == [welder.name], (url, slug)
        assert f'<option value="{shown}" selected>' in html, (url, slug)


def test_an_unknown_competence_is_an_error_and_no_list(client, directories):
    _company(CompetenceFactory(name="Zerspanen"))
    html = client.get(directories[1], {"competence": "gibt-es-nicht"}).content.decode()
    assert 'id="id_competence_error"' in html
    assert _names(html) == []


def _queries(client, url):
    """Queries of the page with no cached part (right after a content change)."""
    client.get(url)
    bump_generation()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_english_directory_queries_do_not_grow_with_companies_and_competences(client, directories):
    def grow(count):
        for number in range(count):
            competence = CompetenceFactory(name=f"Kompetenz Z{number}", english=f"Competence Z{number}")
            _company(competence, CompetenceFactory(name=f"Nur deutsch Z{number}"))

    grow(2)
    few = _queries(client, directories[1])
    grow(20)
    assert _queries(client, directories[1]) == few


def test_editors_keep_the_list_and_companies_tick_from_it(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_network_competence:add"),
        {"name": "Rohrbiegen", "group": "manufacturing", "synonyms": "Biegen von Rohren", "slug": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    bending = Competence.objects.get(name="Rohrbiegen")
    assert bending.slug == "rohrbiegen" and bending.locale.language_code == "de"

    listing = client.get(reverse("wagtailsnippets_network_competence:list"), {"q": "Rohren"}).content.decode()
    assert "Rohrbiegen" in listing

    company = CompanyFactory()
    edit = client.get(reverse("wagtailsnippets_network_company:edit", args=[company.pk])).content.decode()
    assert 'type="checkbox" name="competences"' in edit and "Rohrbiegen" in edit
    response = client.post(
        reverse("wagtailsnippets_network_company:edit", args=[company.pk]),
        {
            "name": company.name,
            "description": company.description,
            "city": "Bochum",
            "competences": [bending.pk],
            # Companies have draft state: a change is live once published (here by an administrator).
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Company.objects.get(pk=company.pk).competences.all()) == [bending]
