"""django-csp with a second policy for the Wagtail admin.

The public pages get the strict CONTENT_SECURITY_POLICY. The admin needs inline scripts and
frames its own previews, so its paths get ADMIN_CONTENT_SECURITY_POLICY instead; a view that
sets its own policy (Wagtail's document view, `default-src 'none'`) keeps it.
"""

import logging

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template import loader
from django.utils.translation import gettext

from wagtail.models import Page

logger = logging.getLogger(__name__)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(f"/{settings.ADMIN_PATH}/"):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class RejectNullCharactersMiddleware:
    """A NUL character in the address has no meaning for this site, and PostgreSQL refuses it in
    any query (a 500 wherever the path reached one). Such requests get a styled 400 up front; in
    the admin also a NUL in the query string, which its searches and filters pass on to the
    database as they are (SQLite's full-text search ends a string at it; the admin API's
    `?search=`). The public pages clean their own query parameters (the site search drops
    control characters)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_query = request.path_info.startswith(f"/{settings.ADMIN_PATH}/") and any(
            "\x00" in name or any("\x00" in value for value in values) for name, values in request.GET.lists()
        )
        if "\x00" in request.path_info or in_query:
            logger.warning("Refused an address with a NUL character: %r", request.get_full_path()[:200])
            return HttpResponseBadRequest(loader.get_template("bad_request.html").render())
        return self.get_response(request)


# The largest primary key the databases store (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


def _is_id(value):
    return value.isascii() and value.isdigit() and int(value) <= LARGEST_ID


USAGE_COUNT_FILTERS = ("usage_count_min", "usage_count_max")


class RejectMalformedBulkActionIdsMiddleware:
    """Wagtail's bulk actions (`/admin/bulk/...?id=1&id=2`, `?id=all&childOf=3`) look the ids
    up as they come, so `?id=abc`, an empty id or one beyond the database's integers was a 500
    for every role (Wagtail 8.0.1, `BulkAction.get_actionable_objects`). Such a request gets a
    400 before the view runs, and "all pages below" a page that does not exist a 404 (Wagtail
    looked the page up with `get()`). The same for the ids of the admin API's find views and of
    the choosers' "chosen multiple" views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @staticmethod
    def _searches_by_usage_count(request, match):
        return (
            match.url_name in {"index", "index_results"}
            and bool({"wagtailimages", "wagtaildocs"} & set(match.namespaces))
            and request.GET.get("q", "").strip() != ""
            and any(request.GET.get(name, "").strip() for name in USAGE_COUNT_FILTERS)
        )

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        if self._searches_by_usage_count(request, match):
            # Wagtail 8.0.1 answers a search in the image or document listing combined with the
            # usage-count filter with a 500 (modelsearch cannot filter on the usage annotation):
            # the search is kept and the filter dropped, with a word why.
            query = request.GET.copy()
            for name in USAGE_COUNT_FILTERS:
                query.pop(name, None)
            messages.warning(
                request, gettext("The usage count filter cannot be combined with a search yet; it was left out.")
            )
            return redirect(f"{request.path}?{query.urlencode()}")
        if match.url_name == "find" and "wagtailadmin_api" in match.namespaces:
            # The admin API's find views (`?id=`) look the id up as it comes, too.
            if all(_is_id(value) for value in request.GET.getlist("id")):
                return None
            return HttpResponseBadRequest(loader.get_template("bad_request.html").render())
        if (match.url_name or "").endswith("chosen_multiple"):
            # Every chooser's "chosen multiple" view (`?id=1&id=2`: pages, snippets, images,
            # documents) looks the ids up as they come, too.
            if all(_is_id(value) for value in request.GET.getlist("id")):
                return None
            return HttpResponseBadRequest(loader.get_template("bad_request.html").render())
        if match.url_name != "wagtail_bulk_action":
            return None
        ids = request.GET.getlist("id")
        child_of = request.GET.get("childOf")
        if not all(value == "all" or _is_id(value) for value in ids) or not (child_of is None or _is_id(child_of)):
            logger.info("Refused a bulk action with malformed ids: %r", request.GET.urlencode()[:200])
            return HttpResponseBadRequest(loader.get_template("bad_request.html").render())
        below_a_page = "all" in ids and child_of is not None and view_kwargs.get("app_label") == "wagtailcore"
        if below_a_page and not Page.objects.filter(pk=child_of).exists():
            raise Http404
        return None
