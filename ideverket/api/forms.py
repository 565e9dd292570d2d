from django import forms
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin


class TokenForm(CleanTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Vad ska nyckeln användas till?"),
        help_text=_("Till exempel ”Power BI-rapporten” – så vet du vilken du ska återkalla."),
        max_length=100,
        error_messages={"required": _("Ge nyckeln ett namn.")},
    )
