"""django-csp with a second policy for the Wagtail admin.

The public pages get the strict CONTENT_SECURITY_POLICY. The admin needs inline scripts and
frames its own previews, so its paths get ADMIN_CONTENT_SECURITY_POLICY instead; a view that
sets its own policy (Wagtail's document view, `default-src 'none'`) keeps it.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(f"/{settings.ADMIN_PATH}/"):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
