"""Snippet permissions scoped by language.

Wagtail's snippet permissions are per model, not per language: an editor who may change
companies could change the English ones too. Ours follow the page tree instead – a snippet of
a language may be created, changed or deleted only by someone who may edit that language's
home page – on every path into a snippet: Wagtail's snippet views (hooks in
`editorial/wagtail_hooks.py` and the permission policy below, which also hides the buttons and
guards copying and bulk deletion) and wagtail-localize's views, which check only the model
permissions (`TranslationLanguageMiddleware`)."""

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.admin.auth import permission_denied
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PagePermissionTester, Task, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from core.sites import language_homes
from localization.approval import may_be_translated, may_go_live, source_page

# Actions that change a snippet; viewing is not scoped by language.
CHANGING_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock"}


def may_edit_language(user, locale):
    """Whoever may edit a language's home page may edit that language's snippets."""
    if user.is_superuser:
        return True
    home = language_homes().filter(locale=locale).first()
    return home is not None and home.permissions_for_user(user).can_edit()


class LanguageScopedSnippetPolicy(ModelPermissionPolicy):
    """The model permissions, and for a given snippet also the right to edit its language."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        return action not in CHANGING_ACTIONS or may_edit_language(user, instance.locale)


class PagePolicyWithBrowsing(PagePermissionPolicy):
    """Wagtail's page permissions, plus browsing: Wagtail 8 has no page permission to see a tree
    without editing it, so Django's unused `view_page` permission, given to a group on a page,
    lets its members browse that page and its subpages in the explorer (and so reach
    wagtail-localize's "Translate this page"). It grants no action: Wagtail's checks for editing,
    publishing, moving, copying and deleting never ask for it."""

    EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete", "view"}

    def instances_with_direct_explore_permission(self, user):
        if user.is_superuser:
            return super().instances_with_direct_explore_permission(user)
        codenames = self._get_permission_codenames(self.EXPLORE_ACTIONS)
        return [
            perm.page for perm in self.get_cached_permissions_for_user(user) if perm.permission.codename in codenames
        ]

    def explorable_instances(self, user):
        explorable = super().explorable_instances(user)
        if self._base_queryset_for_user(user) is not None:
            return explorable
        return explorable | self.instances_user_has_any_permission_for(user, {"view"})


class RolePagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions with two rules of the roles, on every path, as every one asks
    this tester (`BasePage.permissions_for_user`, registered in `editorial/wagtail_hooks.py`):

    - deleting, moving, reordering and copying pages need the right to add pages there (Wagtail
      lets change and publish suffice). Translators change and publish the English tree but add
      nothing to it, so they never delete, move, reorder or copy a page (nor see the copy form).
      Moving asks `can_delete` (Wagtail's `can_move`);
    - a translation is published only while its German version is live
      (`localization.approval.may_go_live`), so nobody publishes unapproved German content in
      another language."""

    def _may_change_the_tree(self):
        return self.user.is_superuser or "add" in self.permissions

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self._may_change_the_tree()

    def can_reorder_children(self):
        return super().can_reorder_children() and self._may_change_the_tree()

    def can_copy(self):
        return super().can_copy() and self._may_change_the_tree()

    def can_publish(self):
        return super().can_publish() and may_go_live(self.page)


def _is_snippet(model):
    return model is not None and not issubclass(model, Page) and model in get_snippet_models()


def _translation_target_locales(view_name, kwargs, request):
    """The locales a wagtail-localize view would write snippet content in, or None when
    the view does not concern a snippet."""
    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs["translation_id"]).select_related("source").first()
        if translation is None or not _is_snippet(translation.source.specific_content_type.model_class()):
            return None
        return [translation.target_locale_id]
    if view_name == "update_translations":
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
        if source is None or not _is_snippet(source.specific_content_type.model_class()):
            return None
        return list(source.translations.filter(enabled=True).values_list("target_locale_id", flat=True))
    if view_name == "submit_snippet_translation" and request.method == "POST":
        return [pk for pk in request.POST.getlist("locales") if pk.isdigit()]
    return None


# wagtail-localize's JSON API, which answers a refusal with 403 rather than a redirect.
API_VIEWS = {"edit_string_translation", "edit_override"}


