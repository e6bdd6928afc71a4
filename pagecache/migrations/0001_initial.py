"""Moved from `home` (home migration 0007): state only, the table is home's, renamed."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0007_move_models_to_their_apps"),
    ]

    operations = [
        # The table exists already: home's migration 0007 renamed it.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CacheGeneration',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(max_length=32)),
                    ],
                    options={
                        'verbose_name': 'cache generation',
                    },
                ),
            ],
        ),
    ]
