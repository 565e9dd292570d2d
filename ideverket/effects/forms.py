"""Forms for adding an expected effect and recording a measured value."""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField, UnitChoiceField
from ideverket.org.models import Unit

from .models import Effect, Measurement

# Spaces (also no-break and thin) group thousands in Swedish: "1 250 000".
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


class NumberField(forms.DecimalField):
    """A decimal typed the Swedish way ("1 250,5") or the English way ("1250.5")."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = _SPACES.sub("", value[:100]).replace(",", ".").replace("\u2212", "-")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            # Shown the Swedish way, without trailing zeros: 1250,5 rather than 1250.50.
            return f"{value.normalize():f}".replace(".", ",")
        return value


class EffectForm(CleanTextMixin, forms.ModelForm):
    unit = UnitChoiceField(
        label=_("Enhet där nyttan uppstår"),
        queryset=Unit.objects.none(),
        help_text=_("Effekten räknas in i den här enhetens och förvaltningens summor."),
        error_messages={"invalid_choice": _("Välj en enhet i listan.")},
    )

    class Meta:
        model = Effect
        fields = ["kind", "description", "indicator", "baseline", "target", "unit"]
        field_classes = {"baseline": NumberField, "target": NumberField}
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "kind": _("Slag av effekt"),
            "description": _("Beskriv effekten"),
            "indicator": _("Indikator (för kvalitet)"),
            "baseline": _("Utgångsläge"),
            "target": _("Målvärde"),
        }
        help_texts = {
            "description": _("Vad blir bättre, och för vem?"),
            "indicator": _(
                "Till exempel nöjdhet i procent. Lämna tomt om kvaliteten bara beskrivs i text."
            ),
            "baseline": _(
                "Värdet före förändringen, om det är känt. Lämna tomt om ni räknar från noll."
            ),
            "target": _(
                "Värdet ni vill nå. Den förväntade effekten är målvärdet minus utgångsläget. "
                "Får lämnas tomt för kvalitet."
            ),
        }

    def __init__(self, *args, default_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Effect.Kind.choices  # no empty "---------" radio
        self.fields["unit"].queryset = (
            Unit.objects.active()
            .exclude(kind=Unit.Kind.MUNICIPALITY)
            .tree_order()
            .only("id", "name", "depth", "path")
        )
        if default_unit is not None and not self.is_bound:
            self.initial["unit"] = default_unit.pk


class MeasurementForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["value", "measured_on", "note"]
        field_classes = {"value": NumberField}
        widgets = {
            "measured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "value": _("Uppmätt värde"),
            "measured_on": _("Mätdatum"),
            "note": _("Kommentar"),
        }
        help_texts = {
            "measured_on": _("Dagen värdet gäller, till exempel vid uppföljningen."),
            "note": _("Hur mättes det? Vad har hänt sedan förra mätningen?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["measured_on"] = timezone.localdate()
        effect = self.instance.effect
        self.fields["value"].required = effect.kind in Effect.NUMERIC
        if effect.unit_of_measure:
            self.fields["value"].help_text = _("I %(unit)s.") % {"unit": effect.unit_of_measure}


class SumsFilterForm(forms.Form):
    """The sums page's filters; an invalid value is dropped (and shown), never used."""

    department = SafeModelChoiceField(
        label=_("Förvaltning"),
        required=False,
        empty_label=_("Alla förvaltningar"),
        queryset=Unit.objects.departments().order_by("name").only("id", "name", "path"),
    )
    kind = forms.ChoiceField(
        label=_("Slag av effekt"),
        required=False,
        choices=[("", _("Alla slag")), *Effect.Kind.choices],
    )
