"""The company directory: all companies, filtered by sector and competence, searched by name.
The companies are the tests' own (`directory`, conftest.py)."""

import re
from urllib.parse import quote

import pytest

from network.models import Company, CompanyDirectoryPage, Competence

from .factories import CompanyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("directory")]


def _names(html):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)


def test_directory_lists_all_companies_alphabetically(client):
    per_page = CompanyDirectoryPage.per_page
    count = Company.objects.filter(locale__language_code="de").count()
    names = []
    for page in range(1, count // per_page + 2):
        names += _names(client.get("/de/unternehmen/", {"page": page}).content.decode())
    assert len(names) == count >= 4
    assert names == sorted(names)
    assert "Dahlhauser Modellbau GmbH" in names and "Stiepeler Formguss GmbH" in names


def test_directory_filters_by_sector(client):
    html = client.get("/de/unternehmen/?sector=industrielle-dienste").content.decode()
    assert set(_names(html)) == {"Leither Gussputzerei GmbH", "Stiepeler Formguss GmbH"}
    assert "Gefundene Unternehmen: 2" in html
    assert '<option value="industrielle-dienste" selected>' in html


def test_english_directory_filters_by_the_english_sector_and_shows_english_text(client):
    html = client.get("/en/companies/?sector=industrial-services").content.decode()
    assert "Leither Gussputzerei GmbH" in _names(html)
    assert len(_names(html)) == 2
    assert "Deburring and blasting of castings." in html
    assert "Entgraten und Strahlen" not in html
    assert "Industrial services" in html  # the card names the sector in English


def _slug(competence):
    return Competence.objects.get(name=competence, locale__language_code="de").slug


def test_directory_filters_by_competence(client):
    patterns = _slug("Modellbau")
    html = client.get(f"/de/unternehmen/?competence={patterns}").content.decode()
    assert _names(html) == ["Dahlhauser Modellbau GmbH"]
    assert f'<option value="{patterns}" selected>Modellbau</option>' in html
    assert f'href="?competence={quote(patterns)}">Modellbau</a>' in html


def test_english_directory_shows_no_german_competence(client):
    """Every competence has its English label: the English directory's filter and cards show no
    German one (names that read the same in both languages aside)."""
    english = {c.translation_key: c.name for c in Competence.objects.filter(locale__language_code="en")}
    german = Competence.objects.filter(locale__language_code="de")
    assert german.count() == len(english) >= 4
    html = client.get("/en/companies/").content.decode()
    shown = re.findall(r"<option[^>]*>([^<]+)</option>", html) + re.findall(r'\?competence=[^"]+">([^<]+)</a>', html)
    assert "Die casting" in shown and "Pattern making" in shown
    for competence in german:
        if competence.name != english[competence.translation_key]:
            assert competence.name not in shown
    assert ' lang="de"' not in html.split("<main", 1)[1]


def test_entgraten_finds_the_company_with_gussputzen(client):
    """A competence's synonym (Entgraten, deburring) finds the companies with the competence."""
    assert _names(client.get("/de/unternehmen/?q=Entgraten").content.decode()) == ["Leither Gussputzerei GmbH"]
    assert _names(client.get("/en/companies/?q=deburring").content.decode()) == ["Leither Gussputzerei GmbH"]


def test_directory_searches_by_name_in_either_language(client):
    assert _names(client.get("/de/unternehmen/?q=dahlhauser").content.decode()) == ["Dahlhauser Modellbau GmbH"]
    assert _names(client.get("/en/companies/?q=HORDELER").content.decode()) == ["Hordeler Gusswerk GmbH"]


def test_filters_combine(client):
    html = client.get(f"/de/unternehmen/?sector=giessereitechnik&competence={_slug('Sandguss')}").content.decode()
    assert _names(html) == ["Hordeler Gusswerk GmbH"]
    html = client.get("/de/unternehmen/?sector=industrielle-dienste&q=Hordeler").content.decode()
    assert _names(html) == []
    assert "Kein Unternehmen passt zu Ihrer Auswahl." in html


def test_unknown_filter_value_shows_an_error_not_a_crash(client):
    response = client.get("/de/unternehmen/?sector=gibt-es-nicht")
    assert response.status_code == 200
    assert 'id="id_sector_error"' in response.content.decode()


def test_each_company_shows_its_networks_and_projects_in_the_pages_language(client):
    html = client.get("/en/companies/?q=Hordeler").content.decode()
    card = html.split(">Hordeler Gusswerk GmbH</a></h2>", 1)[1].split("</article>", 1)[0]
    assert '<a href="/en/networks/foundry-network/">Foundry Network</a>' in card
    assert '<a href="/en/networks/foundry-network/foundry-training-alliance/">Foundry training alliance</a>' in card
    german = client.get("/de/unternehmen/?q=Hordeler").content.decode()
    assert 'href="/de/netzwerke/netzwerk-giesserei/ausbildungsverbund-giesserei/"' in german


def test_directory_pages_through_many_companies(client, directory):
    sector = directory.foundry
    for number in range(30):
        company = CompanyFactory(name=f"Zett Metall {number:02d} GmbH")
        company.sectors.add(sector)
        company.save()
    first = client.get("/de/unternehmen/?sector=giessereitechnik").content.decode()
    assert len(_names(first)) == CompanyDirectoryPage.per_page
    assert "Seite 1 von 2" in first
    assert 'href="?sector=giessereitechnik&amp;page=2" rel="next"' in first
    second = client.get("/de/unternehmen/?sector=giessereitechnik&page=2").content.decode()
    total = Company.objects.filter(locale__language_code="de", sectors=sector).count()
    assert total == 33  # 3 of the directory fixture and 30 new ones
    assert len(_names(second)) == total - CompanyDirectoryPage.per_page
    assert "Zett Metall 29 GmbH" in second


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_name_longer_than_the_field_finds_nothing_and_is_no_error(client, language):
    url = {"de": "/de/unternehmen/", "en": "/en/companies/"}[language]
    html = client.get(url, {"q": "Hordeler Gusswerk GmbH " * 5}).content.decode()
    assert _names(html) == []
    assert "form-field__error" not in html and 'aria-invalid="true"' not in html
    assert 'maxlength="100"' in html


def test_an_unknown_sector_is_an_error_with_no_list_that_ignores_it(client):
    html = client.get("/de/unternehmen/?sector=gibt-es-nicht").content.decode()
    assert "form-field__error" in html
    assert _names(html) == []
