"""Companies in Bochum: the directory's entries and each company's own page.

A company is a translatable snippet. Its relations (sectors, competences, contact person) and
everything that is the same in every language (address, district, size) are kept on the German
version; the English version carries the translated text (see `localization.linked`).

A company has draft state, revisions and a workflow, as a page has: a change (an editor's in the
admin, a representative's on the public site) is a draft revision that goes through the workflow
"Company profile review" (`editorial.roles`) and becomes public when a moderator approves it. The
row always holds the live version, and the site shows only live companies (`Company.objects.live()`)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Locale, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.slugs import german_ascii
from core.structured_data import json_ld
from localization.linked import in_locale

from ..choices import DISTRICT_CHOICES, DISTRICTS, SizeBand
from .competences import Competence, CompetenceGroup, sort_key
from .meetings import ProjectPartner
from .networks import NetworkMember
from .snippets import ContactPerson


def reserved_addresses():
    """Words other apps serve below the company directory (`reserve_below_company_directory`
    hooks, e.g. the representatives' "zugang"): never a company's address, which they would hide."""
    return {word for hook in hooks.get_hooks("reserve_below_company_directory") for word in hook()}


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


class CompanyQuerySet(models.QuerySet):
    def live(self):
        """The companies the public site shows: approved ones (drafts wait in their revisions)."""
        return self.filter(live=True)


class Company(WorkflowMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """A company in Bochum, member of networks and partner in projects."""

    objects = CompanyQuerySet.as_manager()

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        blank=True,
        help_text=_("The end of the company page's address, e.g. 'muster-gmbh'; made from the name when empty."),
    )
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
    street = models.CharField(
        _("street and number"), max_length=200, blank=True, help_text=_("e.g. 'Lothringer Straße 36'")
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True, help_text=_("e.g. '44805'"))
    city = models.CharField(_("city"), max_length=100, default="Bochum")
    district = models.CharField(
        _("district"),
        max_length=40,
        choices=DISTRICT_CHOICES,
        blank=True,
        help_text=_("The Bochum district the company is in; the directory filters by it."),
    )
    size = models.CharField(
        _("size"),
        max_length=10,
        choices=SizeBand.choices,
        blank=True,
        help_text=_("Employees in Bochum, as the company states them."),
    )
    competences = ParentalManyToManyField(
        "network.Competence",
        blank=True,
        related_name="companies",
        verbose_name=_("competences"),
        help_text=_("What the company offers, from the list of competences (Snippets › Competences)."),
    )
    certifications = models.CharField(
        _("certifications"), max_length=300, blank=True, help_text=_("e.g. 'ISO 9001, IATF 16949'")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    contact_person = models.ForeignKey(
        "network.ContactPerson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("Someone at the company whom other companies can contact (Snippets › Contact persons)."),
    )
    contact_person_agreed = models.BooleanField(
        _("the contact person agreed to be shown"),
        default=False,
        help_text=_("The contact person appears on the company's page only when this is ticked."),
    )

    panels = [
        FieldPanel("name", help_text=_("The company's full name, e.g. 'Muster GmbH'.")),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sectors"),
        FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("certifications"),
        FieldPanel("size"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel(
                    [FieldPanel("postcode"), FieldPanel("city", help_text=_("Where the company is based."))]
                ),
                FieldPanel("district"),
            ],
            heading=_("Address"),
        ),
        FieldPanel("website", help_text=_("The full address, starting with https://.")),
        FieldPanel("logo", help_text=_("The company's logo; it is shown small next to its name.")),
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_person_agreed")], heading=_("Contact person")
        ),
    ]
    base_form_class = CompanyForm
    # Everything but the text is the German version's and copied to its translations.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
        SynchronizedField("website"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        TranslatableField("city"),
        SynchronizedField("district"),
        SynchronizedField("size"),
        TranslatableField("certifications"),
        SynchronizedField("logo"),
        SynchronizedField("contact_person"),
        SynchronizedField("contact_person_agreed"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("locale"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], condition=~Q(slug=""), name="network_company_unique_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def district_name(self):
        return DISTRICTS.get(self.district, "")

    def clean(self):
        super().clean()
        if self.slug in reserved_addresses():
            raise ValidationError({"slug": _("This address is taken by other pages of the directory.")})

    def full_clean(self, *args, **kwargs):
        # Before validation, so that the made address is checked for uniqueness too.
        if not self.slug and self.name:
            self.slug = self.free_slug(self.name)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if not self.slug and self.name:
            self.slug = self.free_slug(self.name)
        super().save(*args, **kwargs)

    def free_slug(self, name):
        """An address made from `name` that no other company of the same language has."""
        base = slugify(german_ascii(name))[:70] or "unternehmen"
        taken = set(
            Company.objects.filter(locale_id=self.locale_id, slug__startswith=base)
            .exclude(translation_key=self.translation_key)
            .values_list("slug", flat=True)
        )
        taken |= reserved_addresses()
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug


def company_cards(companies, locale, sectors, competence_labels):
    """Everything a company card shows, for a page of German companies, in a fixed number of queries:
    the company's text in `locale`, its sectors, competences (labelled by `competence_labels`, see
    `labels_in_locale`), networks and projects."""
    if not companies:
        return []
    ids = [company.pk for company in companies]
    keys = [company.translation_key for company in companies]
    localized = in_locale(
        companies, locale, Company.objects.live().select_related("logo").prefetch_related("logo__renditions")
    )
    sector_by_key = {sector.translation_key: sector for sector in sectors}
    sector_keys = {}
    for company_id, key in Company.sectors.through.objects.filter(company_id__in=ids).values_list(
        "company_id", "focussectorpage__translation_key"
    ):
        if key in sector_by_key:
            sector_keys.setdefault(company_id, []).append(sector_by_key[key])
    competences = {}
    for company_id, key in Company.competences.through.objects.filter(company_id__in=ids).values_list(
        "company_id", "competence__translation_key"
    ):
        if key in competence_labels:
            competences.setdefault(company_id, []).append(competence_labels[key])
    networks = {}
    for link in (
        NetworkMember.objects.filter(company__translation_key__in=keys, page__locale=locale, page__live=True)
        .select_related("page", "company")
        .order_by("page__title")
    ):
        networks.setdefault(link.company.translation_key, []).append(link.page)
    projects = {}
    for link in (
        ProjectPartner.objects.filter(company__translation_key__in=keys, page__locale=locale, page__live=True)
        .select_related("page", "company")
        .order_by("page__title")
    ):
        projects.setdefault(link.company.translation_key, []).append(link.page)
    return [
        {
            "company": shown,
            # Address, district, size, website and logo are the German version's (copied to translations).
            "source": source,
            "slug": source.slug,
            "sectors": sector_keys.get(source.pk, []),
            "competences": sorted(competences.get(source.pk, []), key=lambda label: label.sort_key),
            "networks": networks.get(source.translation_key, []),
            "projects": projects.get(source.translation_key, []),
        }
        for source, shown in zip(companies, localized, strict=True)
    ]


def organization_json_ld(company, source, url):
    """schema.org `Organization` data of a company, its text in the page's language (`company`), its
    address from the German version (`source`), for a <script> element."""
    address = {"@type": "PostalAddress", "addressLocality": company.city, "addressCountry": "DE"}
    if source.street:
        address["streetAddress"] = source.street
    if source.postcode:
        address["postalCode"] = source.postcode
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.name,
        "url": url,
        "address": address,
    }
    if company.description:
        data["description"] = strip_tags(company.description)
    if source.website:
        data["sameAs"] = [source.website]
    return json_ld(data)


def company_page_context(company, directory, request, sectors, labels):
    """What a company's page shows: `company` (German) in the directory's language, its card
    (sectors, competences, networks, projects), the contact person if they agreed, and the page's
    address in each language."""
    card = company_cards([company], directory.locale, sectors, labels)[0]
    shown = card["company"]
    subpath = directory.reverse_subpage("company", kwargs={"slug": company.slug})
    language_urls = {
        version.locale.language_code: version.get_url(request) + subpath
        for version in directory.get_translations(inclusive=True).live().select_related("locale")
    }
    contact_persons = []
    if company.contact_person_agreed and company.contact_person is not None:
        contact_persons = in_locale(
            [company.contact_person], directory.locale, ContactPerson.objects.select_related("photo")
        )
    return {
        "company": shown,
        "breadcrumb_title": shown.name,
        "card": card,
        "contact_persons": contact_persons,
        "language_urls": language_urls,
        "company_json_ld": organization_json_ld(
            shown, company, request.build_absolute_uri(language_urls[directory.locale.language_code])
        ),
    }
