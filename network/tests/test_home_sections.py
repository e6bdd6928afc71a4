"""The home page shows the focus sectors and networks of its own language: those of the tests' own
site (`directory`, conftest.py), the demo content's offline."""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("directory", "own_site_only")]


def section_links(html, heading_id):
    section = html[html.index(f'id="{heading_id}"') :]
    section = section[: section.index("</section>")]
    links = re.findall(r'<h3 class="card__title"><a href="([^"]+)">(.+?)</a>', section)
    return [(url, title.replace("<wbr>", "")) for url, title in links]  # a title may wrap after a slash


def test_german_home_lists_the_german_sectors_and_networks(client):
    html = client.get("/de/").content.decode()
    sectors = section_links(html, "home-sectors-heading")
    assert sectors == [
        ("/de/fokusbranchen/giessereitechnik/", "Gießereitechnik"),
        ("/de/fokusbranchen/industrielle-dienste/", "Industrielle Dienste"),
    ]
    assert section_links(html, "home-networks-heading") == [("/de/netzwerke/netzwerk-giesserei/", "Netzwerk Gießerei")]


def test_english_home_lists_the_english_sectors_and_networks(client):
    html = client.get("/en/").content.decode()
    sectors = section_links(html, "home-sectors-heading")
    assert ("/en/focus-sectors/foundry-technology/", "Foundry technology") in sectors
    assert len(sectors) == 2 and all(url.startswith("/en/") for url, _ in sectors)
    assert section_links(html, "home-networks-heading") == [("/en/networks/foundry-network/", "Foundry Network")]
