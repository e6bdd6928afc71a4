"""A page per company below the company directory, in both languages, and the directory's filters
by district and size: what a company looking for a partner next door reads."""

import json
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.tests.factories import translate_into_english
from network.models import Company, NetworkMember

from .factories import (
    CompanyDirectoryPageFactory,
    CompanyFactory,
    CompetenceFactory,
    ContactPersonFactory,
    FocusSectorIndexPageFactory,
    FocusSectorPageFactory,
    NetworkIndexPageFactory,
    NetworkPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_tree):
    german = CompanyDirectoryPageFactory(parent=site_tree.german_home)
    english = translate_into_english(german, title="Companies", slug="companies", intro="Companies in Bochum.")
    sectors = FocusSectorIndexPageFactory(parent=site_tree.german_home)
    sector = FocusSectorPageFactory(parent=sectors, title="Metallverarbeitung", slug="metallverarbeitung")
    translate_into_english(sectors, title="Focus sectors", slug="focus-sectors", intro="Sectors.")
    translate_into_english(sector, title="Metalworking", slug="metalworking", intro="Metal.")
    laser = CompetenceFactory(name="Laserschneiden", english="Laser cutting")
    person = ContactPersonFactory(name="Frieda Beispiel", role="Vertrieb", email="frieda@example.org")
    company = CompanyFactory(
        name="Gerther Blechtechnik GmbH",
        description="Lasergeschnittene Bleche für den Maschinenbau.",
        street="Lothringer Straße 36",
        postcode="44805",
        district="gerthe",
        size="50-249",
        certifications="ISO 9001",
        website="https://blech.example.org/",
        contact_person=person,
        contact_person_agreed=True,
    )
    company.sectors.set([sector])
    company.competences.set([laser])
    company.save()
    translate_into_english(
        company,
        name="Gerther Blechtechnik GmbH",
        description="Laser-cut sheet metal for machine builders.",
        city="Bochum",
        certifications="ISO 9001",
    )
    other = CompanyFactory(name="Lindener Dreherei GmbH", district="linden", size="1-9")
    return {"german": german, "english": english, "company": company, "other": other, "person": person}


def test_a_company_gets_an_address_made_from_its_name_that_no_other_company_has():
    first = CompanyFactory(name="Müller & Söhne Präzision GmbH")
    second = CompanyFactory(name="Müller & Söhne Präzision GmbH")
    assert first.slug == "mueller-soehne-praezision-gmbh"
    assert second.slug == "mueller-soehne-praezision-gmbh-2"


