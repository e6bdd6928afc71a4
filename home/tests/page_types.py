"""Wagtail's page assertions for a page type in both languages, on a tree built by factories.

The site serves pages through its own routing (core.serving) and caches parts of pages as
fragments, which a preview must bypass; these assertions go through both."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.blocks import RichTextBlock
from wagtail.fields import StreamField
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield
from wagtail_localize.models import Translation


class ModelBackendClient(Client):
    """Logs in with Django's model backend: Wagtail's assertions log in with the first backend
    of the settings, django-axes' (first as axes requires), which cannot load a user."""

    def force_login(self, user, backend=None):
        super().force_login(user, "django.contrib.auth.backends.ModelBackend")


class PageTypeTestCase(WagtailPageTestCase):
    """`self.tree` is a site of the test class's own (home.tests.factories.site_tree)."""

    client_class = ModelBackendClient

    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        """Wagtail's assertion, for addresses that start with the language (i18n_patterns, which
        Wagtail's own assertion would route as a page slug): the language's home page routes the
        rest of the address to `page`."""
        language = page.locale.language_code
        with translation.override(language):
            path = page.get_url(self.dummy_request)
            self.assertTrue(path.startswith(f"/{language}/"), path)
            path = path.removeprefix(f"/{language}") + route_path.lstrip("/")
            components = [component for component in path.split("/") if component]
            home = page.get_site().root_page.localized.specific
            routed, _args, _kwargs = home.route(self.dummy_request, components)
        self.assertEqual(routed.pk, page.pk, msg)

    def log_in_as_editor(self):
        if not hasattr(self, "editor"):
            self.editor = self.create_superuser("redaktion")
        self.client.force_login(self.editor)

    def assertServedAt(self, page, language):
        """A visitor gets the page at its address, in its language, through the site's routing."""
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200, page.url)
        self.assertEqual(response.context["page"].pk, page.pk)
        self.assertContains(response, f'<html lang="{language}"')
        self.assertContains(response, page.title)
        for syntax in ("{#", "#}", "{%", "{{"):
            self.assertNotContains(response, syntax, msg_prefix="template syntax shown to visitors")

    def assertGermanPageWorks(self, page, route_path="/"):
        """Routable and renderable for a visitor; editable and previewable in the page editor,
        and its preview shows what the editor typed, not a cached part of the published page."""
        page = page.specific
        self.assertServedAt(page, "de")
        self.assertPageIsRoutable(page, route_path)
        self.assertPageIsRenderable(page, route_path)
        self.assertPageIsEditable(page, post_data=self.edit_form_data(page))
        self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))
        self.assertPreviewShowsUnsavedTitle(page)

    def assertEnglishPageWorks(self, page, route_path="/"):
        """As `assertGermanPageWorks` for a wagtail-localize translation: its editor is the
        translation editor, and its preview that of the translation."""
        page = page.specific
        self.assertServedAt(page, "en")
        self.assertPageIsRoutable(page, route_path)
        self.assertPageIsRenderable(page, route_path)
        self.assertTranslationIsEditable(page)
        self.assertTranslationIsPreviewable(page)

    def edit_form_data(self, page):
        """What the page editor posts for `page` unchanged. Wagtail's assertions read it from the
        edit form's HTML, where a StreamField's blocks are not (the browser's script builds them):
        they are added here from the page's value (rich text paragraphs, as factories make)."""
        self.log_in_as_editor()
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        self.client.logout()
        data = querydict_from_html(html, form_id="page-edit-form").copy()
        for field in type(page)._meta.fields:
            if isinstance(field, StreamField):
                blocks = []
                for child in field.value_from_object(page):
                    self.assertIsInstance(child.block, RichTextBlock, "a block type the form data is not made for")
                    blocks.append((child.block_type, rich_text(child.value.source)))
                data.update(nested_form_data({field.name: streamfield(blocks)}))
        return data

    def assertPreviewShowsUnsavedTitle(self, page):
        """The preview shows the title typed, also where a visit cached the published page's
        parts (fragments); the published title is not in the page's own parts."""
        page.title = f"Alter Titel {page.pk}"
        page.save_revision().publish()
        self.assertContains(self.client.get(page.url), page.title)
        data = self.edit_form_data(page)
        data["title"] = f"Neuer Titel {page.pk}"
        self.log_in_as_editor()
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        self.assertJSONEqual(self.client.post(preview_url, data).content, {"is_valid": True, "is_available": True})
        preview = self.client.get(preview_url)
        self.assertContains(preview, data["title"])
        # The page's own parts; the header and the head's feed link show the live site around it.
        soup = self.get_soup(preview.content)
        own_parts = [soup.find("main"), *soup.find_all("script", type="application/ld+json")]
        self.assertNotIn(page.title, " ".join(part.get_text() for part in own_parts))
        self.client.logout()

    def assertTranslationIsEditable(self, page):
        """Wagtail's page editor of a translation is wagtail-localize's translation editor (it
        has no page form for `assertPageIsEditable` to post), showing the page's strings."""
        self.log_in_as_editor()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertContains(response, 'class="js-translation-editor"')
        self.assertContains(response, page.title)
        self.client.logout()

    def assertTranslationIsPreviewable(self, page):
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
        self.log_in_as_editor()
        response = self.client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
        self.assertContains(response, page.title)
        self.client.logout()
