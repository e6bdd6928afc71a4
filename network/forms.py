import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from pagecache.cache import fresh_value

# A person needs longer than this to fill in the form; a faster post is a bot.
MIN_FILL_SECONDS = 3
_SIGNING_SALT = "network.participation.started"


def started_value():
    """The signed time the form is rendered at (a fresh one for every visitor, also on a page
    from the page cache: pagecache.cache.fresh_value)."""
    return signing.dumps(time.time(), salt=_SIGNING_SALT)


def consent_wording():
    return _(
        "I agree that Bochum 2015 stores my details and passes them on to the network's contact persons "
        "to handle my request. I can withdraw my consent at any time."
    )


class ParticipationForm(forms.Form):
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

    def __init__(self, *args, page=None, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        if not self.is_bound:
            self.initial["started"] = fresh_value(request, "network.forms.started_value")

    def is_spam(self):
        """A filled-in honeypot, or a form posted faster than a person types (or without a valid timestamp)."""
        if self.data.get("homepage", "").strip():
            return True
        try:
            started = signing.loads(self.data.get("started", ""), salt=_SIGNING_SALT)
        except signing.BadSignature:
            return True
        return time.time() - float(started) < MIN_FILL_SECONDS


class CompanyFilterForm(forms.Form):
    q = forms.CharField(label=_("Company name"), required=False, max_length=100, widget=forms.SearchInput)
    sector = forms.ChoiceField(label=_("Focus sector"), required=False)
    competence = forms.ChoiceField(label=_("Competence"), required=False)

    def __init__(self, *args, sectors=(), competences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors")), *[(s.slug, s.title) for s in sectors]]
        self.fields["competence"].choices = [("", _("All competences")), *[(t.slug, t.name) for t in competences]]
