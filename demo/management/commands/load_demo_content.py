import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.users.models import UserProfile

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS, setup_roles
from network.models import NetworkPage, ParticipationRecipient

# Each app contributes a `demo.load(out)`; order matters where pages link to each other.
DEMO_MODULES = [
    "demo.home",
    "demo.accessibility",
    "demo.network",
    "demo.exchange",
    "demo.events",
    "demo.news",
    "demo.newsletter",
]

# The demo network whose participation requests the demo contact person receives and sees.
DEMO_CONTACT_PERSON_NETWORK = "netzwerk-produktion"

# One demo login per editorial role: user name, group, admin language.
DEMO_ROLE_USERS = [
    ("redaktion", EDITORS, "de"),
    ("chefredaktion", MODERATORS, "de"),
    ("uebersetzung", TRANSLATORS, "en"),
    ("ansprechperson", CONTACT_PERSONS, "de"),
]


class Command(BaseCommand):
    help = "Loads the bilingual demo content. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create the local demo users.")

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                module = importlib.import_module(module_name)
                if hasattr(module, "load"):
                    self.stdout.write(f"{module_name}:")
                    module.load(self.stdout.write)
            self.stdout.write("roles:")
            setup_roles(self.stdout.write)
        if options["no_users"]:
            pass
        elif not settings.DEMO_USERS:
            self.stdout.write("No demo users with these settings: their passwords are known.")
        else:
            self._admin_user()
            self._role_users()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _admin_user(self):
        username = "admin"
        password = settings.DEMO_ADMIN_PASSWORD
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, "admin@example.org", password)
        self.stdout.write(f"Admin login (local only): {username} / {password} at /admin/")

    def _role_users(self):
        password = settings.DEMO_ADMIN_PASSWORD
        User = get_user_model()
        for username, group_name, language in DEMO_ROLE_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org", "first_name": group_name}
            )
            if created:
                user.set_password(password)
                user.save()
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = language
                profile.save()
            user.groups.add(Group.objects.get(name=group_name))
            if group_name == CONTACT_PERSONS:
                self._assign_to_demo_network(user)
            self.stdout.write(f"{group_name} login (local only): {username} / {password} at /admin/")

    def _assign_to_demo_network(self, user):
        network = NetworkPage.objects.get(slug=DEMO_CONTACT_PERSON_NETWORK, locale__language_code="de")
        ParticipationRecipient.objects.get_or_create(network=network, user=user)
        self.stdout.write(f"  {user.get_username()} receives the requests of “{network.title}”")
