"""Moved from `home` (home migration 0007): state only, the table is home's, renamed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0007_move_models_to_their_apps"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # The table exists already: home's migration 0007 renamed it.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContactSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation', models.CharField(default='Bochum 2015', max_length=200, verbose_name='organisation')),
                        ('street', models.CharField(blank=True, max_length=200, verbose_name='street and number')),
                        ('postcode_city', models.CharField(blank=True, max_length=200, verbose_name='postcode and city')),
                        ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                    ],
                    options={
                        'verbose_name': 'contact data',
                    },
                ),
                migrations.CreateModel(
                    name='LegalPagesSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('accessibility_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='accessibility statement')),
                        ('legal_notice_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='legal notice (Impressum)')),
                        ('privacy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='privacy policy (Datenschutz)')),
                    ],
                    options={
                        'verbose_name': 'legal pages',
                    },
                ),
            ],
        ),
    ]
