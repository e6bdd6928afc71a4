"""Moderation of the exchange's entries in the admin: moderators see those waiting first, approve
an entry by publishing it (the poster is told, the public sees it) and reject one by deleting it;
editors only read; nobody adds an entry in the admin."""

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from exchange.models import Entry

from .factories import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(exchange_tree, roles):
    waiting = EntryFactory(page=exchange_tree.german, title="Wartet auf Freigabe", pending=True)
    Entry.objects.filter(pk=waiting.pk).update(email_confirmed_at=waiting.consented_at)
    unconfirmed = EntryFactory(page=exchange_tree.german, title="Nicht bestätigt", pending=True)
    public = EntryFactory(page=exchange_tree.german, title="Schon öffentlich")
    return Entry.objects.get(pk=waiting.pk), unconfirmed, public


def _log_in(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", "user@example.org", "an-unguessable-password")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user, "django.contrib.auth.backends.ModelBackend")
    return user


def _url(name, *args):
    return reverse(f"wagtailsnippets_exchange_entry:{name}", args=args)


def test_moderators_see_entries_waiting_for_moderation_first(client, django_user_model, entries):
    waiting, unconfirmed, public = entries
    _log_in(client, django_user_model, MODERATORS)
    listing = client.get(_url("list")).content.decode()
    assert listing.index("Wartet auf Freigabe") < listing.index("Schon öffentlich")
    filtered = client.get(_url("list"), {"status": "waiting"}).content.decode()
    assert "Wartet auf Freigabe" in filtered
    assert "Nicht bestätigt" not in filtered and "Schon öffentlich" not in filtered


def test_a_moderator_approves_an_entry_by_publishing_it(
    client, django_user_model, entries, exchange_tree, django_capture_on_commit_callbacks
):
    waiting, _unconfirmed, _public = entries
    _log_in(client, django_user_model, MODERATORS)
    assert client.get(_url("edit", waiting.pk)).status_code == 200
    data = {
        "kind": waiting.kind,
        "theme": waiting.theme,
        "title": "Wartet auf Freigabe (korrigiert)",
        "description": waiting.description,
        "company_name": waiting.company_name,
        "company": "",
        "action-publish": "action-publish",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("edit", waiting.pk), data)
    assert response.status_code == 302
    entry = Entry.objects.get(pk=waiting.pk)
    assert entry.live and entry.is_public()
    assert entry.title == "Wartet auf Freigabe (korrigiert)"
    assert entry.email == waiting.email  # the poster's data is the entry's, not the revision's
    assert [message.to for message in mail.outbox] == [[waiting.email]]
    client.logout()
    assert "Wartet auf Freigabe (korrigiert)" in client.get(exchange_tree.german.url).content.decode()


def test_a_moderator_rejects_an_entry_by_deleting_it(client, django_user_model, entries):
    waiting, _unconfirmed, _public = entries
    _log_in(client, django_user_model, MODERATORS)
    assert client.post(_url("delete", waiting.pk)).status_code == 302
    assert not Entry.objects.filter(pk=waiting.pk).exists()


def test_editors_read_translators_see_nothing_and_nobody_adds(client, django_user_model, entries):
    waiting, _unconfirmed, _public = entries
    _log_in(client, django_user_model, EDITORS)
    assert client.get(_url("list")).status_code == 200
    assert client.get(_url("inspect", waiting.pk)).status_code == 200
    assert client.get(_url("edit", waiting.pk)).status_code in (302, 403)
    assert client.get(_url("add")).status_code in (302, 403)
    client.logout()
    _log_in(client, django_user_model, TRANSLATORS)
    assert client.get(_url("list")).status_code in (302, 403)
    client.logout()
    _log_in(client, django_user_model, MODERATORS)
    assert client.get(_url("add")).status_code in (302, 403)
