"""Forms: the inspirer's profile, the unit chooser, activities and attendance."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import (
    CleanTextMixin,
    SafeModelMultipleChoiceField,
    UnitChoiceField,
)
from ideverket.org.models import Unit

from .models import InspirerProfile, NetworkActivity

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ProfileForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = InspirerProfile
        fields = ["help_with", "contact", "is_available"]
        widgets = {
            "help_with": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "contact": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        help_texts = {
            "help_with": _(
                "Till exempel: formulera problemet, ordna en idéverkstad på arbetsplatsen, "
                "planera ett litet test. Högst 2 000 tecken."
            ),
            "contact": _(
                "Telefon, Teams, e-post eller tider då man kan komma förbi. Högst 1 000 tecken."
            ),
            "is_available": _("Bocka ur om du inte hinner ta dig an fler idéer just nu."),
        }
        error_messages = {
            "help_with": {"max_length": _("Texten får vara högst 2 000 tecken.")},
            "contact": {"max_length": _("Texten får vara högst 1 000 tecken.")},
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("help_with") and "help_with" not in self.errors:
            self.add_error("help_with", _("Skriv vad du kan hjälpa till med."))
        if not cleaned.get("contact") and "contact" not in self.errors:
            self.add_error("contact", _("Skriv hur kollegor når dig."))
        return cleaned


class FindForm(forms.Form):
    """The unit to find the nearest inspirers for (GET)."""

    unit = UnitChoiceField(
        label=_("Enhet"),
        queryset=Unit.objects.active().tree_order().select_related("department"),
        required=False,
        empty_label=_("Min enhet"),
        error_messages={"invalid_choice": _("Välj en enhet i listan.")},
    )


class ActivityForm(CleanTextMixin, forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Börjar"),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={
            "required": _("Ange när aktiviteten börjar."),
            "invalid": _("Ange datum och klockslag, till exempel 2025-03-14 13:00."),
        },
    )
    ends_at = forms.DateTimeField(
        label=_("Slutar"),
        required=False,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={"invalid": _("Ange datum och klockslag, till exempel 2025-03-14 15:00.")},
    )
    online_link = forms.URLField(
        label=_("Länk för att delta digitalt"),
        required=False,
        assume_scheme="https",
        help_text=_("Till exempel en Teams-länk som börjar med https://."),
        error_messages={"invalid": _("Ange en hel webbadress, som börjar med https://.")},
    )
    department = UnitChoiceField(
        label=_("För"),
        queryset=Unit.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Välj en förvaltning i listan.")},
    )

    class Meta:
        model = NetworkActivity
        fields = [
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "description",
            "department",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5, "maxlength": 5000})}
        labels = {
            "title": _("Rubrik"),
            "kind": _("Typ av aktivitet"),
            "place": _("Plats"),
            "description": _("Beskrivning"),
        }
        help_texts = {
            "place": _("Lokal och adress. Ange plats, länk eller båda."),
            "description": _("Vad händer, vem passar det för och vad ska man förbereda?"),
        }
        error_messages = {
            "title": {"required": _("Skriv en rubrik.")},
        }

    def __init__(self, *args, departments, municipality_wide, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        field.queryset = departments
        field.required = not municipality_wide
        field.empty_label = _("Hela kommunens nätverk") if municipality_wide else None
        field.help_text = (
            _("Lämna tomt för en aktivitet för hela nätverket.") if municipality_wide else ""
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Aktiviteten kan inte sluta innan den börjar."))
        if (
            not cleaned.get("place")
            and not cleaned.get("online_link")
            and "online_link" not in self.errors
        ):
            self.add_error("place", _("Ange en plats eller en länk för att delta digitalt."))
        return cleaned

    def _post_clean(self):
        # The action validates and saves; the form only checks input.
        pass


class AttendeeChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit.name})" if obj.unit_id else obj.name


class AttendanceForm(forms.Form):
    attendees = AttendeeChoiceField(
        label=_("Vilka deltog?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Välj deltagare ur listan.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = candidates
