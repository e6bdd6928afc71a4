from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.models import IntroBodyPage, IntroPage


class HomePage(IntroPage):
    """The root of each language's tree."""

    hero_title = models.CharField(_("hero title"), max_length=120, help_text=_("The big line on top."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Two or three sentences under the title."))

    select_related_when_served = ("hero_image",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel(
            "hero_image",
            help_text=_("A wide landscape picture behind the big line, at least 1600 × 600 pixels; decoration only."),
        ),
        FieldPanel("intro"),
    ]
    search_fields = [*IntroPage.search_fields, index.SearchField("hero_title")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(IntroBodyPage):
    """A general content page: about us, legal notice, privacy, accessibility statement."""

    # Its own help text (the field as it was before the shared base).
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short summary shown above the text."))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("general content page")
