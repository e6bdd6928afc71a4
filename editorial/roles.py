"""Who may do what in the admin: the editorial groups and the approval workflow.

`setup_roles` (management command) applies this; running it again changes nothing and
puts back anything that was changed by hand. Page permissions are scoped by language
tree: editors and moderators work on the German tree, translators on the English one."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from core.sites import language_homes
from editorial.workflow_names import APPROVAL_TASK_NAME, COMPANY_WORKFLOW_NAME, WORKFLOW_NAME

EDITORS = "Redaktion"
MODERATORS = "Chefredaktion"
TRANSLATORS = "Übersetzung"
CONTACT_PERSONS = "Ansprechpersonen"

# Stored in English and shown in the admin's language (editorial.workflow_names); the names
# they had before, renamed by setup_roles.
OLD_NAMES = {"Freigabe / Approval": WORKFLOW_NAME, "Freigabe durch die Chefredaktion": APPROVAL_TASK_NAME}

# Wagtail's initial migrations create these groups with permissions on the root page, i.e. on
# both language trees; ours replace them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]

# Wagtail's own default workflow, linked to the root page by its migrations.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# The section trees the approval workflow applies to (the German index pages).
MODERATED_SECTIONS = [
    "news.NewsIndexPage",
    "network.FocusSectorIndexPage",
    "network.NetworkIndexPage",
    "events.EventIndexPage",
]

# Snippets the editors maintain and the translators translate.
EDITORIAL_SNIPPETS = [
    "network.Company",
    "network.Competence",
    "network.ContactPerson",
    "network.Topic",
    "news.NewsTag",
]

# Companies' requests to take part in a network: personal data, read and answered by the
# moderators (every network's) and the networks' contact persons (those of the networks they are
# assigned to as request recipients). Only moderators assign recipients.
_PARTICIPATION_REQUESTS = ["network.view_participationrequest", "network.change_participationrequest"]
_ALL_PARTICIPATION_REQUESTS = [
    *_PARTICIPATION_REQUESTS,
    "network.view_all_participationrequest",
    *(f"network.{action}_participationrecipient" for action in ("add", "change", "delete", "view")),
]

# Reports of barriers (accessibility statement): the moderators answer them and set their status;
# the editors, who remove most barriers, read them.
_BARRIER_REPORTS_READ = ["accessibility.view_barrierreport"]
_BARRIER_REPORTS = [*_BARRIER_REPORTS_READ, "accessibility.change_barrierreport"]

# Registrations for meetings and events (personal data): the moderators see the participants,
# export them, print the check-in list and hand over or erase a person's data on request.
_REGISTRATIONS = ["registration.view_registration", "registration.delete_registration"]

# The newsletter: editors and moderators compose issues and send tests to themselves; moderators
# send them to the subscribers and see and erase the subscribers (personal data).
_NEWSLETTER_COMPOSE = [f"newsletter.{action}_issue" for action in ("add", "change", "delete", "view")]
_NEWSLETTER_SEND = ["newsletter.send_issue", "newsletter.view_subscriber", "newsletter.delete_subscriber"]

# The cooperation exchange's entries (with the posters' personal data): the moderators approve
# them by publishing, reject them by deleting, and correct them; the editors read them.
_EXCHANGE_READ = ["exchange.view_entry"]
_EXCHANGE = [*_EXCHANGE_READ, "exchange.change_entry", "exchange.publish_entry", "exchange.delete_entry"]

# Companies have draft state and a workflow (network.Company): editors' and representatives'
# changes wait for a moderator's approval; translators publish the English versions in
# wagtail-localize's editor, which asks for this permission.
_PUBLISH_COMPANIES = ["network.publish_company"]

# Snippet models whose changes go through the company workflow.
MODERATED_SNIPPETS = ["network.Company"]

# Company representatives (personal data): the moderators approve, reject and revoke them.
_REPRESENTATIVES = [f"representatives.{action}_representative" for action in ("view", "change", "delete")]

_EDITOR_MEDIA = ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"]

ROLES = {
    EDITORS: {
        "german_pages": ["add", "change"],
        "english_pages": [],
        "collection": _EDITOR_MEDIA,
        "snippets": ["add", "change"],
        "global": [*_BARRIER_REPORTS_READ, *_NEWSLETTER_COMPOSE, *_EXCHANGE_READ],
    },
    MODERATORS: {
        "german_pages": ["add", "change", "publish"],
        "english_pages": [],
        "collection": _EDITOR_MEDIA,
        "snippets": ["add", "change"],
        "global": [
            *_PUBLISH_COMPANIES,
            *_REPRESENTATIVES,
            *_ALL_PARTICIPATION_REQUESTS,
            *_BARRIER_REPORTS,
            *_REGISTRATIONS,
            *_NEWSLETTER_COMPOSE,
            *_NEWSLETTER_SEND,
            *_EXCHANGE,
        ],
    },
    TRANSLATORS: {
        # Browse the German tree to find the page to translate (editorial/permissions.py); no action.
        "german_pages": ["view"],
        "english_pages": ["change", "publish"],
        "collection": ["choose_image", "choose_document"],
        "snippets": ["change"],
        "global": ["wagtail_localize.submit_translation", *_PUBLISH_COMPANIES],
    },
    CONTACT_PERSONS: {
        "german_pages": [],
        "english_pages": [],
        "collection": [],
        "snippets": [],
        "global": _PARTICIPATION_REQUESTS,
    },
}


def _permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _home_page(language_code):
    return language_homes().filter(locale__language_code=language_code).first()


def _snippet_permissions(actions):
    permissions = []
    for label in EDITORIAL_SNIPPETS:
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            permissions.append(
                Permission.objects.get(content_type=content_type, codename=f"{action}_{model._meta.model_name}")
            )
    return permissions


def _page_permission(action):
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page")


def _set_page_permissions(group, spec, homes):
    wanted = set()
    for tree, language_code in (("german_pages", "de"), ("english_pages", "en")):
        home = homes.get(language_code)
        if home is None:
            continue
        for action in spec[tree]:
            permission = _page_permission(action)
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
            wanted.add((home.pk, permission.pk))
    for existing in GroupPagePermission.objects.filter(group=group):
        if (existing.page_id, existing.permission_id) not in wanted:
            existing.delete()


def _set_collection_permissions(group, codenames):
    root = Collection.get_first_root_node()
    wanted = set()
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
        permission = _permission(f"{app_label}.{codename}")
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
        wanted.add(permission.pk)
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=root, permission__in=wanted).delete()


def _setup_workflow(moderators, german_home, out):
    for old, new in OLD_NAMES.items():
        Workflow.objects.filter(name=old).update(name=new)
        GroupApprovalTask.objects.filter(name=old).update(name=new)
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()

    # Wagtail links its default workflow to the root, i.e. to both language trees. The
    # English tree has no approval step: translators publish it.
    WorkflowPage.objects.filter(page=Page.get_first_root_node(), workflow__name=WAGTAIL_DEFAULT_WORKFLOW).delete()

    if german_home is None:
        out("  no German home page yet: run setup_roles again once the site has content")
        return workflow
    # The whole German tree goes through approval (editors cannot publish anything), and
    # each moderated section is linked explicitly, so it stays moderated if the home page
    # ever gets another workflow.
    sections = [german_home]
    for label in MODERATED_SECTIONS:
        model = apps.get_model(label)
        sections += list(model.objects.filter(locale=german_home.locale))
    for page in sections:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    out(f"  workflow “{WORKFLOW_NAME}” on: " + ", ".join(page.title for page in sections))
    return workflow


def _setup_company_workflow(task, out):
    """Changes of companies (every language's; the English ones are published by translators in
    wagtail-localize's editor, which bypasses it) go to the moderators' approval task."""
    workflow, _ = Workflow.objects.get_or_create(name=COMPANY_WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    for label in MODERATED_SNIPPETS:
        content_type = ContentType.objects.get_for_model(apps.get_model(label))
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    out(f"  workflow “{COMPANY_WORKFLOW_NAME}” on: " + ", ".join(MODERATED_SNIPPETS))
    return workflow


def _retire_wagtail_default_groups(out):
    """Delete Wagtail's default groups; one that has members keeps them but loses every permission."""
    for name in WAGTAIL_DEFAULT_GROUPS:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if group.user_set.exists():
            group.permissions.clear()
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()
            out(f"  Wagtail's group “{name}” has members: kept without permissions")
        else:
            group.delete()
            out(f"  Wagtail's group “{name}” deleted")


@transaction.atomic
def setup_roles(out=lambda message: None):
    """Create or update the groups, their permissions and the approval workflow."""
    homes = {code: _home_page(code) for code in ("de", "en")}
    if not Locale.objects.filter(language_code="en").exists():
        homes["en"] = None
    access_admin = _permission("wagtailadmin.access_admin")
    groups = {}
    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [access_admin, *(_permission(label) for label in spec["global"]), *_snippet_permissions(spec["snippets"])]
        )
        _set_page_permissions(group, spec, homes)
        _set_collection_permissions(group, spec["collection"])
        groups[name] = group
        out(f"  group “{name}”")
    _retire_wagtail_default_groups(out)
    _setup_workflow(groups[MODERATORS], homes["de"], out)
    _setup_company_workflow(GroupApprovalTask.objects.get(name=APPROVAL_TASK_NAME), out)
    return groups
