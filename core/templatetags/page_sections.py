"""`{% page_sections "name" %}`: the parts of a page that other apps contribute.

An app that knows a page type adds to its pages without that page's app knowing the app: news
adds the latest articles to sector and network pages and its feed links to every page's head.
Dependencies keep pointing one way (README, "Apps"). A contribution is a function registered
with Wagtail's hooks as `page_section:<name>`; it gets the template context and returns HTML,
or "" where it has nothing to add."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, name):
    parts = (function(context) for function in hooks.get_hooks(f"page_section:{name}"))
    # Contributions render templates (safe strings); anything else is escaped.
    return SafeString("".join(conditional_escape(part) for part in parts if part))
