"""What every form visitors fill in on the public site has besides its fields."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ErrorSummary:
    """For a django Form: the list of its errors at the top of the form
    (`components/form_errors.html`), each linking to its field."""

    # The summary names each field; a consent checkbox's label is the whole consent text.
    summary_labels = {"consent": _("Consent")}

    def error_summary(self):
        """(field id, short name, first error) of each field with an error, in the form's order."""
        return [
            (field.id_for_label, self.summary_labels.get(field.name, field.label), field.errors[0])
            for field in self.visible_fields()
            if field.errors
        ]


class FilterForm(forms.Form):
    """A list's filters as a GET form of choices, each with an "all" entry first, rendered with
    the `form_field` component. The page decides which values are valid (an unknown one is
    ignored, never an error), so the form only shows them: `initial` holds the active ones."""

    def __init__(self, active):
        """`active`: the valid filters of the request, a value or a page or snippet each (its slug)."""
        # The fields' ids the pages have always had.
        super().__init__(auto_id="filter-%s", initial={k: getattr(v, "slug", v) for k, v in active.items()})

    def offer(self, name, everything, options):
        """The choices of field `name`: `everything` ("All years") first, then (value, label) pairs."""
        self.fields[name].choices = [("", everything), *options]
