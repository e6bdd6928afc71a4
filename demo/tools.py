"""Small tools for building the bilingual demo content; each app's `demo.py` uses them."""

import copy
import io
import uuid

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Page

from localization.translation import english_locale, translate

DEMO_NAMESPACE = uuid.UUID("6f1c3f0e-2015-4b0c-9d1e-b0c4a2015000")


def stream(key, blocks):
    """StreamField data with block ids derived from `key`, so the German and the English
    version of a page have the same structure."""
    return [
        {"type": block_type, "value": value, "id": str(uuid.uuid5(DEMO_NAMESPACE, f"{key}-{index}"))}
        for index, (block_type, value) in enumerate(blocks)
    ]


def demo_image(title, colours=("#00457c", "#5b8fc7"), size=(1600, 900)):
    """A generated picture (diagonal bands in the site's colours); nothing is downloaded."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    picture = PILImage.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(picture)
    band = width // 6
    for index in range(-2, 9):
        x = index * band
        draw.polygon(
            [(x, height), (x + band // 2, height), (x + band // 2 + height, 0), (x + height, 0)],
            fill=colours[index % 2],
        )
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    return Image.objects.create(title=title, description=title, file=ImageFile(buffer, name=f"{slug}.jpg"))


def publish_german_page(parent, page_class, fields):
    """Create and publish a German page under `parent`, unless one with its slug exists."""
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing:
        return existing.specific, False
    page = page_class(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def english_version(page, english_fields):
    """Translate `page` with the given English field values, unless it has an English version."""
    locale = english_locale()
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific if isinstance(existing, Page) else existing
    english = copy.copy(page.specific if isinstance(page, Page) else page)
    for name, value in english_fields.items():
        setattr(english, name, value)
    return translate(page, english, locale=locale)


def bilingual_page(parent, page_class, german, english, shared=None):
    """A German page and its English translation. `shared` holds language-neutral fields."""
    shared = shared or {}
    page, _ = publish_german_page(parent, page_class, {**shared, **german})
    return page, english_version(page, english)


def bilingual_snippet(model, lookup, german, english):
    """A German snippet (found by `lookup` or created) and its English translation."""
    from wagtail.models import Locale

    german_locale = Locale.get_default()
    snippet = model.objects.filter(locale=german_locale, **lookup).first()
    if snippet is None:
        snippet = model.objects.create(locale=german_locale, **lookup, **german)
    return snippet, english_version(snippet, english)
