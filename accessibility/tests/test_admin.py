"""Reports of barriers in the admin: moderators read them and set their status, editors only
read them, contact persons and translators do not see them, nobody creates one."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS

from .factories import BarrierReportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("roles")]

LIST = "wagtailsnippets_accessibility_barrierreport:list"


def _log_in(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", "user@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user, "django.contrib.auth.backends.ModelBackend")
    return user


@pytest.fixture
def report():
    return BarrierReportFactory(name="Erika Muster", email="erika@example.net", needs_review=True)


def _url(name, *args):
    return reverse(f"wagtailsnippets_accessibility_barrierreport:{name}", args=args)


def test_moderators_read_reports_and_set_their_status(client, django_user_model, report):
    _log_in(client, django_user_model, MODERATORS)
    listing = client.get(_url("list")).content.decode()
    assert "Das Formular lässt sich mit der Tastatur nicht absenden." in listing
    inspect = client.get(_url("inspect", report.pk)).content.decode()
    assert "erika@example.net" in inspect and "Ich bin einverstanden." in inspect
    response = client.post(_url("edit", report.pk), {"status": "done"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "done"


def test_editors_read_reports_but_cannot_change_them(client, django_user_model, report):
    _log_in(client, django_user_model, EDITORS)
    assert client.get(_url("list")).status_code == 200
    assert client.get(_url("inspect", report.pk)).status_code == 200
    client.post(_url("edit", report.pk), {"status": "done"})
    report.refresh_from_db()
    assert report.status == "new"


@pytest.mark.parametrize("group_name", [CONTACT_PERSONS, TRANSLATORS])
def test_other_roles_do_not_see_reports(client, django_user_model, report, group_name):
    _log_in(client, django_user_model, group_name)
    assert client.get(_url("list")).status_code in (302, 403)
    assert client.get(_url("inspect", report.pk)).status_code in (302, 403)


def test_nobody_creates_a_report_in_the_admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "an-unguessable-password")
    client.force_login(user, "django.contrib.auth.backends.ModelBackend")
    assert client.get(_url("add")).status_code in (302, 403)
    assert "barrierreport/add/" not in client.get(_url("list")).content.decode()
