"""Admin login: lockout after repeated failures, strong passwords, sessions that expire."""

from datetime import timedelta

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-password-123"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("chefin", "chefin@example.org", PASSWORD)


def log_in(client, password, address="192.0.2.10"):
    return client.post("/admin/login/", {"username": "chefin", "password": password}, REMOTE_ADDR=address)


@override_settings(AXES_ENABLED=True)
def test_login_is_locked_after_repeated_failures_from_one_address(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "wrong-password-000")
        assert response.status_code == 200  # the login form again, with its error
    assert log_in(client, "wrong-password-000").status_code == 429
    # Now even the right password is refused from that address ...
    locked = log_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # ... while the same user from another address can still log in.
    assert log_in(client, PASSWORD, address="198.51.100.7").status_code == 302


def log_in_through_proxy(client, password, forwarded_for):
    """As nginx forwards it: the proxy is the peer, the visitor's address is appended last."""
    return client.post(
        "/admin/login/",
        {"username": "chefin", "password": password},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_lockout_applies_to_the_visitors_address_not_the_proxys(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in_through_proxy(client, "wrong-password-000", "203.0.113.66")
    assert log_in_through_proxy(client, PASSWORD, "203.0.113.66").status_code == 429
    # An attacker cannot dodge the lockout by sending an X-Forwarded-For of their own: the
    # proxy appends the real address, and only that one counts.
    assert log_in_through_proxy(client, PASSWORD, "198.51.100.1, 203.0.113.66").status_code == 429
    # The editor, coming through the same proxy from elsewhere, is not locked out.
    assert log_in_through_proxy(client, PASSWORD, "198.51.100.7").status_code == 302


@override_settings(AXES_ENABLED=True)
def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        # A client rotating forged headers still comes from one address.
        log_in_through_proxy(client, "wrong-password-000", f"203.0.113.{number}")
    assert log_in_through_proxy(client, PASSWORD, "198.51.100.7").status_code == 429


@override_settings(AXES_ENABLED=True)
def test_a_successful_login_resets_the_failure_count(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong-password-000")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong-password-000")
    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("kurz-123", False),
        ("elf-zeichen", False),
        ("12345678901234", False),
        ("password1234", False),
        ("Ruhr-Tal-Weg-42", True),
    ],
)
def test_passwords_need_twelve_characters_and_must_not_be_common(editor, password, accepted):
    if accepted:
        validate_password(password, editor)
    else:
        with pytest.raises(ValidationError):
            validate_password(password, editor)


def test_admin_sessions_end_with_the_browser_and_after_a_working_day(client, editor):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    session = Session.objects.get(session_key=cookie.value)
    assert session.expire_date <= timezone.now() + timedelta(hours=8, minutes=1)
    assert client.get("/admin/").status_code == 200


def test_an_expired_session_leads_back_to_the_login(client, editor):
    log_in(client, PASSWORD)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