def _page_translation_refused(view_name, kwargs, request):
    """Why a wagtail-localize view must not run for a page (localization.approval), or None:
    translations are made and synced only from live German content, published only as the page
    permission tester allows, and a page becomes an alias only of a German page's live content."""
    if view_name == "submit_page_translation":
        page = Page.objects.filter(pk=kwargs["page_id"]).first()
        if page is None:
            return None
        pages = [page]
        if request.method == "POST" and request.POST.get("include_subtree"):
            pages += list(page.get_descendants().filter(live=False))
        if not all(may_be_translated(candidate) for candidate in pages):
            return _("Only live pages are translated: what is not live has not been approved.")
    elif view_name == "update_translations":
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
        if source is None or not issubclass(source.specific_content_type.model_class(), Page):
            return None
        page = Page.objects.filter(translation_key=source.object_id, locale=source.locale_id).first()
        if page is None or not may_be_translated(page):
            return _("Only live pages are translated: what is not live has not been approved.")
        if request.method == "POST" and request.POST.get("publish_translations"):
            targets = Page.objects.filter(
                translation_key=source.object_id,
                locale__in=source.translations.filter(enabled=True).values("target_locale"),
            )
            if not all(target.permissions_for_user(request.user).can_publish() for target in targets):
                return _("You may not publish these translations.")
    elif view_name == "convert_to_alias":
        page = Page.objects.filter(pk=kwargs["page_id"]).first()
        source = page and source_page(page)
        if source is not None and (not source.live or source.has_unpublished_changes):
            return _("A page becomes an alias only of a live page without unpublished changes.")
    return None


