"""The newsletter in the admin (roles in editorial/roles.py): editors and moderators compose
issues, preview them and send tests to themselves; moderators send them and see and erase the
subscribers. A sent issue is no longer edited or deleted. Subscribers come only from the public
form: nobody adds or edits one in the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import DeleteView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Issue, Subscriber


class IssuePermissionPolicy(ModelPermissionPolicy):
    """Editing and deleting only while the issue is a draft."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and not instance.editable:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Issue, IssuePermissionPolicy(Issue))
register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


def _send_url(issue):
    return reverse("newsletter_issues:send", args=[issue.pk])


def _issue_url(issue):
    return reverse("newsletter_issues:edit", args=[issue.pk]) if issue.editable else _send_url(issue)


def _progress(issue):
    if issue.editable:
        return ""
    progress = issue.progress()
    return f"{progress.get('sent', 0)} / {progress['total']}"


def _actions(issue):
    return format_html('<a href="{}">{}</a>', _send_url(issue), _("Preview, test and send"))


class DraftsOnlyMixin:
    """A sent (or sending) issue is no longer edited or deleted: its page shows what was sent."""

    def dispatch(self, request, *args, **kwargs):
        issue = Issue.objects.filter(pk=kwargs.get("pk")).first()
        if issue is not None and not issue.editable:
            messages.info(request, gettext("This newsletter has been sent; it can no longer be changed."))
            return redirect(_send_url(issue))
        return super().dispatch(request, *args, **kwargs)


class IssueDeleteView(DraftsOnlyMixin, DeleteView):
    pass


class IssueEditView(DraftsOnlyMixin, EditView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Preview, test and send"), url=_send_url(self.object), icon_name="mail"),
        ]


class IssueViewSet(ModelViewSet):
    model = Issue
    edit_view_class = IssueEditView
    delete_view_class = IssueDeleteView
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 250
    add_to_admin_menu = True
    name = "newsletter_issues"
    url_prefix = "newsletter/issues"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        TitleColumn("subject", label=_("Subject"), get_url=_issue_url),
        Column("locale", label=_("Language")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("progress", label=_("Sent"), accessor=_progress),
        DateColumn("created_at", label=_("Created")),
        Column("actions", label="", accessor=_actions),
    ]
    list_filter = ["status", "locale"]
    search_fields = ["subject"]
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/preview/", admin_views.preview, name="preview"),
            path("<int:pk>/send/", admin_views.send, name="send"),
        ]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "group"
    menu_label = _("Newsletter subscribers")
    menu_order = 251
    add_to_admin_menu = True
    name = "newsletter_subscribers"
    url_prefix = "newsletter/subscribers"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    list_display = [
        "email",
        Column("locale", label=_("Language")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Subscribed")),
        DateColumn("confirmed_at", label=_("Confirmed")),
    ]
    list_filter = ["status", "locale"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "email",
        "locale",
        "status",
        "all_news",
        "sector_keys",
        "network_keys",
        "created_at",
        "confirmed_at",
        "consent_text",
        "consented_at",
    ]


@hooks.register("register_admin_viewset")
def register_newsletter():
    return [IssueViewSet(), SubscriberViewSet()]
