"""django-csp with a second policy for the Wagtail admin.

The public pages get the strict CONTENT_SECURITY_POLICY. The admin needs inline scripts and
frames its own previews, so its paths get ADMIN_CONTENT_SECURITY_POLICY instead; a view that
sets its own policy (Wagtail's document view, `default-src 'none'`) keeps it.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.core.exceptions import SuspiciousOperation


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(f"/{settings.ADMIN_PATH}/"):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class RejectNullCharactersMiddleware:
    """A NUL character in the address or the query has no meaning for this site, and PostgreSQL
    refuses it in any query (a 500 wherever it reached one). Such requests get a 400 up front."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path_info or "\x00" in query or "%00" in query:
            raise SuspiciousOperation("NUL character in the request's address")
        return self.get_response(request)
