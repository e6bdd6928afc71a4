"""Competences: the controlled list companies pick what they do from.

Editors keep the list in German; translators give each competence its English label and
synonyms (wagtail-localize). A company links to the German competences; the site shows each in
the reader's language, and falls back to the German label (marked as German) where a translation
is missing. The group is the same in every language; each language has its own slug, made from
the name when the competence or its translation is created, and the directory's filter takes a
slug of either language (one filter address works on both sites)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.slugs import german_ascii
from core.text import folded


class CompetenceGroup(models.TextChoices):
    MANUFACTURING = "manufacturing", _("Manufacturing")
    MATERIALS = "materials", _("Materials and surfaces")
    ENGINEERING = "engineering", _("Engineering and development")
    ELECTRONICS = "electronics", _("Electronics")
    SERVICES = "services", _("Services")


def sort_key(text):
    """Dictionary order in German and English: case and accents ignored ("Ä" with "A", "ß" as
    "ss"), so "Ätzen" comes before "Bohren", not after "Z"."""
    return (folded(text), text)


class Competence(TranslatableMixin, index.Indexed, models.Model):
    """A competence such as Laserstrahlschneiden, in a group such as Fertigung."""

    name = models.CharField(_("name"), max_length=100)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "Other words visitors search for, one per line or separated by commas, e.g. 'Laserschneiden' "
            "for 'Laserstrahlschneiden'."
        ),
    )
    group = models.CharField(_("group"), max_length=20, choices=CompetenceGroup.choices)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("Part of the directory's filter address; made from the name when left empty. Keep it once set."),
    )

    panels = [
        FieldPanel("name", help_text=_("Short and common, e.g. 'Laserstrahlschneiden'.")),
        FieldPanel("group", help_text=_("The heading under which the company directory's filter lists it.")),
        FieldPanel("synonyms"),
        FieldPanel("slug"),
    ]
    # Translators translate name and synonyms; the group is the same in every language; the slug
    # is each language's own (made from the translated name, `copy_for_translation`).
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("synonyms"),
        SynchronizedField("group", overridable=False),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("synonyms"),
        index.FilterField("group"),
        index.FilterField("locale"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["group", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_competence_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.slug and (
            Competence.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk).exists()
        ):
            raise ValidationError({"slug": _("Another competence has this slug.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, Competence.objects.filter(locale_id=self.locale_id))
        super().save(*args, **kwargs)

    def copy_for_translation(self, locale, exclude_fields=None):
        translation = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        translation.slug = ""
        return translation


def unique_slug(name, taken):
    """A slug for `name` as German addresses are written, not yet used in `taken` (a queryset)."""
    base = slugify(german_ascii(name))[:90] or "kompetenz"
    slug, number = base, 1
    while taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def matching_competences(text):
    """Competences (of any language) whose name or synonyms contain `text`."""
    return Competence.objects.filter(Q(name__icontains=text) | Q(synonyms__icontains=text))


class CompetenceLabel:
    """A competence as a reader sees it: its slug (the filter value), group and label in the
    reader's language."""

    def __init__(self, competence):
        self.slug = competence.slug
        self.group = competence.group
        self.name = competence.name
        self.translation_key = competence.translation_key

    @property
    def sort_key(self):
        return sort_key(self.name)

    def __repr__(self):
        return f"<CompetenceLabel {self.slug}: {self.name}>"


class CompetenceLabels(dict):
    """{translation_key: CompetenceLabel} of some German competences in one language; a
    competence not yet translated into it is left out, so that a page shows no label of another
    language (translators find it among the snippets out of date). `slugs` maps the slug of every
    language's version to the slug shown in this language. One query (`labels_in_locale`)."""

    def __init__(self, versions, locale):
        super().__init__(
            (competence.translation_key, CompetenceLabel(competence))
            for competence in versions
            if competence.locale_id == locale.pk
        )
        # The page's own language last: its slugs win over an equal slug of another language.
        self.slugs = {
            competence.slug: self[competence.translation_key].slug
            for competence in sorted(versions, key=lambda competence: competence.locale_id == locale.pk)
            if competence.translation_key in self
        }

    def grouped_choices(self):
        """Filter choices: (group label, [(slug, label) ...]) in the groups' order, each group
        sorted in the language's order (`sort_key`)."""
        by_group = {}
        for label in sorted(self.values(), key=lambda label: label.sort_key):
            by_group.setdefault(label.group, []).append((label.slug, label.name))
        return [(name, by_group[value]) for value, name in CompetenceGroup.choices if value in by_group]


def labels_in_locale(german_competences, locale):
    """The CompetenceLabels of `german_competences` (a queryset) in `locale`."""
    versions = list(Competence.objects.filter(translation_key__in=german_competences.values("translation_key")))
    return CompetenceLabels(versions, locale)
