"""Competences become a vocabulary: one German Competence per competence tag the companies had
(same name, group "manufacturing" until an editor files it), every company keeps its competences;
then the tags' relation is dropped. Reversible: going back makes tags of the German names again."""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import uuid
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

GERMAN_LETTERS = [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")]


def _slug(name, taken):
    for letter, replacement in GERMAN_LETTERS:
        name = name.replace(letter, replacement)
    base = slugify(name)[:90] or "kompetenz"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def tags_to_competences(apps, schema_editor):
    Company = apps.get_model("network", "Company")
    CompanyCompetence = apps.get_model("network", "CompanyCompetence")
    Competence = apps.get_model("network", "Competence")
    Locale = apps.get_model("wagtailcore", "Locale")
    links = list(CompanyCompetence.objects.select_related("tag").order_by("tag__name", "content_object_id"))
    if not links:
        return
    german = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.order_by("pk").first()
    taken = set(Competence.objects.filter(locale=german).values_list("slug", flat=True))
    by_tag = {}
    for link in links:
        if link.tag_id not in by_tag:
            by_tag[link.tag_id] = Competence.objects.create(
                locale=german,
                translation_key=uuid.uuid4(),
                name=link.tag.name[:100],
                group="manufacturing",
                slug=_slug(link.tag.name, taken),
            )
    through = Company._meta.get_field("competence_links").remote_field.through
    through.objects.bulk_create(
        [through(company_id=link.content_object_id, competence_id=by_tag[link.tag_id].pk) for link in links],
        ignore_conflicts=True,
    )


def competences_to_tags(apps, schema_editor):
    Company = apps.get_model("network", "Company")
    CompanyCompetence = apps.get_model("network", "CompanyCompetence")
    Tag = apps.get_model("taggit", "Tag")
    through = Company._meta.get_field("competence_links").remote_field.through
    tags = {}
    links = []
    for company_id, competence_id, name in through.objects.values_list(
        "company_id", "competence_id", "competence__name"
    ):
        if competence_id not in tags:
            tag = Tag.objects.filter(name=name).first()
            if tag is None:
                taken = set(Tag.objects.values_list("slug", flat=True))
                tag = Tag.objects.create(name=name, slug=_slug(name, taken))
            tags[competence_id] = tag
        links.append(CompanyCompetence(content_object_id=company_id, tag=tags[competence_id]))
    CompanyCompetence.objects.bulk_create(links)


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0005_request_recipients'),
        ('wagtailcore', '0098_apitoken'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.CreateModel(
            name='Competence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('synonyms', models.TextField(blank=True, help_text="Other words visitors search for, one per line or separated by commas, e.g. 'Laserschneiden' for 'Laserstrahlschneiden'.", verbose_name='synonyms')),
                ('group', models.CharField(choices=[('manufacturing', 'Manufacturing'), ('materials', 'Materials and surfaces'), ('engineering', 'Engineering and development'), ('electronics', 'Electronics'), ('services', 'Services')], max_length=20, verbose_name='group')),
                ('slug', models.SlugField(blank=True, help_text="Part of the directory's filter address; made from the name when left empty. Keep it once set.", max_length=100, verbose_name='slug')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'competence',
                'verbose_name_plural': 'competences',
                'ordering': ['group', 'name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='company',
            name='competence_links',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='network.competence'),
        ),
        migrations.RunPython(tags_to_competences, competences_to_tags),
        migrations.RemoveField(
            model_name='company',
            name='competences',
        ),
        migrations.DeleteModel(
            name='CompanyCompetence',
        ),
        migrations.RenameField(
            model_name='company',
            old_name='competence_links',
            new_name='competences',
        ),
        migrations.AlterField(
            model_name='company',
            name='competences',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='What the company offers, from the list of competences (Snippets › Competences).', related_name='companies', to='network.competence', verbose_name='competences'),
        ),
        migrations.AddConstraint(
            model_name='competence',
            constraint=models.UniqueConstraint(fields=('locale', 'slug'), name='unique_competence_slug_per_locale'),
        ),
        migrations.AlterUniqueTogether(
            name='competence',
            unique_together={('translation_key', 'locale')},
        ),
    ]
