"""Who is logged in as a representative, and for how long.

A representative's session is marked at login (the representative's number and the time of
login). It ends after REPRESENTATIVES_SESSION_IDLE_MINUTES without a request (each request of a
representative's page renews the session's expiry) and at the latest
REPRESENTATIVES_SESSION_MAX_HOURS after the login, and with the browser
(SESSION_EXPIRE_AT_BROWSER_CLOSE). A session whose representative was revoked in the meantime
ends at its next request."""

import time

from django.conf import settings
from django.contrib.auth import login, logout

from .models import representative_of

SESSION_KEY = "representative"
LOGIN_AT_KEY = "representative_login_at"


def start(request, representative, backend="django.contrib.auth.backends.ModelBackend"):
    login(request, representative.user, backend=backend)
    request.session[SESSION_KEY] = representative.pk
    request.session[LOGIN_AT_KEY] = int(time.time())
    request.session.set_expiry(settings.REPRESENTATIVES_SESSION_IDLE_MINUTES * 60)


def current(request):
    """The representative of this session, or None (and the session ended when it expired or
    the access was revoked)."""
    marked = request.session.get(SESSION_KEY)
    if marked is None:
        return None
    user = request.user
    representative = representative_of(user) if user.is_authenticated else None
    login_at = request.session.get(LOGIN_AT_KEY, 0)
    too_old = time.time() - login_at > settings.REPRESENTATIVES_SESSION_MAX_HOURS * 3600
    if representative is None or representative.pk != marked or too_old:
        logout(request)
        return None
    # Another request: the idle time starts again.
    request.session.set_expiry(settings.REPRESENTATIVES_SESSION_IDLE_MINUTES * 60)
    return representative
