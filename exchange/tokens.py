"""The signed links of the exchange's e-mails. A confirmation link names the entry and expires
after EXCHANGE_CONFIRM_HOURS; a renewal link names the entry and the end of the period it was
sent for, so that it renews once (the same link again finds the period already extended). Each
is signed with SECRET_KEY; the signature's colons become slashes in the address (Wagtail's page
addresses take letters, digits, "-" and "_" between slashes)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

_CONFIRM_SALT = "exchange.confirm"
_RENEW_SALT = "exchange.renew"


def confirm_token(entry):
    return signing.dumps(entry.pk, salt=_CONFIRM_SALT).replace(":", "/")


def renew_token(entry):
    return signing.dumps([entry.pk, int(entry.expires_at.timestamp())], salt=_RENEW_SALT).replace(":", "/")


def confirmed_entry_id(token):
    """The entry a confirmation token names, or raises signing.BadSignature (SignatureExpired
    after EXCHANGE_CONFIRM_HOURS)."""
    max_age = settings.EXCHANGE_CONFIRM_HOURS * 3600
    return int(signing.loads(token.replace("/", ":"), salt=_CONFIRM_SALT, max_age=max_age))


def renewal(token):
    """(entry id, the end of the period as a timestamp) a renewal token names, or raises
    signing.BadSignature. A renewal link works until the entry is deleted after its retention
    period (EXCHANGE_RENEWAL_DAYS before the end plus EXCHANGE_RETENTION_DAYS after it)."""
    max_age = timedelta(days=settings.EXCHANGE_RENEWAL_DAYS + settings.EXCHANGE_RETENTION_DAYS + 1)
    pk, expires = signing.loads(token.replace("/", ":"), salt=_RENEW_SALT, max_age=max_age)
    return int(pk), int(expires)
