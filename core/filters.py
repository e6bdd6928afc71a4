"""Admin listing filters that answer any value a person can type.

Django's ModelChoiceField looks the chosen id up as it comes: for a model whose key is a
foreign key (a page type's `page_ptr`) Django does not check the integer's range, and SQLite
cannot take a number beyond 64 bits (`OverflowError`, a 500 for `?sectors=99999999999999999999`).
Such a number is no choice."""

import django_filters
from django_filters.fields import ModelChoiceField

from django.core.exceptions import ValidationError


class BoundedModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError as error:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from error


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """django-filter's ModelChoiceFilter with a value beyond the database's integers refused
    as an invalid choice."""

    field_class = BoundedModelChoiceField
