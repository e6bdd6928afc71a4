"""Admin rules the group permissions alone cannot express, and admin comfort."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.models import Locale, TranslatableMixin

from editorial.dashboard import panels_for
from editorial.permissions import RolePagePermissionTester, may_edit_language, works_on_pages
from localization.translation import (
    snippet_translation_out_of_date,
    snippets_without_translation,
    translations_out_of_date,
)
from localization.untranslated import LanguageAwarePageLinkHandler


# The language rule of editorial/permissions.py on Wagtail's snippet views. Ordered before
# wagtail-localize's own hooks, which replace the edit view of translations.
@hooks.register("before_edit_snippet", order=-10)
def refuse_snippet_edit_in_other_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not may_edit_language(request.user, instance.locale):
        raise PermissionDenied


@hooks.register("before_delete_snippet", order=-10)
def refuse_snippet_delete_in_other_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_edit_language(request.user, instance.locale):
            raise PermissionDenied


@hooks.register("before_create_snippet", order=-10)
def refuse_snippet_create_in_other_language(request, model):
    if issubclass(model, TranslatableMixin):
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
        if locale is not None and not may_edit_language(request.user, locale):
            raise PermissionDenied


# Every page permission check of Wagtail and wagtail-localize asks this tester (core.models.BasePage).
hooks.register("page_permission_tester", RolePagePermissionTester)


# Wagtail's move confirmation asks no permission on GET (the move itself does): it would show
# anyone the page and its destination. The tester decides, as it does for the move.
@hooks.register("before_move_page")
def refuse_moves_the_tester_refuses(request, page, destination):
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


def _warn_source_changed(request, translation):
    buttons = []
    if request.user.has_perm("wagtail_localize.submit_translation"):
        url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
        buttons.append(messages.button(f"{url}?{urlencode({'next': request.path})}", _("Sync now")))
    messages.warning(
        request,
        _(
            "The %(language)s original has changed since this translation was last synced. Sync it to bring "
            "in the changed texts; everything translated so far is kept."
        )
        % {"language": translation.source.locale.get_display_name()},
        buttons=buttons,
    )


@hooks.register("before_edit_page", order=-10)
def tell_translators_when_the_source_changed(request, page):
    if request.method != "GET":
        return
    translation = (
        translations_out_of_date()
        .filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source__locale")
        .first()
    )
    if translation is not None:
        _warn_source_changed(request, translation)


@hooks.register("before_edit_snippet", order=-10)
def tell_translators_when_the_snippet_source_changed(request, instance):
    if request.method != "GET" or not isinstance(instance, TranslatableMixin):
        return
    if instance.locale_id == Locale.get_default().pk:
        return
    translation = snippet_translation_out_of_date(instance)
    if translation is not None:
        _warn_source_changed(request, translation)


# After Wagtail's own registration (order 0), which it replaces.
@hooks.register("register_rich_text_features", order=1)
def page_links_in_the_readers_language(features):
    features.register_link_type(LanguageAwarePageLinkHandler)


@hooks.register("construct_homepage_panels")
def editorial_dashboard_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register("before_edit_page", order=-10)
def note_snippets_shown_in_another_language(request, page):
    if request.method != "GET" or page.locale_id == Locale.get_default().pk:
        return
    missing = snippets_without_translation(page)
    if not missing:
        return
    names = ", ".join(f"{obj._meta.verbose_name} “{obj}”" for obj in missing)
    messages.warning(
        request,
        _(
            "Not everything this page shows has a %(language)s version yet, so the site shows it in "
            "%(original)s: %(names)s. Translate it under Snippets."
        )
        % {
            "names": names,
            "language": page.locale.get_display_name(),
            "original": missing[0].locale.get_display_name(),
        },
    )


@hooks.register("construct_reports_menu")
def reports_only_for_those_who_work_on_pages(request, menu_items):
    # wagtail-localize shows its translations report to every user of the admin, the networks'
    # contact persons too, who only answer participation requests. An empty menu is not shown.
    if not works_on_pages(request.user):
        menu_items[:] = []
