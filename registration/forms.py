from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ErrorSummary
from core.spam import SpamTraps

_SIGNING_SALT = "registration.started"


def consent_wording():
    return _(
        "I agree that Bochum 2015 stores my details to handle my registration, passes them on to the "
        "organisers of the event and deletes them after the retention period. I can withdraw my consent "
        "at any time by cancelling."
    )


class RegistrationForm(ErrorSummary, SpamTraps, forms.Form):
    honeypot = "homepage"
    started_salt = _SIGNING_SALT

    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    company = forms.CharField(
        label=_("Company (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        max_length=1000,
        required=False,
        help_text=_("e.g. step-free access, a sign language interpreter, a hearing loop"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=consent_wording(),
        error_messages={"required": _("Please agree to the privacy notice so that we can register you.")},
    )
    # Invisible to people (hidden wrapper); bots fill in every field they find.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stamp_start()
