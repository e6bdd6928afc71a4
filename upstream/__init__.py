"""The undocumented parts of Wagtail and Django that the site relies on, all in one place.

Each saves a query or real work on every request where no public API does the same (README,
"Private names"). They were checked against the versions in CHECKED_AGAINST;
tests/test_upstream.py pins those versions and tests each behaviour, so an upgrade fails the
suite until someone has looked at every name here again.

- Wagtail reads the request's site, the site root paths and the routed page from attributes it
  caches on the request (`Site.find_for_request`, `Page._get_site_root_paths`,
  `Page.route_for_request`); filling them in beforehand spares the queries Wagtail would make
  to find what our routing (core.serving) found already.
- `Page.get_parent()` caches the parent it read; filling it in spares a query per page served.
- `Site._find_for_request` is the lookup behind `Site.find_for_request` without its cache on
  the request, which our site data (core.serving) caches per content change instead.
"""

import django

import wagtail
from wagtail.models import Site

CHECKED_AGAINST = {"wagtail": "8.0.1", "django": "5.2.19"}


def versions():
    return {"wagtail": wagtail.__version__, "django": django.get_version()}


def find_site_uncached(request):
    """The site of `request`, as Site.find_for_request finds it, read afresh."""
    return Site._find_for_request(request)


def prefill_site(request, site):
    """Site.find_for_request(request) will answer `site` without a query."""
    request._wagtail_site = site


def prefill_site_root_paths(request, root_paths):
    """Page URLs for this request are made from `root_paths` without a cache round trip."""
    request._wagtail_cached_site_root_paths = root_paths


def prefill_route(request, route_result):
    """Wagtail's serve view takes `route_result` (a RouteResult, or None for a 404) as the page
    and arguments the request's path leads to."""
    request._wagtail_route_for_request = route_result


def prefill_parent(page, parent):
    """`page.get_parent()` will answer `parent` without a query."""
    page._cached_parent_obj = parent
