"""The company directory: all companies, filtered by sector and competence, searched by name."""

import re
from urllib.parse import quote

import pytest

from network.models import Company, CompanyDirectoryPage, Competence, FocusSectorPage

from .factories import CompanyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def _names(html):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)


def test_directory_lists_all_companies_alphabetically(client):
    names = _names(client.get("/de/unternehmen/").content.decode())
    assert len(names) == 10
    assert names == sorted(names)
    assert "Bochumer Fahrzeugelektronik GmbH" in names


def test_directory_filters_by_sector(client):
    html = client.get("/de/unternehmen/?sector=produktionsnahe-dienstleistungen").content.decode()
    assert set(_names(html)) == {
        "Querenburg Engineering GmbH",
        "Linden Logistik Service GmbH",
        "Riemke Industrieservice GmbH",
    }
    assert "Gefundene Unternehmen: 3" in html
    assert '<option value="produktionsnahe-dienstleistungen" selected>' in html


def test_english_directory_filters_by_the_english_sector_and_shows_english_text(client):
    html = client.get("/en/companies/?sector=production-related-services").content.decode()
    assert "Linden Logistik Service GmbH" in _names(html)
    assert len(_names(html)) == 3
    assert "Production logistics, warehousing and just-in-time delivery for industry." in html
    assert "Produktionslogistik" not in html
    assert "Production-related services" in html  # the card names the sector in English


def _slug(competence):
    return Competence.objects.get(name=competence, locale__language_code="de").slug


def test_directory_filters_by_competence(client):
    welding = _slug("Schweißen")
    html = client.get(f"/de/unternehmen/?competence={welding}").content.decode()
    assert _names(html) == ["Stahlbau Gerthe GmbH &amp; Co. KG"]
    assert f'<option value="{welding}" selected>Schweißen</option>' in html
    assert f'href="?competence={quote(welding)}">Schweißen</a>' in html


def test_english_directory_shows_no_german_competence(client):
    """Every demo competence has its English label: the English directory's filter and cards
    show no German one (names that read the same in both languages aside)."""
    english = {c.translation_key: c.name for c in Competence.objects.filter(locale__language_code="en")}
    german = Competence.objects.filter(locale__language_code="de")
    assert german.count() == len(english) > 20
    html = client.get("/en/companies/").content.decode()
    shown = re.findall(r"<option[^>]*>([^<]+)</option>", html) + re.findall(r'\?competence=[^"]+">([^<]+)</a>', html)
    assert "Welding" in shown and "Laser beam cutting" in shown
    for competence in german:
        if competence.name != english[competence.translation_key]:
            assert competence.name not in shown
    assert ' lang="de"' not in html.split("<main", 1)[1]


def test_laserschneiden_finds_the_company_with_laserstrahlschneiden(client):
    assert _names(client.get("/de/unternehmen/?q=Laserschneiden").content.decode()) == [
        "Stahlbau Gerthe GmbH &amp; Co. KG"
    ]
    assert _names(client.get("/en/companies/?q=laser+cutting").content.decode()) == [
        "Stahlbau Gerthe GmbH &amp; Co. KG"
    ]


def test_directory_searches_by_name_in_either_language(client):
    assert _names(client.get("/de/unternehmen/?q=werkzeug").content.decode()) == ["Hiltrop Werkzeugbau GmbH"]
    assert _names(client.get("/en/companies/?q=RUHRTAL").content.decode()) == ["Ruhrtal Antriebstechnik GmbH"]


def test_filters_combine(client):
    html = client.get(f"/de/unternehmen/?sector=metallverarbeitung&competence={_slug('Fräsen')}").content.decode()
    assert _names(html) == ["Weitmar Präzisionsteile GmbH"]
    html = client.get("/de/unternehmen/?sector=produktionsnahe-dienstleistungen&q=Weitmar").content.decode()
    assert _names(html) == []
    assert "Kein Unternehmen passt zu Ihrer Auswahl." in html


def test_unknown_filter_value_shows_an_error_not_a_crash(client):
    response = client.get("/de/unternehmen/?sector=gibt-es-nicht")
    assert response.status_code == 200
    assert 'id="id_sector_error"' in response.content.decode()


def test_each_company_shows_its_networks_and_projects_in_the_pages_language(client):
    html = client.get("/en/companies/?q=Hiltrop").content.decode()
    card = html.split(">Hiltrop Werkzeugbau GmbH</a></h2>", 1)[1].split("</article>", 1)[0]
    assert '<a href="/en/networks/production-network/">Production Network</a>' in card
    assert (
        '<a href="/en/networks/production-network/production-training-alliance/">Production training alliance</a>'
        in card
    )
    german = client.get("/de/unternehmen/?q=Hiltrop").content.decode()
    assert 'href="/de/netzwerke/netzwerk-produktion/ausbildungsverbund-produktion/"' in german


def test_directory_pages_through_many_companies(client):
    sector = FocusSectorPage.objects.get(slug="metallverarbeitung")
    for number in range(30):
        company = CompanyFactory(name=f"Zett Metall {number:02d} GmbH")
        company.sectors.add(sector)
        company.save()
    first = client.get("/de/unternehmen/?sector=metallverarbeitung").content.decode()
    assert len(_names(first)) == CompanyDirectoryPage.per_page
    assert "Seite 1 von 2" in first
    assert 'href="?sector=metallverarbeitung&amp;page=2" rel="next"' in first
    second = client.get("/de/unternehmen/?sector=metallverarbeitung&page=2").content.decode()
    total = Company.objects.filter(locale__language_code="de", sectors=sector).count()
    assert total == 34  # 4 of the demo and 30 new ones
    assert len(_names(second)) == total - CompanyDirectoryPage.per_page
    assert "Zett Metall 29 GmbH" in second


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_name_longer_than_the_field_finds_nothing_and_is_no_error(client, language):
    url = {"de": "/de/unternehmen/", "en": "/en/companies/"}[language]
    html = client.get(url, {"q": "Weitmar Präzisionsteile GmbH " * 5}).content.decode()
    assert _names(html) == []
    assert "form-field__error" not in html and 'aria-invalid="true"' not in html
    assert 'maxlength="100"' in html


def test_an_unknown_sector_is_an_error_with_no_list_that_ignores_it(client):
    html = client.get("/de/unternehmen/?sector=gibt-es-nicht").content.decode()
    assert "form-field__error" in html
    assert _names(html) == []
