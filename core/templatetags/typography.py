"""Typographic filters: text that wraps where a reader expects it to."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()
# A space between digit groups: 26 000, 1 250 000.
DIGIT_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")


@register.filter(is_safe=True)
def keep_figures_together(value):
    """Figures such as "26 000" or "fast 26 000" never wrap inside the number: the spaces between the groups of
    digits become no-break spaces."""
    return DIGIT_GROUP_SPACE.sub("\N{NO-BREAK SPACE}", str(value))


@register.filter(needs_autoescape=True)
def break_after_slashes(value, autoescape=True):
    """A title such as "Verkehrstechnik/Automotive" may wrap after its slash (browsers never break there on their
    own), so a narrow screen need not cut the word."""
    text = conditional_escape(value) if autoescape else str(value)
    return mark_safe(str(text).replace("/", "/<wbr>"))  # noqa: S308 - escaped above
