from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import FilterForm


class EventFilterForm(FilterForm):
    sector = forms.ChoiceField(label=_("Focus sector"), required=False)
    network = forms.ChoiceField(label=_("Network"), required=False)
    kind = forms.ChoiceField(label=_("Kind of event"), required=False)

    def __init__(self, choices, active):
        """`choices` and `active` as `listing.filter_choices` and `Calendar` find them."""
        super().__init__(active)
        self.offer("sector", _("All focus sectors"), [(sector.slug, sector.title) for sector in choices["sectors"]])
        self.offer("network", _("All networks"), [(network.slug, network.title) for network in choices["networks"]])
        self.offer("kind", _("All kinds"), [(value, capfirst(label)) for value, label in choices["kinds"]])
