"""schema.org data for search engines (JSON-LD), written into a <script type="application/ld+json">."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# Nothing in the data may close the script element or start markup inside it.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as JSON, safe to put inside a <script> element (dates and times as ISO 8601)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped for a <script> element above


def initiative():
    """The initiative as a schema.org Organization (the organizer of its events and meetings)."""
    return {"@type": "Organization", "name": "Bochum 2015", "url": settings.WAGTAILADMIN_BASE_URL}


def free_offer(url):
    """A schema.org Offer that costs nothing (taking part is free)."""
    return {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "EUR",
        "url": url,
        "availability": "https://schema.org/InStock",
    }
