"""`{% responsive_image image "fill-480x270" sizes="..." alt="" class="..." %}`: the one way our
templates show an image.

A <picture> with a WebP source and a JPEG (or PNG, for images with transparency kept as PNG)
fallback, each at 1x and 2x the given size (srcset with width descriptors, `sizes` for the
browser to choose), width and height on the <img> so nothing jumps while loading, and
`loading="lazy"` unless the template says `loading="eager"` (the image at the top of a page,
which also gets `fetchpriority="high"`). Renditions are looked up in one go (none when the
list prefetched them, e.g. with `prefetch_related("lead_image__renditions")`).

AVIF is left out on purpose: encoding it costs seconds per rendition on our two cores, and
every image is rendered the first time a visitor asks for it."""

import functools
import re

from django import template
from django.utils.safestring import mark_safe

from wagtail.images.models import Filter, Picture

from pagecache.cache import cached_fragment

register = template.Library()

FORMATS = ("webp", "jpeg")
SCALES = (1, 2)
_SIZE = re.compile(r"^(?P<operation>fill|max|min|width|height)-(?P<width>\d+)(?:x(?P<height>\d+))?(?P<rest>-c\d+)?$")


def scaled_spec(spec, scale):
    """`fill-480x270` at 2x is `fill-960x540`; `width-1200` at 2x is `width-2400`."""
    match = _SIZE.match(spec)
    if not match:
        raise template.TemplateSyntaxError(f"responsive_image cannot scale the filter spec {spec!r}")
    width = int(match["width"]) * scale
    size = f"{width}x{int(match['height']) * scale}" if match["height"] else str(width)
    return f"{match['operation']}-{size}{match['rest'] or ''}"


def responsive_specs(spec):
    return [f"{scaled_spec(spec, scale)}|format-{fmt}" for fmt in FORMATS for scale in SCALES]


@functools.cache
def responsive_filters(spec):
    """The Filters of `spec`, made once per process: a Filter parses its spec into operations
    on first use, which otherwise happened for every image on every page."""
    return tuple(Filter(spec=responsive_spec) for responsive_spec in responsive_specs(spec))


@register.simple_tag(takes_context=True)
def responsive_image(context, image, spec, sizes="100vw", loading="lazy", **attrs):
    if not image:
        return ""
    attrs = {"sizes": sizes, "loading": loading, "decoding": "async", **attrs}
    if loading == "eager":
        attrs.setdefault("fetchpriority", "high")
    attrs.setdefault("alt", "")

    def picture():
        return str(Picture(image.get_renditions(*responsive_filters(spec)), attrs))

    request = context.get("request")
    if request is None:
        return mark_safe(picture())  # noqa: S308 - Wagtail's escaped markup
    # The markup of a picture changes only with the image (a content change): kept with the
    # fragments, so a page's own pictures cost no lookup of their renditions.
    parts = [str(image.pk), spec, *(f"{name}={value}" for name, value in sorted(attrs.items()))]
    return mark_safe(cached_fragment(request, "picture", picture, *parts))  # noqa: S308 - as above
