"""The signed links in the e-mails: a confirmation link that expires, a cancel link that lasts as
long as the registration. Each names only the registration's number, signed with SECRET_KEY.
A signature's parts are separated by slashes in the address (Wagtail's page addresses take
letters, digits, "-" and "_" between slashes, no colon)."""

from django.conf import settings
from django.core import signing

_CONFIRM_SALT = "registration.confirm"
_CANCEL_SALT = "registration.cancel"


def confirm_token(registration):
    return signing.dumps(registration.pk, salt=_CONFIRM_SALT).replace(":", "/")


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=_CANCEL_SALT).replace(":", "/")


def registration_id(token, action):
    """The registration a token names, or raises signing.BadSignature (signing.SignatureExpired for a
    confirmation link older than REGISTRATION_CONFIRM_HOURS)."""
    token = token.replace("/", ":")
    if action == "confirm":
        return int(signing.loads(token, salt=_CONFIRM_SALT, max_age=settings.REGISTRATION_CONFIRM_HOURS * 3600))
    return int(signing.loads(token, salt=_CANCEL_SALT))
