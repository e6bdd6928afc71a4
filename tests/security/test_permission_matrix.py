"""Every admin address, as every role, against one table of what each role may do.

Every URL pattern of the admin – Wagtail's, wagtail-localize's, ours, the admin API – is found by
walking Django's resolver (tests/security/admin_urls.py) and called with a German and an English
object where it takes one, as a member of each editorial group (the contact person assigned to
the network of the participation request called for), as a user without a group and without
logging in. Each answer must be what the table in tests/security/permission_table.py says for the
role: allowed (2xx, or a redirect that is no refusal, followed within the admin), refused (to the
login, to the dashboard with an error message, 403 or 404), or "empty" (allowed, but none of the
test's objects is shown). A refused role's POST to the same address is refused as well and writes
nothing to the database. Every call runs in a savepoint that is rolled back, so an allowed action
(the admin API's delete, say) changes nothing for the next call.

A pattern the table does not name, or a row that names none, fails
`test_every_admin_address_is_in_the_table`: a new endpoint cannot arrive unchecked. The README's
table of the roles is rendered from the same table (`test_the_readme_states_the_table`)."""

import re

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from editorial.roles import CONTACT_PERSONS, EDITORS, MODERATORS, TRANSLATORS
from network.models import ParticipationRecipient

from .admin_urls import Objects, admin_patterns, bulk_actions, calls_for
from .permission_table import (
    README,
    ROLES,
    TABLE,
    expected_outcome,
    readme_section,
    render_readme_table,
    row_for,
)

ADMIN = f"/{settings.ADMIN_PATH}/"
GROUPS = {"editor": EDITORS, "moderator": MODERATORS, "translator": TRANSLATORS, "contact_person": CONTACT_PERSONS}

# Statements a refused request may run: the session (login, messages) and savepoints.
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE)\b", re.IGNORECASE)
SESSION = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM) "?django_session"?', re.IGNORECASE)

# What each bulk action's form needs to act (its POST is what the table's verdict is about).
BULK_FORMS = {
    "move": lambda objects, code: {"chooser": objects.destinations[code].pk},
    "add_tags": lambda objects, code: {"tags": "geprueft"},
    "add_to_collection": lambda objects, code: {"collection": objects.collection.pk},
    "assign_role": lambda objects, code: {"role": objects.group.pk},
    "set_active_state": lambda objects, code: {"mark_as_active": "False"},
}


def _refused_redirect(response, path):
    location = response["Location"].split("?")[0]
    if location.startswith(f"{ADMIN}login/"):
        return True
    # A missing object: Django's locale middleware sends the 404 to a language prefix.
    if re.fullmatch(rf"/[a-z]{{2}}{re.escape(path)}", location):
        return True
    # Wagtail's permission_denied: the dashboard, with an error message.
    return location == ADMIN and any(
        message.level == constants.ERROR for message in get_messages(response.wsgi_request)
    )


def outcome(response, path):
    """ "allowed", "refused" or "error" for an answer to `path`, and whether it names an object."""
    status = response.status_code
    if status >= 500:
        return "error"
    if status in (401, 403, 404, 405):
        return "refused"
    if 300 <= status < 400:
        return "refused" if _refused_redirect(response, path) else "allowed"
    if status >= 400:
        return "bad request"
    return "allowed"


def writes_of(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if WRITE.match(query["sql"]) and not SESSION.match(query["sql"])
    ]


class Caller:
    """Calls addresses as one user, each in a savepoint that is rolled back."""

    def __init__(self, user, objects):
        self.client = Client(raise_request_exception=False)
        self.user = user
        self.objects = objects
        self.login()

    def login(self):
        self.client.logout()
        if self.user is not None:
            self.client.force_login(self.user)

    def _send(self, call, method):
        data = call.data if method == call.method else {}
        if call.pattern.startswith("wagtail_bulk_action:") and method == "post":
            action = call.pattern.rsplit(".", 1)[1]
            data = BULK_FORMS.get(action, lambda *args: {})(self.objects, call.language)
        if method == "post" and call.json:
            return self.client.post(call.path, data, content_type="application/json")
        return getattr(self.client, method)(call.path, data)

    def answer(self, call, method):
        """(outcome, response, writes) of `call`; redirects within the admin are followed."""
        self.client.cookies.pop("messages", None)  # only this request's messages count
        path = call.path.split("?")[0]
        with CaptureQueriesContext(connection) as queries, transaction.atomic():
            response = self._send(call, method)
            result = outcome(response, path)
            for _ in range(3):
                location = response.get("Location", "")
                if not (result == "allowed" and response.status_code in (301, 302) and location.startswith(ADMIN)):
                    break
                if location.split("?")[0] == ADMIN:
                    break
                self.client.cookies.pop("messages", None)
                response = self.client.get(location)
                path = location.split("?")[0]
                result = outcome(response, path)
            transaction.set_rollback(True)
        if call.pattern == "wagtailadmin_logout":
            self.login()
        return result, response, writes_of(queries)


