"""Admin language, the userbar with its accessibility checker, and previews of every page type."""

from urllib.parse import urlencode

import pytest

from django.urls import reverse

from wagtail.admin.panels import FieldPanel, InlinePanel, get_edit_handler
from wagtail.models import Locale, Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from .test_translation_flow import _editor_props

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]


@pytest.mark.parametrize(("preference", "language"), [("", "de"), ("de", "de"), ("en", "en")])
def test_admin_speaks_the_users_preferred_language_and_german_by_default(client, editor, preference, language):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = preference
    profile.save()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'<html lang="{language}"' in html
    assert ("Next network meetings" if language == "en" else "Nächste Netzwerktreffen") in html


def test_logged_in_editors_get_the_userbar_with_the_accessibility_checker(client, editor):
    client.force_login(editor)
    html = client.get("/de/initiative/").content.decode()
    assert "data-wagtail-userbar" in html
    assert 'id="checker-axe-configuration"' in html


def test_visitors_get_no_userbar(client):
    assert "data-wagtail-userbar" not in client.get("/de/initiative/").content.decode()


def _page_types():
    return [model for model in get_page_models() if model is not Page]


def _one_translated_page(model):
    english = Locale.objects.get(language_code="en")
    for page in model.objects.live().filter(locale__language_code="de"):
        translation = page.get_translation_or_none(english)
        if translation is not None and translation.live:
            return page, translation.specific
    pytest.fail(f"the site has no {model.__name__} in German and English")


@pytest.mark.parametrize(
    "model",
    [model for model in _page_types() if not getattr(model, "german_only", False)],
    ids=lambda model: model.__name__,
)
def test_every_page_type_previews_its_draft_in_both_languages(client, moderator, translator, model):
    german, english = _one_translated_page(model)

    german.title = f"{german.title} (Entwurf)"
    german.save_revision()
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[german.pk]))
    assert response.status_code == 200
    assert f"{german.title}" in response.content.decode()
    assert "(Entwurf)" not in client.get(Page.objects.get(pk=german.pk).url).content.decode()

    client.force_login(translator)
    title = next(s for s in _editor_props(client, english)["segments"] if s["contentPath"] == "title")
    client.put(
        title["editUrl"],
        urlencode({"value": f"{english.title} (draft)"}),
        content_type="application/x-www-form-urlencoded",
    )
    translation = Translation.objects.get(source__object_id=german.translation_key, target_locale=english.locale)
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{english.title} (draft)" in html and '<html lang="en">' in html
    client.logout()
    assert "(draft)" not in client.get(english.url).content.decode()


@pytest.mark.parametrize(
    "model", [model for model in _page_types() if getattr(model, "german_only", False)], ids=lambda m: m.__name__
)
def test_german_only_page_types_preview_their_draft(client, moderator, model):
    """Pages in Leichte Sprache and German Sign Language are German pages of their own."""
    german = model.objects.live().filter(locale__language_code="de").first()
    german.title = f"{german.title} (Entwurf)"
    german.save_revision()
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[german.pk]))
    assert response.status_code == 200 and german.title in response.content.decode()
    assert "(Entwurf)" not in client.get(Page.objects.get(pk=german.pk).url).content.decode()


def _field_panels(panel, model):
    if isinstance(panel, InlinePanel):
        related = panel.db_field.related_model
        for child in related.panels:
            yield from _field_panels(child.bind_to_model(related), related)
        return
    if isinstance(panel, FieldPanel):
        yield model, panel
    for child in getattr(panel, "children", []):
        yield from _field_panels(child, model)


def _editable_models():
    for model in _page_types():
        yield model, model.get_edit_handler()
    for model in get_snippet_models():
        yield model, get_edit_handler(model)


@pytest.mark.parametrize(
    ("model", "edit_handler"), list(_editable_models()), ids=lambda value: getattr(value, "__name__", "")
)
def test_every_field_an_editor_fills_has_a_help_text(model, edit_handler):
    without = []
    for owner, panel in _field_panels(edit_handler, model):
        field = owner._meta.get_field(panel.field_name)
        if field.model is Page:  # Wagtail's own fields (title, slug, …) come with its help texts
            continue
        if not (panel.help_text or getattr(field, "help_text", "")):
            without.append(f"{owner.__name__}.{panel.field_name}")
    assert without == []


def _block_help_text(block):
    field = getattr(block, "field", None)
    return getattr(field, "help_text", "") or getattr(block.meta, "help_text", "") or ""


def _blocks_without_help_text(block, path, inherited=""):
    """Every field that an editor fills inside a StreamField: its own help text, or that of
    the list it is repeated in."""
    from wagtail import blocks
    from wagtail.images.blocks import ImageBlock

    own = _block_help_text(block) or inherited
    if isinstance(block, ImageBlock):  # Wagtail's own alt text and decorative fields inside
        return [] if own else [path]
    if isinstance(block, blocks.ListBlock):
        return _blocks_without_help_text(block.child_block, path, own)
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        return [
            missing
            for name, child in block.child_blocks.items()
            for missing in _blocks_without_help_text(child, f"{path}.{name}")
        ]
    return [] if own else [path]


def _stream_fields():
    from django.apps import apps

    from wagtail.fields import StreamField

    for model in apps.get_models():
        if model._meta.app_label in {"home", "news", "network"}:
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    yield f"{model.__name__}.{field.name}", field.stream_block


@pytest.mark.parametrize(("name", "stream_block"), list(_stream_fields()), ids=lambda value: str(value)[:40])
def test_every_field_inside_a_streamfield_has_a_help_text(name, stream_block):
    assert _blocks_without_help_text(stream_block, name) == []