class TranslationLanguageMiddleware:
    """Applies the language rule to wagtail-localize's views that write a snippet's
    translation: the string and override API of its editor, PO upload, machine translation,
    preview, stopping, syncing and submitting for translation. For pages, wagtail-localize
    checks the target page's own permissions (our page permission tester); this adds that
    translations are made, synced and turned into aliases only from live German content
    (`_page_translation_refused`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "wagtail_localize" or not request.user.is_authenticated:
            return None
        refusal = _page_translation_refused(match.url_name, view_kwargs, request)
        if refusal is not None:
            # As Wagtail refuses a view: back to the dashboard, with the reason.
            messages.error(request, refusal)
            return redirect("wagtailadmin_home")
        locale_ids = _translation_target_locales(match.url_name, view_kwargs, request)
        if not locale_ids:
            return None
        for locale in Locale.objects.filter(pk__in=locale_ids):
            if not may_edit_language(request.user, locale):
                if match.url_name in API_VIEWS:
                    raise PermissionDenied
                return permission_denied(request)
        return None


def works_on_pages(user):
    """Edits, publishes or translates pages: the reports (workflows, site history, translations)
    are about that work."""
    page_policy = policy_registry.get_by_type(Page)
    return page_policy.user_has_any_permission(user, ["add", "change", "publish"]) or user.has_perm(
        "wagtail_localize.submit_translation"
    )


def may_use_model(user, model):
    """Holds any permission on `model` (images and documents: may at least choose them)."""
    return policy_registry.get_by_type(model).user_has_any_permission(
        user, ["add", "change", "delete", "view", "choose"]
    )


def _snippet_model_of_chooser(namespace):
    for model in get_snippet_models():
        if namespace == f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}":
            return model
    return None


def _snippet_model_of_views(namespace):
    for model in get_snippet_models():
        if namespace == f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}":
            return model
    return None


# Views of a snippet with draft state that Wagtail guards by the model's publish permission alone,
# so a translator could unpublish a German company and a moderator an English one.
SNIPPET_PUBLISH_VIEWS = {"unpublish", "confirm_workflow_cancellation"}


def _may_publish_snippet(user, namespace, kwargs):
    model = _snippet_model_of_views(namespace)
    if model is None:
        return True
    instance = model._default_manager.filter(pk=unquote(str(kwargs.get("pk", "")))).first()
    if instance is None:
        return True  # Wagtail answers 404
    return policy_registry.get_by_type(model).user_has_permission_for_instance(user, "publish", instance)


def _model_of(kwargs):
    try:
        return apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except (KeyError, LookupError):
        return None


def _may_publish_page(user, kwargs):
    page = Page.objects.filter(pk=kwargs.get("page_id")).first()
    return page is None or page.specific_deferred.permissions_for_user(user).can_publish()


# Admin views of Wagtail and wagtail-localize that ask for no permission of their own (any user of
# the admin gets them), by view name, and who may use them.
ADMIN_VIEW_RULES = {
    # Shown before publishing a page that is in a workflow: names the workflow and its task.
    "wagtailadmin_pages:confirm_workflow_cancellation": lambda user, kwargs: _may_publish_page(user, kwargs),
    # Every change of everything the user may see, and the translations: the reports menu's rule.
    "wagtailadmin_reports:site_history": lambda user, kwargs: works_on_pages(user),
    "wagtailadmin_reports:site_history_results": lambda user, kwargs: works_on_pages(user),
    "wagtail_localize:translations_report": lambda user, kwargs: works_on_pages(user),
    "wagtail_localize:translations_report_results": lambda user, kwargs: works_on_pages(user),
    # wagtail-localize's snippet chooser of its editor.
    "wagtail_localize:snippets_api_listing": lambda user, kwargs: (
        _model_of(kwargs) is None or may_use_model(user, _model_of(kwargs))
    ),
    "wagtail_localize:snippets_api_detail": lambda user, kwargs: (
        _model_of(kwargs) is None or may_use_model(user, _model_of(kwargs))
    ),
}

# The same by namespace or name prefix: choosers and the admin API's image and document
# endpoints list every object to any user of the admin.
ADMIN_NAMESPACE_RULES = {
    "wagtailimages_chooser": lambda user: may_use_model(user, get_image_model()),
    "wagtaildocs_chooser": lambda user: may_use_model(user, get_document_model()),
    "wagtailadmin_api:images": lambda user: may_use_model(user, get_image_model()),
    "wagtailadmin_api:documents": lambda user: may_use_model(user, get_document_model()),
}
ADMIN_NAME_PREFIX_RULES = {
    # The page chooser shows the whole tree, drafts' titles included.
    "wagtailadmin_choose_page": lambda user: policy_registry.get_by_type(Page).user_has_any_permission(
        user, ["add", "change", "publish", "view"]
    ),
    # Workflow tasks are chosen only while editing workflows.
    "wagtailadmin_workflows:task_cho": lambda user: policy_registry.get_by_type(Task).user_has_any_permission(
        user, ["add", "change"]
    ),
}


def admin_view_allowed(request, match, view_kwargs):
    """Whether `request.user` may use the admin view `match` by the rules above (True for any
    view they do not name)."""
    user = request.user
    rule = ADMIN_VIEW_RULES.get(match.view_name)
    if rule is not None:
        return rule(user, view_kwargs)
    if match.namespace.startswith("wagtailsnippets_") and match.url_name in SNIPPET_PUBLISH_VIEWS:
        return _may_publish_snippet(user, match.namespace, view_kwargs)
    namespace_rule = ADMIN_NAMESPACE_RULES.get(match.namespace)
    if namespace_rule is not None:
        return namespace_rule(user)
    if match.namespace.startswith("wagtailsnippetchoosers_"):
        model = _snippet_model_of_chooser(match.namespace)
        return model is None or may_use_model(user, model)
    for prefix, prefix_rule in ADMIN_NAME_PREFIX_RULES.items():
        if match.view_name.startswith(prefix):
            return prefix_rule(user)
    return True


class AdminViewPermissionMiddleware:
    """Refuses the admin views that ask for no permission (`ADMIN_VIEW_RULES` and the rules after
    it) to users who have no business there, as Wagtail refuses: 403 to the admin API and to a
    modal's request, else the dashboard with its "no permission" message. Users without access
    to the admin are left to Wagtail (the login page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.user.has_perm("wagtailadmin.access_admin"):
            return None
        if admin_view_allowed(request, match, view_kwargs):
            return None
        if match.namespace.startswith("wagtailadmin_api"):
            raise PermissionDenied
        return permission_denied(request)


def register_policies():
    """Browsing for pages, and one policy per translatable snippet model; called when the app is
    ready, before the admin and the snippet viewsets look their policy up."""
    from wagtail.permissions import register_permission_policy

    from editorial.roles import EDITORIAL_SNIPPETS

    register_permission_policy(Page, PagePolicyWithBrowsing())
    for label in EDITORIAL_SNIPPETS:
        model = apps.get_model(label)
        if issubclass(model, TranslatableMixin):
            register_permission_policy(model, LanguageScopedSnippetPolicy(model), exact_class=True)
