"""The page shape most pages of the network app share: an introduction and a free body."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import ContentStreamBlock
from home.models import BasePage


class IntroPage(BasePage):
    """An index or detail page with an introduction and a free body."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Two or three sentences shown on top and in lists.")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body", help_text=_("The text of the page: headings, paragraphs, images, quotes and buttons.")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    @property
    def summary_text(self):
        return self.intro
