from django.core.management.base import BaseCommand

from editorial.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Creates or updates the editorial groups (Redaktion, Chefredaktion, Übersetzung), their permissions "
        "and the approval workflow. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        setup_roles(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Roles and workflow are set up."))
