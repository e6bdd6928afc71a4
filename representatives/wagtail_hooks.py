"""Company representatives in the admin, for moderators (roles in editorial/roles.py): the requests
whose e-mail address is confirmed wait for a decision; a moderator approves (the person gets an
account and a link to set a password), rejects (with a note sent to them) or later revokes access.
Nobody creates a request in the admin: they come only from the public form. The public pages are
served below the company directory (`route_below_company_directory`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import routes
from .links import WORDS
from .models import AccountTaken, Representative
from .tasks import send_after_commit


@hooks.register("route_below_company_directory")
def representatives_pages(directory, request, components):
    return routes.route(directory, request, components)


@hooks.register("reserve_below_company_directory")
def representatives_address():
    """No company gets the address of the access pages (/de/unternehmen/zugang/)."""
    return {words["access"] for words in WORDS.words.values()}


class RepresentativePermissionPolicy(ModelPermissionPolicy):
    """Requests come only from the public form: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Representative, RepresentativePermissionPolicy(Representative))

DECISIONS = {
    Representative.Status.CONFIRMED: [
        ("approve", _("Approve: the person represents the company")),
        ("reject", _("Reject")),
    ],
    Representative.Status.REQUESTED: [("reject", _("Reject"))],
    Representative.Status.APPROVED: [("revoke", _("Revoke access"))],
    Representative.Status.REJECTED: [],
    Representative.Status.REVOKED: [("approve", _("Give access again"))],
}


class DecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=[], required=False, widget=forms.RadioSelect)

    class Meta:
        model = Representative
        fields = ["note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("", _("No decision yet")), *DECISIONS[self.instance.status]]

    def clean(self):
        data = super().clean()
        if data.get("decision") == "approve" and self.instance.user_id is None:
            from django.contrib.auth import get_user_model

            email = self.instance.email.lower()
            if get_user_model().objects.filter(username__iexact=email).exists() or (
                get_user_model().objects.filter(email__iexact=email).exists()
            ):
                raise forms.ValidationError(
                    _(
                        "An account with this e-mail address exists already (an editor's or another "
                        "representative's). Representatives need an account of their own."
                    )
                )
        return data


class DecisionEditView(EditView):
    def save_instance(self):
        representative = self.form.save()
        decision = self.form.cleaned_data.get("decision")
        note = self.form.cleaned_data.get("note", "")
        try:
            if decision == "approve":
                representative.approve(self.request.user, note)
                send_after_commit(representative, "approved")
            elif decision == "reject":
                representative.reject(self.request.user, note)
                send_after_commit(representative, "rejected")
            elif decision == "revoke":
                representative.revoke(self.request.user, note)
        except AccountTaken:
            pass  # the form refused it already
        return representative


class DomainColumn(Column):
    """Whether the work e-mail's domain is the company website's: a hint, not a proof."""

    def get_value(self, instance):
        if instance.domain_matches_website():
            return _("%(domain)s = website") % {"domain": instance.email_domain()}
        website = instance.website_domain() or _("no website")
        return _("%(domain)s ≠ %(website)s") % {"domain": instance.email_domain(), "website": website}


class RepresentativeViewSet(ModelViewSet):
    model = Representative
    icon = "user"
    menu_label = _("Company representatives")
    menu_order = 260
    add_to_admin_menu = True
    name = "representatives"
    url_prefix = "representatives"
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = DecisionEditView
    list_display = [
        "name",
        "company",
        "email",
        DomainColumn("domain", label=_("E-mail domain")),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda representative: representative.status == Representative.Status.CONFIRMED,
        ),
        DateColumn("created_at", label=_("Requested")),
    ]
    list_filter = ["status"]
    search_fields = ["name", "email", "role"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "company",
        "name",
        "email",
        "role",
        "locale",
        "status",
        "note",
        "created_at",
        "confirmed_at",
        "decided_at",
        "decided_by",
        "consent_text",
        "consented_at",
    ]

    def get_form_class(self, for_update=False):
        return DecisionForm


@hooks.register("register_admin_viewset")
def register_representatives():
    return RepresentativeViewSet()
