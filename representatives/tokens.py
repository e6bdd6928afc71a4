"""The links in the representatives' e-mails.

- The confirmation link of an access request: signed with SECRET_KEY, naming only the request's
  number, valid for REPRESENTATIVES_CONFIRM_HOURS.
- The link to set a password (after approval, and "forgot password"): Django's password-reset
  token machinery with a salt of its own (an admin reset link is no representative's and the
  reverse), valid for PASSWORD_RESET_TIMEOUT and used up once the password changes.
- The one-time login link: the same machinery with the time of the last login in its hash, so it
  is used up by logging in, and valid for REPRESENTATIVES_LOGIN_LINK_MINUTES.

Wagtail's page addresses take letters, digits, "-" and "_" between slashes: a signature's colons
become slashes, as in the registration's links."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode

_CONFIRM_SALT = "representatives.confirm"


def confirm_token(representative):
    return signing.dumps(representative.pk, salt=_CONFIRM_SALT).replace(":", "/")


def confirmed_id(token):
    """The request a confirmation token names; raises signing.BadSignature (SignatureExpired when older
    than REPRESENTATIVES_CONFIRM_HOURS)."""
    max_age = settings.REPRESENTATIVES_CONFIRM_HOURS * 3600
    return int(signing.loads(token.replace("/", ":"), salt=_CONFIRM_SALT, max_age=max_age))


class SetPasswordTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "representatives.set_password"


class LoginLinkTokenGenerator(PasswordResetTokenGenerator):
    """Single use: the hash covers the last login (and the password), which logging in changes."""

    key_salt = "representatives.login_link"

    def check_token(self, user, token):
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except (ValueError, AttributeError):
            return False
        if self._num_seconds(self._now()) - timestamp > settings.REPRESENTATIVES_LOGIN_LINK_MINUTES * 60:
            return False
        return super().check_token(user, token)


set_password_tokens = SetPasswordTokenGenerator()
login_link_tokens = LoginLinkTokenGenerator()


def uid(user):
    return urlsafe_base64_encode(force_bytes(user.pk))


def user_id(uidb64):
    """The user id an address names, or None."""
    try:
        value = force_str(urlsafe_base64_decode(uidb64))
    except (ValueError, TypeError):
        return None
    return int(value) if value.isdigit() else None
