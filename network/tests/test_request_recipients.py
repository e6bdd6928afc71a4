"""Participation requests reach only those allowed to read them: the user accounts assigned to the
network (moderators maintain the assignments, Wagtail logs each change), a notice without personal
data to the initiative's address where nobody is assigned; a contact person sees, exports and
answers only the requests of their own networks."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, setup_roles
from home.tests.factories import ContactSettingsFactory, translate_into_english
from network.models import NetworkContactPerson, ParticipationRecipient, ParticipationRequest

from .factories import ContactPersonFactory, NetworkIndexPageFactory, NetworkPageFactory, ParticipationRequestFactory

pytestmark = pytest.mark.django_db

PERSONAL = ("Muster Metall GmbH", "Erika Muster", "erika@muster-metall.example", "0234 123456", "Wir fräsen")


@pytest.fixture
def networks(site_tree):
    """Two German networks, the first with an English version; the roles set up."""
    index = NetworkIndexPageFactory(parent=site_tree.german_home)
    translate_into_english(index, title="Networks", slug="networks", intro="Companies together.")
    production = NetworkPageFactory(parent=index, title="Netzwerk Produktion")
    english = translate_into_english(production, title="Production network", slug="production", intro="For tests.")
    logistics = NetworkPageFactory(parent=index, title="Netzwerk Logistik")
    ContactSettingsFactory(email="info@example.org")
    setup_roles()
    return production, english, logistics


def _member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def konrad(django_user_model, networks):
    """A contact person assigned to the production network."""
    user = _member(django_user_model, "konrad", CONTACT_PERSONS)
    ParticipationRecipient.objects.create(network=networks[0], user=user)
    return user


def _request(network, **fields):
    company, name, email, phone, message = PERSONAL
    defaults = {"company": company, "contact_name": name, "email": email, "phone": phone, "message": message}
    return ParticipationRequestFactory(network=network, **{**defaults, **fields})


def test_request_goes_to_the_users_assigned_to_its_network_in_either_language(networks, konrad):
    _, english, _ = networks
    stored = _request(english)
    assert stored.notify_network()
    [message] = mail.outbox
    assert message.to == ["konrad@example.org"]
    assert message.reply_to == ["erika@muster-metall.example"]
    assert all(value in message.body for value in PERSONAL)
    stored.refresh_from_db()
    assert stored.notified_at is not None


def test_network_without_assigned_users_notifies_the_fallback_address_without_personal_data(networks, konrad):
    _, _, logistics = networks
    stored = _request(logistics)
    assert stored.notify_network()
    [message] = mail.outbox
    assert message.to == ["info@example.org"]
    assert message.reply_to == []
    assert message.subject == "Teilnahmeanfrage Netzwerk Logistik"
    assert f"/admin/participation-requests/inspect/{stored.pk}/" in message.body
    for value in PERSONAL:
        assert value not in message.subject and value not in message.body, value


def test_someone_who_left_the_contact_persons_gets_no_more_requests(networks, konrad):
    production, _, _ = networks
    konrad.groups.clear()  # left the contact persons; the assignment was forgotten
    stored = _request(production)
    assert stored.notify_network()
    [message] = mail.outbox
    assert message.to == ["info@example.org"]
    assert message.reply_to == []
    for value in PERSONAL:
        assert value not in message.subject and value not in message.body, value


def test_editing_a_contact_person_snippet_no_longer_diverts_requests(networks, konrad):
    production, _, _ = networks
    diverted = ContactPersonFactory(email="umgeleitet@example.org")
    NetworkContactPerson.objects.create(page=production, contact_person=diverted)
    _request(production).notify_network()
    assert [message.to for message in mail.outbox] == [["konrad@example.org"]]


def test_contact_person_sees_exports_and_answers_only_their_networks_requests(client, networks, konrad):
    production, english, logistics = networks
    own = _request(production, company="Eigene Firma")
    own_english = _request(english, company="Own Company")
    other = _request(logistics, company="Fremde Firma")
    client.force_login(konrad)

    listing = client.get("/admin/participation-requests/").content.decode()
    assert "Eigene Firma" in listing and "Own Company" in listing and "Fremde Firma" not in listing
    export = client.get("/admin/participation-requests/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert sorted(row[next(iter(row))] != "" for row in rows) == [True, True]
    assert not any("Fremde Firma" in row.values() for row in rows)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Eigene Firma" in dashboard and "Fremde Firma" not in dashboard

    assert client.get(f"/admin/participation-requests/inspect/{own.pk}/").status_code == 200
    client.post(f"/admin/participation-requests/edit/{own_english.pk}/", {"status": "contacted"})
    own_english.refresh_from_db()
    assert own_english.status == ParticipationRequest.Status.CONTACTED
    for view in ("inspect", "edit", "history"):
        response = client.get(f"/admin/participation-requests/{view}/{other.pk}/")
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), view
        assert "Fremde Firma" not in client.get(response["Location"]).content.decode()
    client.post(f"/admin/participation-requests/edit/{other.pk}/", {"status": "declined"})
    other.refresh_from_db()
    assert other.status == ParticipationRequest.Status.NEW


def test_moderator_sees_every_networks_requests(client, django_user_model, networks, konrad):
    production, _, logistics = networks
    _request(production, company="Eigene Firma")
    _request(logistics, company="Fremde Firma")
    client.force_login(_member(django_user_model, "moritz", MODERATORS))
    listing = client.get("/admin/participation-requests/").content.decode()
    assert "Eigene Firma" in listing and "Fremde Firma" in listing


def test_only_moderators_assign_recipients_and_each_change_is_logged(client, django_user_model, networks, konrad):
    production, _, logistics = networks
    editor = _member(django_user_model, "erika", EDITORS)
    for user in (editor, konrad):
        client.force_login(user)
        for url in ("/admin/participation-recipients/", "/admin/participation-recipients/new/"):
            assert client.get(url).status_code == 302, (user, url)
        client.post("/admin/participation-recipients/new/", {"network": logistics.pk, "user": konrad.pk})
    assert not ParticipationRecipient.objects.filter(network=logistics).exists()

    moderator = _member(django_user_model, "moritz", MODERATORS)
    client.force_login(moderator)
    form = client.get("/admin/participation-recipients/new/").content.decode()
    assert "Netzwerk Logistik" in form and "Production network" not in form  # the German pages
    response = client.post("/admin/participation-recipients/new/", {"network": logistics.pk, "user": konrad.pk})
    assert response.status_code == 302
    assignment = ParticipationRecipient.objects.get(network=logistics)
    client.post(f"/admin/participation-recipients/delete/{assignment.pk}/")
    assert not ParticipationRecipient.objects.filter(network=logistics).exists()
    logged = ModelLogEntry.objects.filter(object_id=str(assignment.pk), user=moderator)
    assert sorted(logged.values_list("action", flat=True)) == ["wagtail.create", "wagtail.delete"]
