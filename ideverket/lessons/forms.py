"""Forms for writing a lesson and for searching and filtering the lessons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import SafeModelChoiceField, UnitChoiceField
from ideverket.lib.search import search
from ideverket.lib.text import normalize_text
from ideverket.org.models import Unit

from .models import Lesson


class LessonForm(forms.Form):
    title = forms.CharField(
        label=_("Rubrik"),
        max_length=200,
        help_text=_("Lärdomen i en mening, så att andra hittar den."),
    )
    text = forms.CharField(
        label=_("Vad lärde ni er?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Vad fungerade, vad fungerade inte, och vad skulle ni göra annorlunda? "
            "Skriv så att en annan förvaltning kan ha nytta av det."
        ),
    )
    outcome = forms.ChoiceField(
        label=_("Hur gick det?"),
        choices=Lesson.Outcome.choices,
        widget=forms.RadioSelect,
    )
    unit = UnitChoiceField(
        label=_("Enhet"),
        queryset=Unit.objects.none(),
        help_text=_("Där lärdomen gjordes."),
        error_messages={"invalid_choice": _("Välj en enhet i listan.")},
    )

    def __init__(self, *args, default_unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.active()
            .exclude(kind=Unit.Kind.MUNICIPALITY)
            .tree_order()
            .only("id", "name", "depth", "path")
        )
        if default_unit is not None and not self.is_bound:
            self.initial.setdefault("unit", default_unit.pk)

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "text"):
            if name in cleaned:
                cleaned[name] = normalize_text(cleaned[name])
                if not cleaned[name]:
                    self.add_error(name, _("Fältet får inte vara tomt."))
        return cleaned


class LessonFilterForm(forms.Form):
    """The list's search and filters; an invalid value is dropped (and shown), never used."""

    q = forms.CharField(
        label=_("Sök bland lärdomarna"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": 200}),
    )
    department = SafeModelChoiceField(
        label=_("Förvaltning"),
        required=False,
        empty_label=_("Alla förvaltningar"),
        queryset=Unit.objects.departments().order_by("name").only("id", "name", "path"),
    )
    outcome = forms.ChoiceField(
        label=_("Hur gick det?"),
        required=False,
        choices=[("", _("Alla utfall")), *Lesson.Outcome.choices],
    )

    def clean_q(self):
        return normalize_text(self.cleaned_data["q"])[:200]

    def filter(self, queryset):
        """Apply the valid filters (call after is_valid(); invalid fields are left out)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("department"):
            queryset = queryset.in_department(data["department"])
        if data.get("outcome"):
            queryset = queryset.filter(outcome=data["outcome"])
        if data.get("q"):
            queryset = search(queryset, data["q"])
        return queryset
