"""A bilingual network of the tests' own, below the site of `site_tree` (conftest.py).

Its names are not the demo content's ("Netzwerk Gießerei"/"Foundry Network"), so a test that
finds them on a page found the test's own objects, whether the demo content is loaded or not."""

from dataclasses import dataclass

import pytest

from home.tests.factories import privacy_and_contact, translate_into_english

from .factories import NetworkIndexPageFactory, NetworkPageFactory


@dataclass
class NetworkTree:
    site_tree: object
    german_index: object
    english_index: object
    german_network: object
    english_network: object
    german_privacy: object
    english_privacy: object


@pytest.fixture
def network_tree(site_tree):
    """Networks ("Netzwerke"/"Networks") with the foundry network in both languages, the
    privacy notice ("Datenschutz"/"Privacy") the footer and the participation form link to, and
    the initiative's contact details (requests nobody is assigned to go to info@example.org)."""
    german_home = site_tree.german_home
    privacy, english_privacy = privacy_and_contact(site_tree)
    index = NetworkIndexPageFactory(
        parent=german_home, intro="Netzwerke, in denen Unternehmen gemeinsam mehr erreichen."
    )
    english_index = translate_into_english(
        index, title="Networks", slug="networks", intro="Networks in which companies achieve more together."
    )
    network = NetworkPageFactory(
        parent=index,
        title="Netzwerk Gießerei",
        slug="netzwerk-giesserei",
        intro="Das Netzwerk der Gießereien in Bochum.",
    )
    english_network = translate_into_english(
        network, title="Foundry Network", slug="foundry-network", intro="The network of Bochum's foundries."
    )
    return NetworkTree(site_tree, index, english_index, network, english_network, privacy, english_privacy)
