"""Forms for trials: the plan, status updates, the evaluation, the owner, the list's filters.

The forms parse what was typed; the actions decide what is required, so their Swedish messages
are the ones shown next to the fields (as on the idea's decision form).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField, UnitChoiceField
from ideverket.org.models import Unit

from .actions import LESSONS_REQUIRED, RESULT_REQUIRED, SUMMARY_REQUIRED
from .models import Criterion, Trial, TrialUpdate

User = get_user_model()


def _optional(form):
    for field in form.fields.values():
        field.required = False


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TrialPlanForm(CleanTextMixin, forms.Form):
    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)
    hypothesis = forms.CharField(
        label=_("Hypotes"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vad tror ni ska hända? Till exempel: ”Om vi … så kommer … eftersom …”."),
    )
    plan = forms.CharField(
        label=_("Plan"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Vad görs, av vem och när?"),
    )
    participants = forms.CharField(
        label=_("Deltagare"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vilka enheter, grupper eller personer är med i testet?"),
    )
    starts_on = forms.DateField(label=_("Testet startar"), widget=DateInput)
    ends_on = forms.DateField(label=_("Testet slutar"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional(self)


class TrialUpdateForm(CleanTextMixin, forms.Form):
    health = forms.ChoiceField(
        label=_("Hur går testet?"),
        choices=TrialUpdate.Health.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Lägesrapport"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vad har hänt sedan sist, och behöver ni hjälp med något?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional(self)


RESULT_CHOICES = [(value, label) for value, label in Criterion.Result.choices if value]


class EvaluationForm(CleanTextMixin, forms.Form):
    """A result and a note per criterion (fields named by `Criterion.result_key`/`note_key`),
    a summary, and the lessons."""

    summary = forms.CharField(
        label=_("Sammanfattning av resultatet"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hur gick testet, mätt mot framgångskriterierna?"),
        error_messages={"required": SUMMARY_REQUIRED},
    )
    lessons = forms.CharField(
        label=_("Vad lärde ni er?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Det ni lärt er sparas och kan hittas av andra – också när testet inte lyckades."
        ),
        error_messages={"required": LESSONS_REQUIRED},
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for number, criterion in enumerate(criteria, 1):
            self.fields[criterion.result_key] = forms.ChoiceField(
                label=_("Resultat"),
                choices=RESULT_CHOICES,
                widget=forms.RadioSelect,
                initial=criterion.result or None,
                error_messages={"required": RESULT_REQUIRED},
            )
            self.fields[criterion.note_key] = forms.CharField(
                label=_("Kommentar till kriterium %(number)s") % {"number": number},
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=criterion.result_note,
                required=False,
            )
        # The form keeps its fields in this order: criteria first, then summary and lessons.
        self.order_fields([*(k for c in criteria for k in (c.result_key, c.note_key))])

    def criterion_rows(self):
        """[(number, criterion, result field, note field)] for the template."""
        return [
            (number, c, self[c.result_key], self[c.note_key])
            for number, c in enumerate(self.criteria, 1)
        ]

    def results(self):
        data = self.cleaned_data
        return {
            c.pk: (data.get(c.result_key) or "", data.get(c.note_key) or "") for c in self.criteria
        }


class OwnerForm(forms.Form):
    owner = SafeModelChoiceField(
        label=_("Ny ansvarig"),
        queryset=User.objects.none(),
        help_text=_("Personen måste höra till den mottagande enheten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(is_active=True).only("id", "name")
        self.fields["owner"].required = False


STATUS_CHOICES = [
    ("", _("Alla")),
    ("open", _("Pågående och planerade")),
    (Trial.Status.EVALUATED, _("Utvärderade")),
]


class TrialFilterForm(forms.Form):
    """The trial list's filters; every value comes from an allow-list."""

    department = UnitChoiceField(
        label=_("Förvaltning eller enhet"),
        required=False,
        queryset=Unit.objects.none(),
        empty_label=_("Hela kommunen"),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    flagged = forms.BooleanField(
        label=_("Bara flaggade (ansvarig har slutat eller tiden har gått ut)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = (
            Unit.objects.active()
            .exclude(kind=Unit.Kind.MUNICIPALITY)
            .tree_order()
            .only("id", "name", "path", "depth")
        )

    def filter(self, queryset):
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        if data.get("department"):
            queryset = queryset.filter(idea__owner_unit__path__startswith=data["department"].path)
        if data.get("status") == "open":
            queryset = queryset.open()
        elif data.get("status") == Trial.Status.EVALUATED:
            queryset = queryset.filter(status=Trial.Status.EVALUATED)
        if data.get("flagged"):
            queryset = queryset.flagged()
        return queryset.order_by("-created_at", "-pk")
