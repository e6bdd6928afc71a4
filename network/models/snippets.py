"""Snippets of the network app: topics of work and contact persons (companies are in `.companies`,
the competences they pick from in `.competences`).

Each is translatable. Relations (a company's sectors and competences) are kept on the German
version; the English version carries the translated text (see `localization.linked`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, models.Model):
    """A topic of work of a network, e.g. knowledge transfer or sales cooperation."""

    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name", help_text=_("Short, e.g. 'Knowledge transfer'.")),
        FieldPanel("description", help_text=_("One or two sentences on what the network does on this topic.")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


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
        FieldPanel("name", help_text=_("First and last name, e.g. 'Erika Mustermann'.")),
        FieldPanel("role"),
        FieldPanel("organisation", help_text=_("Where the person works, e.g. 'Wirtschaftsförderung Bochum'.")),
        FieldPanel("email", help_text=_("Shown on the site; use a work address.")),
        FieldPanel("phone", help_text=_("With area code, e.g. '0234 000000'.")),
        FieldPanel("photo", help_text=_("Portrait, at least 400 × 400 pixels; only with the person's consent.")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return self.name
