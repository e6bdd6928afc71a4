from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from core.forms import FilterForm


class NewsArticleForm(WagtailAdminPageForm):
    """An article's edit form: a draft may be saved half done, but one sent for approval or
    published needs text or a picture (`NewsArticlePage.NOTHING_TO_READ`)."""

    def clean(self):
        cleaned_data = super().clean()
        deferred = self.is_deferred_validation  # "Save draft": required fields are deferred too
        if not deferred and not cleaned_data.get("body") and not cleaned_data.get("lead_image"):
            self.add_error(None, self.instance.NOTHING_TO_READ)
        return cleaned_data


class NewsFilterForm(FilterForm):
    sector = forms.ChoiceField(label=_("Focus sector"), required=False)
    tag = forms.ChoiceField(label=_("Topic"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, choices, active):
        """`choices` and `active` as `NewsIndexPage.filter_choices` and `active_filters` give them."""
        super().__init__(active)
        self.offer("sector", _("All focus sectors"), [(sector.slug, sector.title) for sector in choices["sectors"]])
        self.offer("tag", _("All topics"), [(tag.slug, tag.name) for tag in choices["tags"]])
        self.offer("year", _("All years"), [(year, year) for year in choices["years"]])
