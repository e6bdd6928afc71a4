from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.forms import ErrorSummary
from core.spam import SpamTraps, signed_time

from .choices import DISTRICT_CHOICES, SizeBand

# A post faster than a person types (core.spam) may be a bot, or a person whose browser filled
# the form in: it is never thrown away, the person is asked to send it once more.
_SIGNING_SALT = "network.participation.started"
_CONFIRM_SALT = "network.participation.confirmed"


def started_value():
    """The signed time the form is rendered at (NetworkPage.participation, never cached)."""
    return signed_time(_SIGNING_SALT)


def confirmed_value():
    """The signed mark of a form the person was asked to send once more: its next post is taken
    however fast it comes."""
    return signed_time(_CONFIRM_SALT)


def consent_wording():
    return _(
        "I agree that Bochum 2015 stores my details and passes them on to the network's contact persons "
        "to handle my request. I can withdraw my consent at any time."
    )


class ParticipationForm(ErrorSummary, SpamTraps, forms.Form):
    honeypot = "homepage"
    started_salt = _SIGNING_SALT

    company = forms.CharField(
        label=_("Company"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We use it only to answer your request."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=3000,
        help_text=_("What does your company do, and what do you expect from the network?"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=consent_wording(),
        error_messages={"required": _("Please agree to the privacy notice so that we can handle your request.")},
    )
    # Invisible to people (hidden wrapper); bots fill in every field they find.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    confirmed = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.stamp_start()

    def sent_too_fast(self):
        """Posted faster than a person types, or without a valid timestamp – and not yet sent once more."""
        try:
            signing.loads(self.data.get("confirmed", ""), salt=_CONFIRM_SALT)
        except signing.BadSignature:
            return super().sent_too_fast()
        return False

    def ask_once_more(self):
        """The same entries, with the mark that lets their next post through and a note that the
        request has not been sent yet."""
        data = self.data.copy()
        data["confirmed"] = confirmed_value()
        again = type(self)(data, page=self.page)
        again.is_valid()
        again.add_error(
            None,
            _(
                "Your request has not been sent yet: the form was sent very quickly, as a program would. "
                "Please check your entries and send the request once more."
            ),
        )
        return again


class CompanyFilterForm(forms.Form):
    # A longer text is cut, not refused: an error next to a list of every company contradicts itself.
    q = forms.CharField(
        label=_("Name or competence"), required=False, widget=forms.SearchInput(attrs={"maxlength": 100})
    )
    sector = forms.ChoiceField(label=_("Focus sector"), required=False)
    competence = forms.ChoiceField(label=_("Competence"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    size = forms.ChoiceField(label=_("Size"), required=False)

    def __init__(self, *args, sectors=(), competences=(), **kwargs):
        """`competences`: grouped choices, (group, [(slug, label) ...])."""
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors")), *[(s.slug, s.title) for s in sectors]]
        self.fields["competence"].choices = [("", _("All competences")), *competences]
        self.fields["district"].choices = [("", _("All districts")), *DISTRICT_CHOICES]
        self.fields["size"].choices = [("", _("All sizes")), *SizeBand.choices]

    def clean_q(self):
        return self.cleaned_data["q"][:100]
