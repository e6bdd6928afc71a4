from django import template
from django.utils import translation

from wagtail.models import Locale

from network.models import upcoming_meetings

register = template.Library()


@register.inclusion_tag("network/components/upcoming_meetings_section.html", takes_context=True)
def upcoming_meetings_section(context, limit=3):
    """The next meetings of all networks in the language being shown (home page)."""
    page = context.get("page")
    locale = getattr(page, "locale", None) or Locale.objects.filter(language_code=translation.get_language()).first()
    return {"request": context["request"], "meetings": upcoming_meetings(locale, limit) if locale else []}


@register.inclusion_tag("network/components/sectors_and_networks_section.html", takes_context=True)
def sectors_and_networks_section(context):
    """The focus sectors and networks of the page's language (home page), two queries."""
    from network.models import FocusSectorPage, NetworkPage

    page = context["page"]

    def cards(model):  # titles, intros and pictures only: no body StreamFields
        pages = model.objects.live().filter(locale_id=page.locale_id).defer_streamfields().order_by("path")
        return pages.select_related("social_image").prefetch_related("social_image__renditions")

    return {"request": context["request"], "sectors": cards(FocusSectorPage), "networks": cards(NetworkPage)}
