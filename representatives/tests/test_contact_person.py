"""The contact person on the profile form: a change makes a contact person record of its own for
the draft (one that other pages may show is never changed), shown once the change is approved."""

import pytest

from django.urls import reverse

from network.models import ContactPerson
from network.tests.factories import ContactPersonFactory

from .factories import PASSWORD, RepresentativeFactory

pytestmark = pytest.mark.django_db

PROFILE = "/de/unternehmen/zugang/profil/"


@pytest.fixture
def logged_in(client, directory):
    shared = ContactPersonFactory(name="Frieda Beispiel", role="Vertrieb", email="frieda@example.org")
    directory.company.contact_person = shared
    directory.company.contact_person_agreed = True
    directory.company.save()
    representative = RepresentativeFactory(company=directory.company, approved=True)
    client.post("/de/unternehmen/zugang/anmelden/", {"email": representative.email, "password": PASSWORD})
    return client


def data(company, **changes):
    fields = {
        "description": company.description,
        "city": company.city,
        "website": company.website,
        "contact_name": "Frieda Beispiel",
        "contact_role": "Vertrieb",
        "contact_email": "frieda@example.org",
        "contact_phone": "",
        "contact_person_agreed": "on",
    }
    fields.update(changes)
    return fields


def test_a_new_contact_person_waits_for_approval_and_the_shared_one_is_untouched(logged_in, directory, moderator):
    company = directory.company
    page = logged_in.get(PROFILE).content.decode()
    assert 'value="Frieda Beispiel"' in page
    response = logged_in.post(PROFILE, data(company, contact_name="Karl Kontakt", contact_phone="0234 123456"))
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.contact_person.name == "Frieda Beispiel"
    assert ContactPerson.objects.get(pk=company.contact_person_id).role == "Vertrieb"
    assert ContactPerson.objects.filter(name="Frieda Beispiel").count() == 1
    draft = company.get_latest_revision_as_object()
    assert (draft.contact_person.name, draft.contact_person.phone) == ("Karl Kontakt", "0234 123456")
    assert "Karl Kontakt" not in logged_in.get(f"/de/unternehmen/{company.slug}/").content.decode()

    logged_in.force_login(moderator)
    task_state = company.current_workflow_task_state
    approve = reverse("wagtailsnippets_network_company:workflow_action", args=[company.pk, "approve", task_state.pk])
    logged_in.post(approve, {"comment": ""})
    logged_in.logout()
    assert "Karl Kontakt" in logged_in.get(f"/de/unternehmen/{company.slug}/").content.decode()


def test_unchanged_details_make_no_new_contact_person(logged_in, directory):
    before = ContactPerson.objects.count()
    assert logged_in.post(PROFILE, data(directory.company, description="Nur der Text.")).status_code == 302
    assert ContactPerson.objects.count() == before


def test_the_agreement_needs_a_name_and_what_was_typed_is_kept(logged_in, directory):
    response = logged_in.post(PROFILE, data(directory.company, contact_name="", contact_role="Einkauf"))
    page = response.content.decode()
    assert response.status_code == 200 and 'id="id_contact_name_error"' in page and 'value="Einkauf"' in page
    directory.company.refresh_from_db()
    assert directory.company.get_latest_revision() is None
