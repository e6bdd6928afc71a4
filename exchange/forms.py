from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.forms import ErrorSummary
from core.spam import SpamTraps, signed_time

from .choices import Kind, Theme

_POST_SALT = "exchange.post.started"
_ANSWER_SALT = "exchange.answer.started"
_ANSWER_AGAIN_SALT = "exchange.answer.confirmed"


def entry_consent_wording():
    return _(
        "I agree that Bochum 2015 stores my details to publish my entry after moderation and to forward "
        "answers to it to me, and deletes them after the entry has expired. My e-mail address is never "
        "shown on the site. I can withdraw my consent at any time by writing to Bochum 2015."
    )


def answer_consent_wording():
    return _(
        "I agree that Bochum 2015 stores my details and forwards my message with my name, company and "
        "e-mail address to the person who posted the entry, so that they can answer me, and deletes them "
        "after the retention period."
    )


class ExchangeFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Offers or requests"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Offers and requests")), *Kind.choices]
        self.fields["theme"].choices = [("", _("All themes")), *Theme.choices]


class EntryPostForm(ErrorSummary, SpamTraps, forms.Form):
    """Posting an offer or a request. `competences`: grouped (slug, label) choices in the page's
    language; `companies`: (id, name) of the directory's companies."""

    honeypot = "homepage"
    started_salt = _POST_SALT

    kind = forms.ChoiceField(label=_("Offer or request"), choices=Kind.choices)
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", "—"), *Theme.choices])
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("In a few words, e.g. 'Partner for laser cutting of small series wanted'."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=3000,
        help_text=_(
            "What you offer or look for, and what a partner should bring. No contact details: answers reach "
            "you by e-mail."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    competences = forms.MultipleChoiceField(
        label=_("Competences (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("We show companies with these competences next to your entry."),
    )
    company_name = forms.CharField(
        label=_("Company"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    company = forms.ChoiceField(
        label=_("Your company in the company directory (optional)"),
        required=False,
        help_text=_("The entry then links to your company's page."),
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Work e-mail"),
        help_text=_("We send you a link to confirm your entry. Never shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=entry_consent_wording(),
        error_messages={"required": _("Please agree to the privacy notice so that we can publish your entry.")},
    )
    # Invisible to people (hidden wrapper); bots fill in every field they find.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, competences=(), companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competences"].choices = list(competences)
        self.fields["company"].choices = [("", _("— not in the directory —")), *companies]
        self.stamp_start()

    def clean_theme(self):
        value = self.cleaned_data["theme"]
        if value not in Theme.values:
            raise forms.ValidationError(_("Please choose a theme."))
        return value


class AnswerForm(ErrorSummary, SpamTraps, forms.Form):
    honeypot = "homepage"
    started_salt = _ANSWER_SALT

    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    company = forms.CharField(
        label=_("Company"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    email = forms.EmailField(
        label=_("Work e-mail"),
        help_text=_("The person who posted the entry gets it to answer you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(label=_("Your message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 8}))
    consent = forms.BooleanField(
        label=answer_consent_wording(),
        error_messages={"required": _("Please agree to the privacy notice so that we can forward your message.")},
    )
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    confirmed = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stamp_start()

    def sent_too_fast(self):
        """Posted faster than a person types – and not yet sent once more (`ask_once_more`)."""
        try:
            signing.loads(self.data.get("confirmed", ""), salt=_ANSWER_AGAIN_SALT)
        except signing.BadSignature:
            return super().sent_too_fast()
        return False

    def ask_once_more(self):
        """The same entries, with the mark that lets their next post through and a note that the
        message has not been sent yet: a person whose browser filled the form in loses nothing."""
        data = self.data.copy()
        data["confirmed"] = signed_time(_ANSWER_AGAIN_SALT)
        again = type(self)(data)
        again.is_valid()
        again.add_error(
            None,
            _(
                "Your message has not been sent yet: the form was sent very quickly, as a program would. "
                "Please check your entries and send the message once more."
            ),
        )
        return again
