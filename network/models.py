from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from home.blocks import ContentStreamBlock
from home.models import BasePage


class ContactPerson(TranslatableMixin, models.Model):
    """Someone at the initiative or a partner whom companies and the press can contact."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("e.g. 'Automotive sector manager'"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return self.name


class IntroPage(BasePage):
    """An index or detail page with an introduction and a free body."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Two or three sentences shown on top and in lists.")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    @property
    def summary_text(self):
        return self.intro


class FocusSectorIndexPage(IntroPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.FocusSectorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("focus sector index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = self.get_children().live().specific()
        return context


class FocusSectorPage(IntroPage):
    """A Fokusbranche, e.g. Verkehrstechnik/Automotive."""

    parent_page_types = ["network.FocusSectorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("focus sector")


class NetworkIndexPage(IntroPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.NetworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["networks"] = self.get_children().live().specific()
        return context


class NetworkPage(IntroPage):
    """A business network such as the Netzwerk Produktion."""

    parent_page_types = ["network.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("network")
