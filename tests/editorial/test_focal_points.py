"""Editors set an image's focal point; every cropped picture on the site keeps it in view."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.template import Context, Template

from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 0, 0), (0, 0, 220)


@pytest.fixture
def wide_picture():
    """400 × 100 pixels: a red strip on the left quarter, blue elsewhere."""
    picture = PILImage.new("RGB", (400, 100), BLUE)
    picture.paste(RED, (0, 0, 100, 100))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return get_image_model().objects.create(title="Streifen", file=ImageFile(buffer, name="streifen.png"))


def _centre_colour_of_square_crop(image):
    html = Template('{% load responsive_images %}{% responsive_image image "fill-100x100" %}').render(
        Context({"image": image})
    )
    assert "<img" in html
    rendition = image.get_rendition("fill-100x100|format-jpeg")
    with rendition.file.open() as file:
        return PILImage.open(file).convert("RGB").getpixel((50, 50))


def _is(colour, expected):
    return all(abs(a - b) < 60 for a, b in zip(colour, expected, strict=True))


def test_square_crops_follow_the_focal_point(wide_picture):
    # Without a focal point Wagtail crops the middle: blue.
    assert _is(_centre_colour_of_square_crop(wide_picture), BLUE)

    wide_picture.focal_point_x, wide_picture.focal_point_y = 40, 50
    wide_picture.focal_point_width, wide_picture.focal_point_height = 30, 30
    wide_picture.save()
    wide_picture.renditions.all().delete()
    assert _is(_centre_colour_of_square_crop(wide_picture), RED)
