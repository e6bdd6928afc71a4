"""The visitor's IP address, for the admin login lockout and the participation form's limit."""

import contextlib
import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address that the outermost of them
    saw. Each proxy appends the address it saw to X-Forwarded-For (nginx:
    `$proxy_add_x_forwarded_for`), so that one is the count-th entry from the right; entries
    further left come from the client and can be forged. The same rule as Werkzeug's ProxyFix."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            # A proxy that forwards garbage is misconfigured: then its own address counts.
            with contextlib.suppress(ValueError):
                address = str(ipaddress.ip_address(forwarded[-hops]))
    return address
