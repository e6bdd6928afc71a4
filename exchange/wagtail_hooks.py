"""The exchange's entries in the admin, for moderators only (roles in editorial/roles.py): the
entries waiting for moderation first; "Publish" approves an entry (Wagtail's draft state: the
first publication makes it public for EXCHANGE_ENTRY_MONTHS), deleting rejects it. Nobody adds
or copies an entry in the admin: they come only from the public form."""

import datetime

import django_filters

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from .models import Entry
from .sitemaps import ExchangeSitemap


class EntryPermissionPolicy(ModelPermissionPolicy):
    """Entries come only from the public form: nobody creates or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Entry, EntryPermissionPolicy(Entry))

STATUSES = [
    ("waiting", _("waiting for moderation")),
    ("unconfirmed", _("e-mail not confirmed yet")),
    ("public", _("public")),
    ("expired", _("expired")),
]


def _filter_status(queryset, name, value):
    now = timezone.now()
    if value == "waiting":
        return queryset.waiting_for_moderation()
    if value == "unconfirmed":
        return queryset.filter(email_confirmed_at__isnull=True)
    if value == "public":
        return queryset.public(now)
    if value == "expired":
        return queryset.filter(live=True, expires_at__lte=now)
    return queryset


class EntryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUSES, method=_filter_status)

    class Meta:
        model = Entry
        fields = ["status", "kind", "theme", "locale"]


class EntryIndexView(IndexView):
    def get_base_queryset(self):
        # Those waiting for moderation on top, then the newest.
        waiting = Case(
            When(Q(live=False) & Q(email_confirmed_at__isnull=False), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return super().get_base_queryset().select_related("locale").annotate(waiting_first=waiting)

    def get_ordering(self):
        ordering = super().get_ordering()
        return ordering if self.request.GET.get("ordering") else ["waiting_first", "-created_at"]


class EntryInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        # Wagtail's template formats the value without converting it to the editor's time zone.
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class EntryViewSet(SnippetViewSet):
    model = Entry
    icon = "resubmit"
    menu_label = _("Cooperation exchange")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EntryIndexView
    inspect_view_class = EntryInspectView
    list_display = [
        "title",
        "company_name",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("theme", label=_("Theme"), accessor="get_theme_display", sort_key="theme"),
        Column("status", label=_("Status"), accessor="status_label"),
        DateColumn("created_at", label=_("Posted")),
        DateColumn("expires_at", label=_("Expires")),
    ]
    filterset_class = EntryFilterSet
    search_fields = ["title", "description", "company_name", "contact_name", "email"]
    inspect_view_fields = [
        "locale",
        "kind",
        "theme",
        "title",
        "description",
        "company_name",
        "company",
        "contact_name",
        "email",
        "created_at",
        "email_confirmed_at",
        "first_published_at",
        "expires_at",
        "renewal_sent_at",
        "consent_text",
        "consented_at",
    ]


register_snippet(EntryViewSet)


@hooks.register("register_sitemap_section")
def exchange_sitemap():
    return {"exchange": ExchangeSitemap}
