"""The spam traps of the site's public forms, the same for each: a field no person sees (a
honeypot) and the signed time the form was rendered at. Only a filled-in honeypot may be
answered like a success without storing; a post that came faster than a person types may be a
bot or a browser's autofill, and each form decides what to do with it – never drop it silently."""

import time

from django.core import signing


def signed_time(salt):
    """Now, signed: the form carries it in its `started` field. The forms are on addresses of their
    own that are never cached, so every visitor gets the time they got the form."""
    return signing.dumps(time.time(), salt=salt)


class SpamTraps:
    """For a django Form with a honeypot field and a hidden `started` field of its own."""

    honeypot = ""  # the name of the field no person sees
    started_salt = ""
    # A person typing needs longer than this to fill in a form.
    min_fill_seconds = 3

    def stamp_start(self):
        if not self.is_bound:
            self.initial["started"] = signed_time(self.started_salt)

    def honeypot_filled(self):
        return bool(self.data.get(self.honeypot, "").strip())

    def sent_too_fast(self):
        """Sent faster than a person types, or without a valid time of rendering."""
        try:
            started = float(signing.loads(self.data.get("started", ""), salt=self.started_salt))
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - started < self.min_fill_seconds
