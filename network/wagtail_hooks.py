import datetime

import django_filters

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.filters import ModelChoiceFilter

from .dashboard import panels_for
from .models import Company, ContactPerson, FocusSectorPage, NetworkPage, ParticipationRequest, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "locale"]
    search_fields = ["name", "description"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact persons")
    list_display = ["name", "role", "organisation", "email", "locale"]
    list_filter = ["organisation"]
    search_fields = ["name", "role", "organisation"]


class CompanyFilterSet(WagtailFilterSet):
    sectors = ModelChoiceFilter(
        label=_("Focus sector"), queryset=FocusSectorPage.objects.all().order_by("locale_id", "title")
    )
    city = django_filters.CharFilter(label=_("City"), lookup_expr="icontains")
    competence = django_filters.CharFilter(label=_("Competence"), field_name="competences__name", lookup_expr="iexact")

    class Meta:
        model = Company
        fields = ["sectors", "city"]


class CompanyViewSet(SnippetViewSet):
    model = Company
    icon = "site"
    menu_label = _("Companies")
    list_display = ["name", "city", "website", "locale"]
    filterset_class = CompanyFilterSet
    search_fields = ["name", "description", "city"]


class NetworkSnippetGroup(SnippetViewSetGroup):
    items = (CompanyViewSet, ContactPersonViewSet, TopicViewSet)
    menu_icon = "group"
    menu_label = _("Networks")
    menu_name = "network-snippets"


register_snippet(NetworkSnippetGroup)


class ParticipationRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come only from the public form: nobody creates or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ParticipationRequest, ParticipationRequestPermissionPolicy(ParticipationRequest))


class ParticipationRequestFilterSet(WagtailFilterSet):
    network = ModelChoiceFilter(label=_("Network"), queryset=NetworkPage.objects.all().order_by("locale_id", "title"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"))

    class Meta:
        model = ParticipationRequest
        fields = ["network", "status", "locale", "created_at"]


def _csv_safe(value):
    """Spreadsheet programs run cells that start with these characters as formulas."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class ParticipationRequestIndexView(IndexView):
    # Visitors type these texts; the CSV export must not turn them into spreadsheet formulas.
    custom_field_preprocess = {
        field: {IndexView.FORMAT_CSV: _csv_safe}
        for field in ("network_title", "company", "contact_name", "email", "phone", "message")
    }
    # Times as the admin shows them (the editor's time zone, Europe/Berlin by default), not in UTC:
    # the consent time is a legal record.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).isoformat(sep=" ", timespec="seconds"),
            IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
        },
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")


class ParticipationRequestInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        # Wagtail's template formats the value without converting it to the editor's time zone.
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class ParticipationRequestViewSet(ModelViewSet):
    model = ParticipationRequest
    index_view_class = ParticipationRequestIndexView
    inspect_view_class = ParticipationRequestInspectView
    icon = "mail"
    menu_label = _("Participation requests")
    menu_order = 250
    add_to_admin_menu = True
    name = "network_participation_requests"
    url_prefix = "participation-requests"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    list_display = [
        "company",
        "contact_name",
        "network_title",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("created_at", label=_("Received")),
    ]
    filterset_class = ParticipationRequestFilterSet
    search_fields = ["company", "contact_name", "email", "message"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "network_title",
        "locale",
        "company",
        "contact_name",
        "email",
        "phone",
        "message",
        "status",
        "created_at",
        "notified_at",
        "consent_text",
        "consented_at",
    ]
    list_export = [
        "created_at",
        "network_title",
        "locale.language_code",
        "company",
        "contact_name",
        "email",
        "phone",
        "message",
        "get_status_display",
        "consented_at",
        "consent_text",
    ]
    export_headings = {
        "locale.language_code": _("Language"),
        "get_status_display": _("Status"),
    }
    export_filename = "participation-requests"


@hooks.register("register_admin_viewset")
def register_participation_requests():
    return ParticipationRequestViewSet()


@hooks.register("construct_homepage_panels")
def network_dashboard_panels(request, panels):
    panels.extend(panels_for(request.user))
