"""The form for reporting a barrier. Spam rules as for the network's participation form: only a
filled-in hidden field is answered like a success without storing; a valid report that came
faster than a person types is stored and marked for review, never dropped."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ErrorSummary
from core.spam import SpamTraps, signed_time

_SIGNING_SALT = "accessibility.barrier_report.started"


def consent_wording():
    return _(
        "I agree that Bochum 2015 stores my report and the details I give, to remove the barrier and to "
        "answer me. I can withdraw my consent at any time."
    )


def started_value():
    """The signed time the form is rendered at (AccessibilityStatementPage.report, never cached)."""
    return signed_time(_SIGNING_SALT)


class BarrierReportForm(ErrorSummary, SpamTraps, forms.Form):
    honeypot = "website"
    started_salt = _SIGNING_SALT

    location = forms.CharField(
        label=_("Where did you find the barrier? (optional)"),
        help_text=_("The address or the title of the page, or what you wanted to do."),
        max_length=500,
        required=False,
    )
    description = forms.CharField(
        label=_("What is the barrier?"),
        help_text=_("Describe what did not work for you. If you like, tell us which aids you use."),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please describe the barrier.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=consent_wording(),
        error_messages={"required": _("Please agree, so that we may store your report.")},
    )
    # Invisible to people (hidden wrapper); bots fill in every field they find.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stamp_start()
