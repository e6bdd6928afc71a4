"""Moderators decide on requests in the admin: approve (an account without admin access and an
e-mail with a link to set the password), reject (the note goes to the person), revoke; an address
that names another account is refused; nobody creates a request in the admin."""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from editorial.roles import EDITORS
from representatives.models import Representative

from .conftest import member
from .factories import RepresentativeFactory

pytestmark = pytest.mark.django_db


def decide(client, representative, decision, note=""):
    return client.post(reverse("representatives:edit", args=[representative.pk]), {"decision": decision, "note": note})


def test_a_rejection_sends_the_note(client, directory, moderator):
    waiting = RepresentativeFactory(company=directory.company)
    client.force_login(moderator)
    assert decide(client, waiting, "reject", "Die Adresse gehört nicht zum Unternehmen.").status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Representative.Status.REJECTED and waiting.decided_by == moderator
    [message] = mail.outbox
    assert message.to == [waiting.email] and "Die Adresse gehört nicht zum Unternehmen." in message.body
    assert waiting.user is None


def test_an_address_of_another_account_is_refused(client, directory, moderator, django_user_model):
    get_user_model().objects.create_user("vera@firma.example.org", "vera@firma.example.org", "x-secret-123456")
    waiting = RepresentativeFactory(company=directory.company, email="vera@firma.example.org")
    client.force_login(moderator)
    response = decide(client, waiting, "approve")
    assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == Representative.Status.CONFIRMED and waiting.user is None
    assert not mail.outbox


def test_revoking_deactivates_the_account(client, directory, moderator):
    approved = RepresentativeFactory(company=directory.company, approved=True)
    client.force_login(moderator)
    assert decide(client, approved, "revoke", "Hat gewechselt.").status_code == 302
    approved.refresh_from_db()
    assert approved.status == Representative.Status.REVOKED and not approved.user.is_active


def test_editors_do_not_see_requests_and_nobody_adds_one(client, directory, moderator, django_user_model):
    editor = member(django_user_model, "erika", EDITORS)
    waiting = RepresentativeFactory(company=directory.company)
    client.force_login(editor)
    assert client.get(reverse("representatives:index")).status_code == 302
    assert client.get(reverse("representatives:edit", args=[waiting.pk])).status_code == 302
    client.force_login(moderator)
    assert client.get(reverse("representatives:add")).status_code == 302
    listing = client.get(reverse("representatives:index"), {"status": "confirmed"}).content.decode()
    assert waiting.name in listing
