"""The representatives' forms on the public site (core.forms.ErrorSummary, core.spam.SpamTraps)."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from modelcluster.forms import ClusterForm
from wagtail.models import Locale

from core.forms import ErrorSummary
from core.spam import SpamTraps
from network.models import Company, Competence, CompetenceGroup
from network.models.competences import labels_in_locale

from .logos import LogoRefused, clean_logo

_REQUEST_SALT = "representatives.request"
_LINK_SALT = "representatives.login_link"


def consent_wording():
    return _(
        "I agree that Bochum 2015 stores my details to check my request and to give me access to my "
        "company's profile, and deletes them when my access ends. I can withdraw my consent at any time."
    )


class CompanyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AccessRequestForm(ErrorSummary, SpamTraps, forms.Form):
    honeypot = "homepage"
    started_salt = _REQUEST_SALT

    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your work e-mail"),
        help_text=_("Your address at the company: we send you a link to confirm it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    company = CompanyChoiceField(
        label=_("Company"),
        queryset=Company.objects.none(),
        empty_label=_("Please choose"),
        help_text=_("Your company as the directory lists it. Not listed yet? Write to us."),
    )
    role = forms.CharField(
        label=_("Your role at the company"),
        max_length=200,
        help_text=_("e.g. 'Managing director' or 'Marketing'"),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    consent = forms.BooleanField(
        label=consent_wording(),
        error_messages={"required": _("Please agree to the privacy notice so that we can check your request.")},
    )
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The directory's companies: live German versions (their translations follow them).
        self.fields["company"].queryset = Company.objects.live().filter(locale=Locale.get_default()).order_by("name")
        self.stamp_start()


class LoginForm(ErrorSummary, forms.Form):
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class LoginLinkForm(ErrorSummary, SpamTraps, forms.Form):
    honeypot = "homepage"
    started_salt = _LINK_SALT

    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The address you asked for access with."),
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stamp_start()


LOGO_TYPES = "image/png,image/jpeg,image/webp,image/gif"
CONTACT_FIELDS = ["name", "role", "email", "phone"]


class ProfileForm(ErrorSummary, ClusterForm):
    """What a representative may change of their company; the name, the address of its page and its
    sectors stay with the editors."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    # The contact person other companies may contact: a new contact person record on every change
    # (`contact_person_changes`), so that nothing shown elsewhere changes before approval.
    contact_name = forms.CharField(
        label=_("Contact person's name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    contact_role = forms.CharField(label=_("Contact person's role"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact person's e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact person's phone"), max_length=50, required=False)
    logo_upload = forms.FileField(
        label=_("New logo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": LOGO_TYPES}),
    )

    class Meta:
        model = Company
        fields = [
            "description",
            "competences",
            "certifications",
            "size",
            "street",
            "postcode",
            "city",
            "district",
            "website",
            "contact_person_agreed",
        ]
        widgets = {"competences": forms.CheckboxSelectMultiple, "description": forms.Textarea(attrs={"rows": 5})}
        formsets = {}

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo_upload"].help_text = _(
            "PNG, JPEG, WebP or GIF, at most %(size)s. We store a fresh copy of the picture without its metadata."
        ) % {"size": filesizeformat(settings.REPRESENTATIVES_LOGO_MAX_BYTES)}
        field = self.fields["competences"]
        german = Competence.objects.filter(locale=Locale.get_default())
        field.queryset = german
        labels = labels_in_locale(german, locale or Locale.get_default())
        by_group = {}
        for competence in german:
            label = labels.get(competence.translation_key)
            name = label.name if label is not None else competence.name
            by_group.setdefault(competence.group, []).append((name, competence.pk))
        field.choices = [
            (group_label, [(pk, name) for name, pk in sorted(by_group[value])])
            for value, group_label in CompetenceGroup.choices
            if value in by_group
        ]
        self.logo = None
        person = self.instance.contact_person if self.instance.contact_person_id else None
        if person is not None and not self.is_bound:
            for field in CONTACT_FIELDS:
                self.initial[f"contact_{field}"] = getattr(person, field)

    def clean(self):
        data = super().clean()
        if data.get("contact_person_agreed") and not data.get("contact_name"):
            self.add_error("contact_name", _("Please name the contact person who agreed to be shown."))
        return data

    def contact_person_changes(self):
        """The contact person's details as typed, or None when they are what the company has."""
        typed = {field: self.cleaned_data.get(f"contact_{field}", "") for field in CONTACT_FIELDS}
        person = self.instance.contact_person if self.instance.contact_person_id else None
        current = {field: getattr(person, field) if person else "" for field in CONTACT_FIELDS}
        return None if typed == current else typed

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        try:
            self.logo = clean_logo(upload)
        except LogoRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return upload
