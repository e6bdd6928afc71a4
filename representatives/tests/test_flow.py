"""The whole way of a company representative, with the e-mails' links followed as a person does:
request access → confirm the e-mail address → a moderator approves → set a password → log in →
edit the profile → a moderator approves the change in the admin → the public page shows it, and
the English version is out of date for the translators."""

import re
import time

import pytest

from django.core import mail, signing
from django.urls import reverse

from localization.translation import snippet_translations_out_of_date
from representatives.forms import _REQUEST_SALT
from representatives.models import REPRESENTATIVES_GROUP, Representative

pytestmark = pytest.mark.django_db

PASSWORD = "Gerthe-Blech-2026-sicher"
NEW_DESCRIPTION = "Lasergeschnittene und gekantete Bleche für den Maschinenbau."


def request_data(company, **changes):
    data = {
        "name": "Vera Vertreterin",
        "email": "vera@blech.example.org",
        "company": str(company.pk),
        "role": "Geschäftsführerin",
        "consent": "on",
        "homepage": "",
        "started": signing.dumps(time.time() - 30, salt=_REQUEST_SALT),
    }
    data.update(changes)
    return data


def link(message, words):
    """The path of the link in the plain-text mail whose address contains `words`."""
    url = re.search(rf"https?://\S+/{words}/\S+", message.body)[0]
    return re.sub(r"^https?://[^/]+", "", url)


def profile_data(company, **changes):
    data = {
        "description": company.description,
        "competences": [],
        "certifications": company.certifications,
        "size": company.size,
        "street": company.street,
        "postcode": company.postcode,
        "city": company.city,
        "district": company.district,
        "website": company.website,
    }
    data.update(changes)
    return data