def test_the_german_company_page_shows_address_district_size_competences_and_contact(client, site):
    response = client.get(site["german"].url + "gerther-blechtechnik-gmbh/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Gerther Blechtechnik GmbH</h1>" in html
    assert "Lasergeschnittene Bleche für den Maschinenbau." in html
    assert "Lothringer Straße 36<br>44805 Bochum<br>Stadtteil: Gerthe" in html
    assert "50–249 Beschäftigte" in html
    assert ">Laserschneiden</a>" in html
    assert ">Metallverarbeitung</a>" in html
    assert "ISO 9001" in html
    assert "Frieda Beispiel" in html and "frieda@example.org" in html
    assert "<title>Gerther Blechtechnik GmbH" in html
    # The way back: the directory is a link in the breadcrumb, the company the current entry.
    assert re.search(r'<a href="[^"]+">Unternehmen</a></li>\s*<li><span aria-current="page">Gerther', html)


def test_the_english_company_page_is_english_throughout(client, site):
    html = client.get(site["english"].url + "gerther-blechtechnik-gmbh/").content.decode()
    assert "Laser-cut sheet metal for machine builders." in html
    assert "50–249 employees" in html
    assert "District: Gerthe" in html
    assert ">Laser cutting</a>" in html
    assert ">Metalworking</a>" in html
    for german in ("Beschäftigte", "Stadtteil", "Laserschneiden", "Lasergeschnittene", "Alle Unternehmen"):
        assert german not in html


def test_the_language_switch_and_the_canonical_address_lead_to_the_company_not_the_list(client, site):
    html = client.get(site["german"].url + "gerther-blechtechnik-gmbh/").content.decode()
    english = site["english"].url + "gerther-blechtechnik-gmbh/"
    assert f'hreflang="en" href="http://testserver{english}"' in html
    assert f'<link rel="canonical" href="http://testserver{site["german"].url}gerther-blechtechnik-gmbh/">' in html
    # The language switch, a link of its own (the alternate above is an absolute address).
    assert f'href="{english}"' in html


def test_the_contact_person_is_shown_only_with_their_agreement(client, site):
    Company.objects.filter(translation_key=site["company"].translation_key).update(contact_person_agreed=False)
    html = client.get(site["german"].url + "gerther-blechtechnik-gmbh/").content.decode()
    assert "Frieda Beispiel" not in html
    assert "frieda@example.org" not in html


def test_search_engines_read_the_company_as_an_organization_with_its_address(client, site):
    html = client.get(site["english"].url + "gerther-blechtechnik-gmbh/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Gerther Blechtechnik GmbH"
    assert data["url"] == f"http://testserver{site['english'].url}gerther-blechtechnik-gmbh/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Lothringer Straße 36",
        "postalCode": "44805",
        "addressLocality": "Bochum",
        "addressCountry": "DE",
    }


def test_an_unknown_company_is_not_found(client, site):
    assert client.get(site["german"].url + "keine-solche-firma/").status_code == 404


def test_the_directory_links_each_card_to_its_company(client, site):
    html = client.get(site["english"].url).content.decode()
    assert f'<a href="{site["english"].url}gerther-blechtechnik-gmbh/">Gerther Blechtechnik GmbH</a>' in html


OURS = {"Gerther Blechtechnik GmbH", "Lindener Dreherei GmbH"}


def _names(response):
    """The test's own companies listed (other tests' database may hold the demo's as well)."""
    assert response.status_code == 200
    names = re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())
    return [name for name in names if name in OURS]


def test_the_directory_filters_by_district_and_by_size_each_at_its_own_address(client, site):
    url = site["german"].url
    assert _names(client.get(url)) == ["Gerther Blechtechnik GmbH", "Lindener Dreherei GmbH"]
    assert _names(client.get(url, {"district": "gerthe"})) == ["Gerther Blechtechnik GmbH"]
    assert _names(client.get(url, {"district": "linden"})) == ["Lindener Dreherei GmbH"]
    assert _names(client.get(url, {"size": "1-9"})) == ["Lindener Dreherei GmbH"]
    assert _names(client.get(url, {"district": "linden", "size": "50-249"})) == []
    html = client.get(url, {"district": "gerthe"}).content.decode()
    # The choice is shown as made, the districts grouped by borough.
    assert '<optgroup label="Bochum-Nord">' in html
    assert '<option value="gerthe" selected>Gerthe</option>' in html


def test_the_company_page_costs_the_same_queries_however_many_networks_and_projects_it_has(client, site):
    url = site["german"].url + "gerther-blechtechnik-gmbh/"
    client.get(url)

    def count():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    index = NetworkIndexPageFactory(parent=site["german"].get_parent())
    for number in range(4):
        network = NetworkPageFactory(parent=index, title=f"Netzwerk {number}", slug=f"netzwerk-{number}")
        NetworkMember.objects.create(page=network, company=site["company"])
    assert "Netzwerk 3" in client.get(url).content.decode()
    assert count() == before


def test_the_sitemap_lists_every_company_page_in_both_languages(client, site, site_tree):
    """Search engines find the company pages (sub-routes of the directory, not pages of their
    own) through /sitemap.xml, each with its other language as an alternate."""
    site_tree.site.hostname, site_tree.site.port = "testserver", 80
    site_tree.site.save()
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-companies.xml" in index

    response = client.get("/sitemap-companies.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    german = "http://testserver/de/unternehmen/gerther-blechtechnik-gmbh/"
    english = "http://testserver/en/companies/gerther-blechtechnik-gmbh/"
    assert f"<loc>{german}</loc>" in xml and f"<loc>{english}</loc>" in xml
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{english}"/>' in xml
    for url in (german, english):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_the_company_sitemap_costs_the_same_queries_for_more_companies(client, site):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap-companies.xml").status_code == 200
        return len(captured)

    few = queries()
    for number in range(30):
        CompanyFactory(name=f"Beispielfirma {number} GmbH")
    assert queries() <= few
