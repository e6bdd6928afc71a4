"""Logging in on the public site: password (locked out as the admin is after repeated failures),
one-time link (single use, valid for minutes, used by a POST), sessions that expire, logging out."""

import datetime
import re
import time

import pytest

from django.conf import settings
from django.core import mail
from django.test import override_settings

from representatives import sessions
from representatives.tokens import login_link_tokens

from .factories import PASSWORD, RepresentativeFactory

pytestmark = pytest.mark.django_db

PROFILE = "/de/unternehmen/zugang/profil/"
LOGIN = "/de/unternehmen/zugang/anmelden/"
LINK = "/de/unternehmen/zugang/anmelden/link/"


@pytest.fixture
def mine(directory):
    return RepresentativeFactory(company=directory.company, approved=True)


def link_in(message):
    url = re.search(r"https?://\S+/anmelden/link/\S+", message.body)[0]
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_login_link_logs_in_once(client, mine):
    assert client.post(LINK, {"email": mine.email.upper(), "homepage": ""}).status_code == 200
    [message] = mail.outbox
    path = link_in(message)
    # Opening the link (a mail scanner does) logs nobody in.
    assert client.get(path).status_code == 200 and "_auth_user_id" not in client.session
    response = client.post(path)
    assert response["Location"] == PROFILE
    assert client.get(PROFILE).status_code == 200
    client.post("/de/unternehmen/zugang/abmelden/")
    assert client.post(path).status_code == 400  # used up
    assert "_auth_user_id" not in client.session


def test_a_login_link_expires_after_minutes(client, mine, monkeypatch):
    client.post(LINK, {"email": mine.email, "homepage": ""})
    path = link_in(mail.outbox[0])
    later = datetime.datetime.now() + datetime.timedelta(minutes=settings.REPRESENTATIVES_LOGIN_LINK_MINUTES + 1)
    monkeypatch.setattr(login_link_tokens, "_now", lambda: later)
    assert client.post(path).status_code == 400
    assert "_auth_user_id" not in client.session


def test_unknown_addresses_get_the_same_answer_and_no_mail(client, mine):
    known = client.post(LINK, {"email": mine.email, "homepage": ""}).content.decode()
    unknown = client.post(LINK, {"email": "niemand@example.org", "homepage": ""}).content.decode()
    strip = lambda page: re.sub(r'name="(csrfmiddlewaretoken|started)" value="[^"]*"', "", page)  # noqa: E731
    assert strip(known) == strip(unknown)
    assert [message.to for message in mail.outbox] == [[mine.email]]


def test_too_many_login_links_are_refused(client, mine, settings):
    settings.REPRESENTATIVES_LOGIN_LINKS_PER_HOUR = 2
    for _ in range(2):
        client.post(LINK, {"email": mine.email, "homepage": ""})
    assert client.post(LINK, {"email": mine.email, "homepage": ""}).status_code == 429
    assert len(mail.outbox) == 2


@override_settings(AXES_ENABLED=True)
def test_logging_in_is_locked_after_repeated_wrong_passwords(client, mine):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN, {"email": mine.email, "password": "falsch-falsch-1"}).status_code == 200
    assert client.post(LOGIN, {"email": mine.email, "password": "falsch-falsch-1"}).status_code == 429
    assert client.post(LOGIN, {"email": mine.email, "password": PASSWORD}).status_code == 429
    assert "_auth_user_id" not in client.session
    # From another address the right password still works.
    response = client.post(LOGIN, {"email": mine.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.7")
    assert response["Location"] == PROFILE


def test_the_session_expires_when_idle_and_after_the_maximum(client, mine):
    client.post(LOGIN, {"email": mine.email, "password": PASSWORD})
    assert client.session.get_expiry_age() == settings.REPRESENTATIVES_SESSION_IDLE_MINUTES * 60
    assert not client.session.get_expire_at_browser_close() or settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert client.get(PROFILE).status_code == 200
    session = client.session
    session[sessions.LOGIN_AT_KEY] = int(time.time()) - settings.REPRESENTATIVES_SESSION_MAX_HOURS * 3600 - 1
    session.save()
    assert client.get(PROFILE)["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_an_idle_session_is_gone(client, mine):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client.post(LOGIN, {"email": mine.email, "password": PASSWORD})
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(PROFILE)["Location"] == LOGIN


def test_logging_out_takes_a_post(client, mine):
    client.post(LOGIN, {"email": mine.email, "password": PASSWORD})
    client.get("/de/unternehmen/zugang/abmelden/")
    assert client.get(PROFILE).status_code == 200
    client.post("/de/unternehmen/zugang/abmelden/")
    assert client.get(PROFILE)["Location"] == LOGIN