def markers(objects):
    """Texts that only a view showing the test's objects contains."""
    return [
        objects.pages["de"].title,
        objects.pages["en"].title,
        objects.image.title,
        objects.document.title,
        objects.request.company,
        "Barriere im Test",
    ]


def check(caller, call, role, shown):
    """What is wrong with the answers to `call` for `role`, as lines."""
    row = row_for(call.pattern)
    expected = expected_outcome(row, role, call.language)
    method = call.method
    if call.pattern.startswith("wagtail_bulk_action:"):
        method = "post"  # the confirmation page shows anyone the form; the POST acts or not
    result, response, writes = caller.answer(call, method)
    if response.status_code == 405 and method == "get":  # a view that only takes POST
        method = "post"
        result, response, writes = caller.answer(call, method)
    if call.pattern.startswith("wagtail_bulk_action:") and result != "error":
        # Wagtail's bulk actions answer alike and skip what the user may not touch: they act or not.
        result = "allowed" if writes else "refused"
        writes = []
    if call.pattern == "wagtailadmin_logout" and response.get("Location", "").startswith(f"{ADMIN}login/"):
        result = "allowed"  # logged out (or never logged in): the login page
    body = response.content.decode(errors="replace") if not response.streaming else ""
    if expected == "empty" and result == "allowed":
        result = "empty" if not any(text in body for text in shown) else "allowed, showing the objects"
    where = f"{call.pattern} [{call.language or '-'}] {method.upper()} {call.path}"
    if result != expected:
        location = response.get("Location", "")
        return [f"{where}: {response.status_code} {location} is {result}, the table says {expected} ({row.what})"]
    if expected != "refused":
        return []
    problems = [f"{where}: refused, but wrote {writes[:2]}"] if writes else []
    if method == "get":
        result, response, writes = caller.answer(call, "post")
        if result != "refused" or writes:
            problems.append(f"{where} (POST): {response.status_code} {result}, wrote {writes[:2]}")
    return problems


@pytest.fixture
def users(django_user_model):
    def make(objects):
        users = {}
        for role, group in GROUPS.items():
            user = django_user_model.objects.create_user(f"matrix-{role}", f"{role}@example.org", "x-9-secret")
            user.groups.add(Group.objects.get(name=group))
            users[role] = user
        users["no_group"] = django_user_model.objects.create_user("matrix-none", "none@example.org", "x-9-secret")
        users["anonymous"] = None
        ParticipationRecipient.objects.create(network=objects.request.network, user=users["contact_person"])
        return users

    return make


@pytest.mark.django_db
@pytest.mark.usefixtures("complete_site", "roles")
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_table_says_on_every_admin_address(users, role):
    objects = Objects()
    caller = Caller(users(objects)[role], objects)
    shown = markers(objects)
    wrong = []
    for pattern in admin_patterns():
        for call in calls_for(pattern, objects, objects.recipient.user):
            wrong += check(caller, call, role, shown)
    assert not wrong, f"{len(wrong)} answers for {role} differ from the table:\n" + "\n".join(wrong)


def test_every_admin_address_is_in_the_table():
    """Each pattern (each bulk action and admin API action on its own) is named by a row of the
    table, and each row names one: a new endpoint fails here until the table says who may use it."""
    names = [pattern.name for pattern in admin_patterns()]
    names = [name for name in names if name not in ("wagtail_bulk_action", "wagtailadmin_api:pages:action")]
    names += [f"wagtail_bulk_action:{app}.{model}.{action}" for app, model, action in bulk_actions()]
    names += [
        f"wagtailadmin_api:pages:action:{action}" for action in ("copy", "delete", "move", "publish", "unpublish")
    ]
    missing = [name for name in names if row_for(name, strict=False) is None]
    assert not missing, "Admin addresses the permission table does not name:\n" + "\n".join(missing)
    unused = [row.what for row in TABLE if not any(row.pattern.fullmatch(name) for name in names)]
    assert not unused, f"Rows of the permission table that name no admin address: {unused}"


def test_the_readme_states_the_table():
    """The README's table of the roles is the test's table (`python -m tests.security.permission_table`
    writes it into the README)."""
    assert readme_section(README.read_text()) == render_readme_table(), (
        "The README's roles table differs from tests/security/permission_table.py; "
        "run `.venv/bin/python -m tests.security.permission_table` to write it."
    )
