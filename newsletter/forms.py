from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from core.forms import ErrorSummary
from core.spam import SpamTraps

_SIGNING_SALT = "newsletter.started"


def consent_wording():
    return _(
        "I agree that Bochum 2015 stores my e-mail address and my choice of topics to send me the "
        "newsletter. I can unsubscribe at any time with the link in every newsletter; my address is "
        "then deleted."
    )


class SubscriptionForm(ErrorSummary, SpamTraps, forms.Form):
    """The subscription: an address, "all news" and/or focus sectors and networks (their
    translation keys, offered in the page's language), the consent and the spam traps."""

    honeypot = "homepage"
    started_salt = _SIGNING_SALT

    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send you a link to confirm your subscription."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    all_news = forms.BooleanField(label=_("All news of the initiative"), required=False)
    sectors = forms.MultipleChoiceField(label=_("Focus sectors"), required=False, widget=forms.CheckboxSelectMultiple)
    networks = forms.MultipleChoiceField(label=_("Networks"), required=False, widget=forms.CheckboxSelectMultiple)
    consent = forms.BooleanField(
        label=consent_wording(),
        error_messages={"required": _("Please agree to the privacy notice so that we can send you the newsletter.")},
    )
    # Invisible to people (hidden wrapper); bots fill in every field they find.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    summary_labels = {"consent": _("Consent"), "all_news": _("Topics")}

    def __init__(self, *args, sectors=(), networks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = [(str(page.translation_key), page.title) for page in sectors]
        self.fields["networks"].choices = [(str(page.translation_key), page.title) for page in networks]
        self.stamp_start()

    def clean(self):
        data = super().clean()
        if not (data.get("all_news") or data.get("sectors") or data.get("networks")):
            self.add_error("all_news", _("Please choose all news or at least one sector or network."))
        return data

    def choice(self):
        data = self.cleaned_data
        return {"all_news": data["all_news"], "sectors": data["sectors"], "networks": data["networks"]}


class IssueForm(WagtailAdminModelForm):
    """An issue's news and events are pages of its language (the others would link to pages its
    readers cannot read)."""

    def clean(self):
        cleaned_data = super().clean()
        locale = cleaned_data.get("locale")
        items = self.formsets.get("items")
        if locale is not None and items is not None and items.is_valid():
            for form in items.forms:
                page = form.cleaned_data.get("page")
                if page is not None and not form.cleaned_data.get("DELETE") and page.locale_id != locale.pk:
                    form.add_error("page", _("Choose a page in the issue's language."))
        return cleaned_data
