"""The registrations in the admin, for moderators only (roles in editorial/roles.py): participants
per event (filter by event), CSV and XLSX export with formula cells defused, each registration's
details, a printable check-in list and one person's data (download, erase). Nobody adds or edits
a registration in the admin: they come only from the public form and its e-mailed links."""

import datetime

import django_filters

from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Registration


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Read only in the generic views: adding, editing and deleting are refused to everyone
    (a person's data is erased through `admin_views.person_erase`, which frees their seat first)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


def event_choices():
    """One choice per event: German and English registrations are participants of the same event."""
    titles = Registration.objects.order_by().event_titles()
    return sorted(((str(key), title) for key, title in titles.items()), key=lambda choice: choice[1])


class RegistrationFilterSet(WagtailFilterSet):
    event_key = django_filters.ChoiceFilter(label=_("Event"), choices=event_choices)
    created_at = django_filters.DateFromToRangeFilter(label=_("Registered"))

    class Meta:
        model = Registration
        fields = ["event_key", "status", "locale", "created_at"]


def defused(value):
    """Spreadsheet programs run cells that start with these characters as formulas."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class RegistrationIndexView(IndexView):
    # Visitors type these texts: no export may turn them into spreadsheet formulas.
    custom_field_preprocess = {
        field: {IndexView.FORMAT_CSV: defused, IndexView.FORMAT_XLSX: defused}
        for field in ("event_title", "name", "company", "email", "accessibility_needs")
    }
    # Times as the admin shows them (Europe/Berlin), not in UTC: the consent time is a legal record.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).isoformat(sep=" ", timespec="seconds"),
            IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
        },
    }

    @property
    def header_buttons(self):
        event = self.request.GET.get("event_key", "")
        return [
            HeaderButton(
                _("Check-in list"),
                url=self._url("checkin") + (f"?event={event}" if event else ""),
                icon_name="list-ul",
            ),
            HeaderButton(_("A person's data"), url=self._url("person"), icon_name="user"),
        ]

    def _url(self, name):
        from django.urls import reverse

        return reverse(f"registration_participants:{name}")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")


class RegistrationInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        # Wagtail's template formats the value without converting it to the editor's time zone.
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 260
    add_to_admin_menu = True
    name = "registration_participants"
    url_prefix = "registrations"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    list_display = [
        "name",
        "company",
        "event_title",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Registered")),
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "company", "email"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "event_title",
        "locale",
        "name",
        "company",
        "email",
        "accessibility_needs",
        "status",
        "created_at",
        "confirmed_at",
        "moved_up_at",
        "cancelled_at",
        "reminder_sent_at",
        "consent_text",
        "consented_at",
    ]
    list_export = [
        "event_title",
        "name",
        "company",
        "email",
        "accessibility_needs",
        "get_status_display",
        "locale.language_code",
        "created_at",
        "confirmed_at",
        "consented_at",
    ]
    export_headings = {"locale.language_code": _("Language"), "get_status_display": _("Status")}
    export_filename = "registrations"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("checkin/", admin_views.checkin_list, name="checkin"),
            path("person/", admin_views.person, name="person"),
            path("person/export/", admin_views.person_export, name="person_export"),
            path("person/erase/", admin_views.person_erase, name="person_erase"),
        ]


@hooks.register("register_admin_viewset")
def register_registrations():
    return RegistrationViewSet()
