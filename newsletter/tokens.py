"""The signed links of the newsletter's e-mails: the confirmation link expires after
NEWSLETTER_CONFIRM_HOURS, the unsubscribe link lasts as long as the subscription. Each names only
the subscriber's random key, signed with SECRET_KEY; the signature's colons become slashes in the
address (Wagtail's page addresses take letters, digits, "-" and "_" between slashes)."""

from django.conf import settings
from django.core import signing

_SALTS = {"confirm": "newsletter.confirm", "unsubscribe": "newsletter.unsubscribe"}


def make_token(subscriber, action):
    return signing.dumps(str(subscriber.key), salt=_SALTS[action]).replace(":", "/")


def subscriber_key(token, action):
    """The key a token names, or raises signing.BadSignature (signing.SignatureExpired for a
    confirmation link older than NEWSLETTER_CONFIRM_HOURS)."""
    max_age = settings.NEWSLETTER_CONFIRM_HOURS * 3600 if action == "confirm" else None
    return str(signing.loads(token.replace("/", ":"), salt=_SALTS[action], max_age=max_age))