def test_a_representative_asks_is_approved_edits_and_the_change_goes_public_after_moderation(
    client, directory, moderator, translator
):
    company = directory.company
    page = client.get("/de/unternehmen/zugang/")
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"] or "no-store" in page["Cache-Control"]
    assert "Wattenscheider Stahl AG" in page.content.decode()

    response = client.post("/de/unternehmen/zugang/", request_data(company))
    assert response.status_code == 302 and response["Location"] == "/de/unternehmen/zugang/gesendet/"
    representative = Representative.objects.get(email="vera@blech.example.org")
    assert representative.status == Representative.Status.REQUESTED and representative.company == company
    [message] = mail.outbox
    assert message.to == ["vera@blech.example.org"]
    assert "Gerther Blechtechnik GmbH" in message.subject
    assert message.alternatives[0][1] == "text/html"
    assert "info@example.org" in message.body

    confirm = link(message, "zugang/bestaetigen")
    assert '<button class="button" type="submit">' in client.get(confirm).content.decode()
    representative.refresh_from_db()
    assert representative.status == Representative.Status.REQUESTED  # opening the link changes nothing
    client.post(confirm)
    client.post(confirm)  # a second click changes nothing
    representative.refresh_from_db()
    assert representative.status == Representative.Status.CONFIRMED and representative.confirmed_at

    # The moderator sees the confirmed request with the domain hint and approves it.
    client.force_login(moderator)
    listing = client.get(reverse("representatives:index")).content.decode()
    assert "Vera Vertreterin" in listing and "blech.example.org = Website" in listing
    edit = reverse("representatives:edit", args=[representative.pk])
    response = client.post(edit, {"decision": "approve", "note": "Telefonisch bestätigt."})
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    representative.refresh_from_db()
    user = representative.user
    assert representative.status == Representative.Status.APPROVED
    assert user.groups.filter(name=REPRESENTATIVES_GROUP).exists()
    assert not user.is_staff and not user.has_perm("wagtailadmin.access_admin") and not user.has_usable_password()

    # The approval e-mail leads to setting a password, which logs the person in.
    approved = mail.outbox[-1]
    password_path = link(approved, "zugang/passwort")
    response = client.post(password_path, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/de/unternehmen/zugang/profil/"
    assert client.get(password_path).status_code == 400  # used up with the password change
    client.post("/de/unternehmen/zugang/abmelden/")
    assert client.get("/de/unternehmen/zugang/profil/")["Location"] == "/de/unternehmen/zugang/anmelden/"

    response = client.post(
        "/de/unternehmen/zugang/anmelden/", {"email": "Vera@Blech.example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/de/unternehmen/zugang/profil/"
    profile = client.get("/de/unternehmen/zugang/profil/")
    assert "private" in profile["Cache-Control"] or "no-cache" in profile["Cache-Control"]
    assert "Gerther Blechtechnik GmbH" in profile.content.decode()

    response = client.post(
        "/de/unternehmen/zugang/profil/",
        profile_data(company, description=NEW_DESCRIPTION, competences=[str(directory.laser.pk)]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "notice--in_moderation" in client.get("/de/unternehmen/zugang/profil/").content.decode()
    company.refresh_from_db()
    assert company.description == "Lasergeschnittene Bleche." and company.has_unpublished_changes
    public = f"/de/unternehmen/{company.slug}/"
    client.logout()
    assert NEW_DESCRIPTION not in client.get(public).content.decode()

    # The moderator approves the change in Wagtail's workflow.
    client.force_login(moderator)
    task_state = company.current_workflow_task_state
    approve = reverse("wagtailsnippets_network_company:workflow_action", args=[company.pk, "approve", task_state.pk])
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    client.logout()
    page = client.get(public).content.decode()
    assert NEW_DESCRIPTION in page and "Laserschneiden" in page

    [outdated] = [
        translation
        for translation in snippet_translations_out_of_date()
        if translation.source.object_id == company.translation_key
    ]
    assert outdated.source.object_id == company.translation_key
    client.force_login(translator)
    sync = reverse("wagtail_localize:update_translations", args=[outdated.source_id])
    assert sync in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_english_pages_speak_english(client, directory):
    page = client.get("/en/companies/access/").content.decode()
    assert "Request access" in page and "Zugang" not in page
    assert client.get("/en/companies/access/login/").status_code == 200


def test_asking_twice_or_for_a_known_address_gives_the_same_answer(client, directory):
    first = client.post("/de/unternehmen/zugang/", request_data(directory.company))
    second = client.post("/de/unternehmen/zugang/", request_data(directory.company))
    assert first["Location"] == second["Location"]
    assert Representative.objects.count() == 1
    assert len(mail.outbox) == 2  # the link once more


def test_a_filled_honeypot_stores_nothing_and_looks_like_success(client, directory):
    response = client.post("/de/unternehmen/zugang/", request_data(directory.company, homepage="http://spam"))
    assert response["Location"] == "/de/unternehmen/zugang/gesendet/"
    assert not Representative.objects.exists() and not mail.outbox


def test_too_many_requests_are_refused(client, directory, settings):
    settings.REPRESENTATIVES_REQUESTS_PER_HOUR = 2
    for number in range(2):
        client.post("/de/unternehmen/zugang/", request_data(directory.company, email=f"a{number}@example.org"))
    response = client.post("/de/unternehmen/zugang/", request_data(directory.company, email="c@example.org"))
    assert response.status_code == 429
    assert Representative.objects.count() == 2


def test_field_errors_keep_what_was_typed(client, directory):
    response = client.post("/de/unternehmen/zugang/", request_data(directory.company, email="keine-adresse"))
    page = response.content.decode()
    assert response.status_code == 200 and 'value="Vera Vertreterin"' in page and 'value="keine-adresse"' in page
    assert "form-errors" in page


def test_an_expired_confirmation_link_is_refused(client, directory, settings):
    client.post("/de/unternehmen/zugang/", request_data(directory.company))
    settings.REPRESENTATIVES_CONFIRM_HOURS = 0
    time.sleep(1)
    assert client.post(link(mail.outbox[0], "zugang/bestaetigen")).status_code == 400
    assert Representative.objects.get().status == Representative.Status.REQUESTED
