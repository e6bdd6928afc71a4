"""Small tools for building the bilingual demo content; each app's `demo.py` uses them."""

import copy
import functools
import io
import uuid
from pathlib import Path
from xml.etree import ElementTree

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


# Drawings made for the project (CC BY 4.0, see their LICENSE.md), also served as static files.
ILLUSTRATIONS = Path(__file__).resolve().parent.parent / "bochum2015" / "static" / "img" / "illustrations"
ILLUSTRATION_NAMES = sorted(path.stem for path in ILLUSTRATIONS.glob("*.svg"))


@functools.lru_cache(maxsize=8)  # many images of one drawing (the benchmark's) draw it once
def draw_illustration(name, size=(1600, 900)):
    """One of our SVG drawings as a Pillow picture. The drawings use only flat shapes (rect,
    circle, polygon, line) without transforms, so a few lines draw them; drawn at twice the size
    and scaled down for smooth edges."""
    root = ElementTree.parse(ILLUSTRATIONS / f"{name}.svg").getroot()  # noqa: S314 - our own files
    view_width = float(root.get("viewBox").split()[2])
    scale = 2 * size[0] / view_width
    picture = PILImage.new("RGB", (size[0] * 2, size[1] * 2), "#ffffff")
    draw = ImageDraw.Draw(picture)

    def number(element, name):
        return float(element.get(name, 0)) * scale

    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        fill = element.get("fill")
        fill = None if fill in (None, "none") else fill
        stroke, width = element.get("stroke"), round(number(element, "stroke-width"))
        if tag == "rect":
            x, y = number(element, "x"), number(element, "y")
            draw.rectangle((x, y, x + number(element, "width"), y + number(element, "height")), fill=fill)
        elif tag == "circle":
            cx, cy, r = number(element, "cx"), number(element, "cy"), number(element, "r")
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=stroke, width=width)
        elif tag == "polygon":
            values = [float(value) * scale for value in element.get("points").replace(",", " ").split()]
            draw.polygon(list(zip(values[::2], values[1::2], strict=True)), fill=fill)
        elif tag == "line":
            ends = [number(element, name) for name in ("x1", "y1", "x2", "y2")]
            draw.line(ends, fill=stroke, width=width)
            for x, y in (ends[:2], ends[2:]):  # stroke-linecap="round"
                draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=stroke)
    return picture.resize(size, PILImage.Resampling.LANCZOS)


def illustration_alt(name):
    """The German and English alt text of a drawing: its SVG title, "Deutsch / English"."""
    root = ElementTree.parse(ILLUSTRATIONS / f"{name}.svg").getroot()  # noqa: S314 - our own files
    german, english = root.findtext("{http://www.w3.org/2000/svg}title").split(" / ")
    return german, english


def demo_image(title, illustration="zeche", size=(1600, 900)):
    """A picture of the demo: one of the project's drawings of Bochum's industry; nothing is downloaded."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw_illustration(illustration, size).save(buffer, format="JPEG", quality=85)
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
    else:
        # Made before the demo had these fields (e.g. competences migrated from tags, without
        # synonyms): fill what is empty, so the English version has the same strings to pair.
        empty = {name: value for name, value in german.items() if value and not getattr(snippet, name)}
        if empty:
            for name, value in empty.items():
                setattr(snippet, name, value)
            snippet.save(update_fields=list(empty))
    return snippet, english_version(snippet, english)
