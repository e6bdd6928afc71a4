"""Moved from `home` (home migration 0007): state only, the table is home's, renamed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0007_move_models_to_their_apps"),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        # The table exists already: home's migration 0007 renamed it.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SearchPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='A short text above the search field.', verbose_name='introduction')),
                        ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared, and in lists. Landscape, at least 1200 × 630 pixels.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='social media image')),
                    ],
                    options={
                        'verbose_name': 'search page',
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
        ),
    ]
