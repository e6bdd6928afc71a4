"""django-csp with a second policy for the Wagtail admin.

The public pages get the strict CONTENT_SECURITY_POLICY. The admin needs inline scripts and
frames its own previews, so its paths get ADMIN_CONTENT_SECURITY_POLICY instead; a view that
sets its own policy (Wagtail's document view, `default-src 'none'`) keeps it.
"""

import logging

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template import loader

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(f"/{settings.ADMIN_PATH}/"):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class RejectNullCharactersMiddleware:
    """A NUL character in the address has no meaning for this site, and PostgreSQL refuses it in
    any query (a 500 wherever the path reached one). Such requests get a styled 400 up front."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            logger.warning("Refused an address with a NUL character: %r", request.path_info[:200])
            return HttpResponseBadRequest(loader.get_template("bad_request.html").render())
        return self.get_response(request)
