from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from network.models import FocusSectorIndexPage, FocusSectorPage, NetworkIndexPage, NetworkPage

from .factories import site_tree


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root_of_a_language_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_general_pages_sit_under_home_or_another_general_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_sectors_and_networks_have_their_own_index(self):
        self.assertAllowedParentPageTypes(FocusSectorIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(FocusSectorPage, {FocusSectorIndexPage})
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})

    def test_a_second_home_page_cannot_be_created_under_a_home_page(self):
        self.assertCanNotCreateAt(HomePage, HomePage)


class GeneralPageCreationTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = site_tree()

    def test_general_page_can_be_created_with_every_body_block(self):
        home = self.tree.german_home
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        self.login()
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Anfahrt",
                    "slug": "anfahrt",
                    "intro": "So finden Sie uns.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Mit dem Bus", "level": "h2"}),
                            ("paragraph", rich_text("<p>Linie 302 bis Ruhr-Universität.</p>")),
                            ("quote", {"quote": "Gut erreichbar.", "attribution": "Ein Besucher"}),
                            ("call_to_action", {"text": "Kontakt", "page": home.pk, "url": ""}),
                        ]
                    ),
                }
            ),
        )
