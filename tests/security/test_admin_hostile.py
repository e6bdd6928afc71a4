"""Hostile values in every admin listing, search, filter, chooser and bulk action, as each role:
the answer is always below 500.

Property-based (hypothesis): for each such URL pattern of the admin (found by walking the
resolver, tests/security/admin_urls.py, so a new listing is covered when it is registered) a few
examples each draw a role, the pattern's address for a German, an English or a language-free
object, and one to four query parameters – the view's own filters and the admin's usual ones –
with quotes, huge, negative and non-numeric numbers, unicode, empty and very long values. The
examples that failed are kept in `.hypothesis/` (not committed) and replayed first by the next
run. `ADMIN_HOSTILE_EXAMPLES` sets the examples per pattern (default 2)."""

import os
import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.urls import resolve

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS

from .admin_urls import Objects, admin_patterns, calls_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("complete_site", "roles")]

EXAMPLES = int(os.environ.get("ADMIN_HOSTILE_EXAMPLES", "2"))
EXAMPLE_DATABASE = DirectoryBasedExampleDatabase(str(django_settings.BASE_DIR / ".hypothesis" / "examples"))
hostile = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=EXAMPLE_DATABASE,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Listings, searches, filters, choosers, reports, usage and history lists, the admin API's
# listings and bulk actions: the views that read query parameters.
LISTING = re.compile(
    r"index|list|results|search|explore|choose|chooser|report|find|autocomplete|usage|history|bulk_action"
    r"|snippets_api|type_use"
)
PATTERNS = [pattern for pattern in admin_patterns() if LISTING.search(pattern.name)]

# Query parameters Wagtail's admin views and its API read, beyond each view's own filters.
PARAMETERS = [
    "q", "p", "page", "ordering", "sort", "id", "childOf", "search", "search_operator", "type",
    "fields", "limit", "offset", "order", "child_of", "descendant_of", "locale", "collection_id",
    "content_type", "owner", "site", "tag", "tags", "user", "action", "timestamp_from",
    "timestamp_to", "status", "has_children", "multiple", "parent", "export", "next", "for_user",
    "page_type", "translation_key", "x",
]  # fmt: skip

HOSTILE = [
    '"', "'", '"a"b"', '"Netzwerk', "\\", "%", "%%", "*", "(", ")", "NEAR(", "AND", "OR NOT", "-", "--",
    "all", "", " ", "0", "-1", "1e9", "NaN", "inf", "1.5", "0x10", "١٢", "１", "9" * 30,
    str(2**31), str(2**63 - 1), str(2**63), str(-(2**63) - 1), "<script>alert(1)</script>", "None",
    "null", "true", "[]", "{}", "..", "/", "2026-13-45", "2026-02-30", "\x00", "\u202e", "ß" * 50,
    "a" * 5000, "Netzwerk " * 300,
]  # fmt: skip
values = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
)

ROLES = [EDITORS, MODERATORS, TRANSLATORS, CONTACT_PERSONS, "superuser"]


@pytest.fixture
def users(django_user_model):
    made = {}
    for index, role in enumerate(ROLES):
        username = f"hostile-{index}"
        if role == "superuser":
            made[role] = django_user_model.objects.create_superuser(username, f"{username}@example.org", "x-9-secret")
        else:
            made[role] = django_user_model.objects.create_user(username, f"{username}@example.org", "x-9-secret")
            made[role].groups.add(Group.objects.get(name=role))
    return made


def view_filters(path):
    """The names of the filters of the view at `path` (its filterset's, with the suffixes of
    range filters)."""
    match = resolve(path.split("?")[0])
    view = match.func
    view_class = getattr(view, "view_class", None)
    filterset = getattr(view, "view_initkwargs", {}).get("filterset_class") or getattr(
        view_class, "filterset_class", None
    )
    names = []
    for name in getattr(filterset, "base_filters", {}):
        names += [name, f"{name}_after", f"{name}_before", f"{name}_min", f"{name}_max"]
    return names


@pytest.mark.parametrize("pattern", PATTERNS, ids=[pattern.name for pattern in PATTERNS])
@hostile
@given(data=st.data())
def test_hostile_query_values_never_get_a_server_error(client, users, pattern, data):
    role = data.draw(st.sampled_from(ROLES), label="role")
    calls = calls_for(pattern, Objects(), users["superuser"])
    assert calls, f"no address for {pattern.name}"
    call = data.draw(st.sampled_from(calls), label="call")
    names = data.draw(
        st.lists(st.sampled_from(PARAMETERS + view_filters(call.path)), min_size=1, max_size=4), label="names"
    )
    query = [(name, data.draw(values, label=name)) for name in names]
    client.force_login(users[role])
    separator = "&" if "?" in call.path else "?"
    response = client.get(call.path + separator + urlencode(query))
    assert response.status_code < 500, (role, call.path, query)


def test_every_listing_of_the_admin_is_covered():
    """The patterns above are the admin's listings, searches and choosers (a sanity check that
    the walk finds them)."""
    names = {pattern.name for pattern in PATTERNS}
    for expected in [
        "wagtailadmin_api:pages:listing",
        "wagtailadmin_pages:search",
        "wagtailimages:index",
        "wagtaildocs_chooser:choose_results",
        "wagtailsnippets_network_company:list",
        "wagtailsnippetchoosers_news_newstag:choose_results",
        "wagtail_bulk_action",
        "network_participation_requests:index",
        "wagtail_localize:translations_report",
    ]:
        assert expected in names
    assert len(PATTERNS) > 80
