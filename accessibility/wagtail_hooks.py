"""Reports of barriers in the admin: moderators read them and set their status; editors may read
them (setup_roles); nobody creates one in the admin."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from .models import BarrierReport


class BarrierReportPermissionPolicy(ModelPermissionPolicy):
    """Reports come only from the public form: nobody creates or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(BarrierReport, BarrierReportPermissionPolicy(BarrierReport))


class BarrierReportInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        # Wagtail's template formats the value without converting it to the editor's time zone.
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barrier reports")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = BarrierReportInspectView
    list_display = [
        Column("description", label=_("Barrier")),
        "location",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("needs_review", label=_("To be checked")),
        DateColumn("created_at", label=_("Received")),
    ]
    list_filter = ["status", "needs_review", "locale"]
    search_fields = ["description", "location", "name", "email"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "locale",
        "location",
        "description",
        "name",
        "email",
        "status",
        "needs_review",
        "created_at",
        "notified_at",
        "consent_text",
        "consented_at",
    ]


register_snippet(BarrierReportViewSet)
