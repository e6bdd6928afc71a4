import datetime

import django_filters

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.filters import ModelChoiceFilter
from core.spreadsheet import defused
from editorial.roles import CONTACT_PERSONS, MODERATORS

from .dashboard import panels_for
from .models import (
    Company,
    Competence,
    ContactPerson,
    FocusSectorPage,
    NetworkPage,
    ParticipationRecipient,
    ParticipationRequest,
    Topic,
)
from .sitemaps import CompanySitemap


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "locale"]
    search_fields = ["name", "description"]


class CompetenceViewSet(SnippetViewSet):
    """The list companies pick their competences from, listed by group."""

    model = Competence
    icon = "list-ul"
    menu_label = _("Competences")
    list_display = [
        "name",
        Column("group", label=_("Group"), accessor="get_group_display", sort_key="group"),
        "locale",
    ]
    list_filter = ["group", "locale"]
    search_fields = ["name", "synonyms"]
    ordering = ["group", "name"]


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
    # Companies link to the German competences.
    competences = ModelChoiceFilter(
        label=_("Competence"),
        queryset=lambda request: Competence.objects.filter(locale=Locale.get_default()).order_by("name"),
    )

    class Meta:
        model = Company
        fields = ["sectors", "competences", "city"]


class CompanyViewSet(SnippetViewSet):
    model = Company
    icon = "site"
    menu_label = _("Companies")
    list_display = ["name", "city", "website", "locale"]
    filterset_class = CompanyFilterSet
    search_fields = ["name", "description", "city"]


class NetworkSnippetGroup(SnippetViewSetGroup):
    items = (CompanyViewSet, CompetenceViewSet, ContactPersonViewSet, TopicViewSet)
    menu_icon = "group"
    menu_label = _("Networks")
    menu_name = "network-snippets"


register_snippet(NetworkSnippetGroup)


class ParticipationRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come only from the public form: nobody creates or copies one in the admin. Whoever
    may see requests sees those of the networks they are assigned to, and moderators every one
    (`ParticipationRequest.objects.visible_to`) – in the listing, its export, the dashboard and
    each request's own views."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return ParticipationRequest.objects.visible_to(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return ParticipationRequest.objects.none()
        return ParticipationRequest.objects.visible_to(user)


register_permission_policy(ParticipationRequest, ParticipationRequestPermissionPolicy(ParticipationRequest))


class ParticipationRequestFilterSet(WagtailFilterSet):
    network = ModelChoiceFilter(label=_("Network"), queryset=NetworkPage.objects.all().order_by("locale_id", "title"))
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"))

    class Meta:
        model = ParticipationRequest
        fields = ["network", "status", "locale", "created_at"]


class ParticipationRequestIndexView(IndexView):
    # Visitors type these texts; the CSV export must not turn them into spreadsheet formulas.
    custom_field_preprocess = {
        field: {IndexView.FORMAT_CSV: defused}
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
        actions = {"view", "change"}
        visible = self.permission_policy.instances_user_has_any_permission_for(self.request.user, actions)
        return visible.select_related("locale")


class OnlyVisibleRequests:
    """A request's own views (inspect, edit, delete, history, usage) open only for someone who may
    see that request."""

    def get_object(self, *args, **kwargs):
        request_obj = super().get_object(*args, **kwargs)
        if not ParticipationRequest.objects.visible_to(self.request.user).filter(pk=request_obj.pk).exists():
            raise PermissionDenied
        return request_obj


class ParticipationRequestEditView(OnlyVisibleRequests, EditView):
    pass


class ParticipationRequestDeleteView(OnlyVisibleRequests, DeleteView):
    pass


class ParticipationRequestHistoryView(OnlyVisibleRequests, HistoryView):
    pass


class ParticipationRequestUsageView(OnlyVisibleRequests, UsageView):
    pass


class ParticipationRequestInspectView(OnlyVisibleRequests, InspectView):
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
    edit_view_class = ParticipationRequestEditView
    delete_view_class = ParticipationRequestDeleteView
    history_view_class = ParticipationRequestHistoryView
    usage_view_class = ParticipationRequestUsageView
    icon = "mail"
    menu_label = _("Participation requests")
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


class ParticipationRecipientForm(WagtailAdminModelForm):
    """A German network page (its translations follow) and a moderator's or contact person's account."""

    class Meta:
        model = ParticipationRecipient
        fields = ["network", "user"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = NetworkPage.objects.filter(locale=Locale.get_default()).order_by("title")
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=[CONTACT_PERSONS, MODERATORS])
            .distinct()
            .order_by("username")
        )


class ParticipationRecipientViewSet(ModelViewSet):
    """Who gets a network's requests: only the moderators change it (model permissions given by
    `setup_roles`); Wagtail's views log each change in the object's history and the site history."""

    model = ParticipationRecipient
    icon = "user"
    menu_label = _("Request recipients")
    name = "network_participation_recipients"
    url_prefix = "participation-recipients"
    copy_view_enabled = False
    list_display = ["network", "user", Column("email", label=_("E-mail"), accessor="user.email")]
    list_filter = ["network"]

    def get_form_class(self, for_update=False):
        return ParticipationRecipientForm


class ParticipationViewSetGroup(ViewSetGroup):
    items = (ParticipationRequestViewSet, ParticipationRecipientViewSet)
    menu_icon = "mail"
    menu_label = _("Participation requests")
    menu_name = "participation-requests"
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_participation_requests():
    return ParticipationViewSetGroup()


@hooks.register("construct_homepage_panels")
def network_dashboard_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register("register_sitemap_section")
def company_sitemap():
    return {"companies": CompanySitemap}
