"""Form fields that never let a malformed id reach the database."""

from django import forms
from django.core.exceptions import ValidationError

MAX_ID_DIGITS = 18  # below 2**63, the largest integer both SQLite and PostgreSQL store


def is_id(value):
    """True for a string of ASCII digits short enough to be a database id."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS


class SafeModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses non-ids ("²", 10**30) as an invalid choice."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not is_id(getattr(value, "pk", value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses non-ids before querying."""

    def _check_values(self, value):
        for item in value:
            if not is_id(getattr(item, "pk", item)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(item)[:20]},
                )
        return super()._check_values(value)
