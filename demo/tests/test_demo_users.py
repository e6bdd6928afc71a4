"""`load_demo_content` gives a newcomer one login per role – on a development machine only."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from wagtail.users.models import UserProfile

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS
from network.models import ParticipationRecipient
from tests.test_settings import PRODUCTION_ENV, run_django

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

ROLE_USERS = {"redaktion": EDITORS, "chefredaktion": MODERATORS, "uebersetzung": TRANSLATORS}


@override_settings(DEMO_ADMIN_PASSWORD="ein-demo-passwort")
def test_one_demo_login_per_role_with_its_password_printed():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    User = get_user_model()
    for username, group in {**ROLE_USERS, "ansprechperson": CONTACT_PERSONS}.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password("ein-demo-passwort") and not user.is_superuser
        assert f"{group} login (local only): {username} / ein-demo-passwort" in out.getvalue()
    assert UserProfile.get_for_user(User.objects.get(username="uebersetzung")).get_preferred_language() == "en"
    assigned = ParticipationRecipient.objects.filter(user__username="ansprechperson")
    assert [(r.network.slug, r.network.locale.language_code) for r in assigned] == [("netzwerk-produktion", "de")]
    assert UserProfile.get_for_user(User.objects.get(username="redaktion")).get_preferred_language() == "de"

    users = User.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert User.objects.count() == users
    assert assigned.count() == 1


@override_settings(DEMO_USERS=False)
def test_production_settings_create_no_demo_users():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    assert not get_user_model().objects.filter(username__in=["admin", *ROLE_USERS]).exists()
    assert "No demo users with these settings" in out.getvalue()


def test_the_production_settings_switch_demo_users_off():
    probe = "from django.conf import settings; print(settings.DEMO_USERS)"
    result = run_django(PRODUCTION_ENV, "shell", "-c", probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
