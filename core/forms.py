"""What every form visitors fill in on the public site has besides its fields."""

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
