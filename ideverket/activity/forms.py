from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EmailPreference


class EmailPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Hur vill du få e-post om dina notiser?"),
        choices=EmailPreference.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj hur du vill få e-post.")},
    )
