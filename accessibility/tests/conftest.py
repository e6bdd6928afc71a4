from dataclasses import dataclass

import pytest

from home.tests.factories import privacy_and_contact, translate_into_english

from .factories import AccessibilityStatementPageFactory


@dataclass
class Statement:
    german: object
    english: object


@pytest.fixture
def statement(site_tree):
    """The accessibility statement in both languages (/de/barrierefreiheit/ and
    /en/accessibility/) on the test's own site, with the privacy notice its form links to."""
    privacy_and_contact(site_tree)
    german = AccessibilityStatementPageFactory(parent=site_tree.german_home, slug="barrierefreiheit")
    english = translate_into_english(
        german, title="Accessibility statement", slug="accessibility", intro="How accessible this website is."
    )
    return Statement(german, english)
