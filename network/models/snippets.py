"""Snippets of the network app: topics of work, contact persons and companies (and in `.competences`
the competences companies pick from).

Each is translatable. Relations (a company's sectors and competences) are kept on the German
version; the English version carries the translated text (see `network.localization`)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from .competences import Competence, CompetenceGroup, sort_key


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


class CompanyForm(WagtailAdminModelForm):
    """Competences to tick, German ones (the English company shows their translations), grouped."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("competences")
        if field is None:
            return
        field.queryset = Competence.objects.filter(locale=Locale.get_default())
        by_group = {}
        for competence in sorted(field.queryset, key=lambda c: sort_key(c.name)):
            by_group.setdefault(competence.group, []).append((competence.pk, competence.name))
        field.widget.choices = [
            (label, by_group[value]) for value, label in CompetenceGroup.choices if value in by_group
        ]


class Company(TranslatableMixin, index.Indexed, ClusterableModel):
    """A company in Bochum, member of networks and partner in projects."""

    name = models.CharField(_("name"), max_length=200)
    sectors = ParentalManyToManyField(
        "network.FocusSectorPage",
        blank=True,
        related_name="companies",
        verbose_name=_("focus sectors"),
        help_text=_("Choose the German sector pages; the English site shows their translations."),
    )
    description = models.TextField(
        _("short description"), max_length=600, blank=True, help_text=_("What the company does, in two sentences.")
    )
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(_("city"), max_length=100, default="Bochum")
    competences = ParentalManyToManyField(
        "network.Competence",
        blank=True,
        related_name="companies",
        verbose_name=_("competences"),
        help_text=_("What the company offers, from the list of competences (Snippets › Competences)."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )

    panels = [
        FieldPanel("name", help_text=_("The company's full name, e.g. 'Muster GmbH'.")),
        FieldPanel("description"),
        FieldPanel("sectors"),
        FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("city", help_text=_("Where the company is based.")),
        FieldPanel("website", help_text=_("The full address, starting with https://.")),
        FieldPanel("logo", help_text=_("The company's logo; it is shown small next to its name.")),
    ]
    base_form_class = CompanyForm
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("locale"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]

    def __str__(self):
        return self.name
