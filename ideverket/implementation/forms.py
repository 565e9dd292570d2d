"""Forms for implementations: plan, milestones, the handover, follow-ups, owner, list filters.

The forms parse what was typed; the actions decide what is required, so their Swedish messages
are the ones shown next to the fields.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField, UnitChoiceField
from ideverket.org.models import Unit

from .actions import FOLLOW_UP_BEFORE_START, FOLLOW_UP_MISSING, FOLLOW_UP_PAST, PROGRESS_INVALID
from .models import Implementation

User = get_user_model()

FOLLOW_UP_FIELDS = ("follow_up_1", "follow_up_2", "follow_up_3", "follow_up_4")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _optional(form):
    for field in form.fields.values():
        field.required = False


class ImplementationPlanForm(CleanTextMixin, forms.Form):
    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)
    plan = forms.CharField(
        label=_("Plan för införandet"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    starts_on = forms.DateField(label=_("Införandet startar"), widget=DateInput)
    ends_on = forms.DateField(label=_("Klart senast"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional(self)


class ProgressField(forms.IntegerField):
    """A whole percent; anything else gets the one message the action also uses."""

    def __init__(self, **kwargs):
        super().__init__(
            error_messages={"invalid": PROGRESS_INVALID},
            widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            **kwargs,
        )


class MilestoneForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Delmål"), max_length=200)
    due_on = forms.DateField(label=_("Klart senast"), widget=DateInput)
    progress = ProgressField(
        label=_("Hur långt har det kommit? (procent)"),
        help_text=_("Ett heltal från 0 till 100."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional(self)
        self.initial.setdefault("progress", 0)

    def clean_progress(self):
        progress = self.cleaned_data.get("progress")
        if progress is not None and not 0 <= progress <= 100:
            raise forms.ValidationError(PROGRESS_INVALID)
        return progress


class HandoverForm(CleanTextMixin, forms.Form):
    line_owner = SafeModelChoiceField(
        label=_("Ansvarig i linjen"),
        queryset=User.objects.none(),
        help_text=_("Den person som ansvarar för att det fortsätter att fungera."),
    )
    line_unit = UnitChoiceField(
        label=_("Enhet som driver det vidare"),
        queryset=Unit.objects.none(),
    )
    runs_from = forms.DateField(label=_("Linjen driver det från och med"), widget=DateInput)
    follow_up_1 = forms.DateField(label=_("Första uppföljningen"), widget=DateInput)
    follow_up_2 = forms.DateField(label=_("Andra uppföljningen (valfri)"), widget=DateInput)
    follow_up_3 = forms.DateField(label=_("Tredje uppföljningen (valfri)"), widget=DateInput)
    follow_up_4 = forms.DateField(label=_("Fjärde uppföljningen (valfri)"), widget=DateInput)
    note = forms.CharField(
        label=_("Hur har överlämningen gått till?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vad tar linjen över, vad behöver de veta, och vad följs upp?"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _optional(self)
        self.fields["line_owner"].queryset = User.objects.filter(is_active=True).only("id", "name")
        self.fields["line_unit"].queryset = (
            Unit.objects.active().exclude(kind=Unit.Kind.MUNICIPALITY).tree_order()
        )

    def clean(self):
        """Point at the follow-up date that is wrong, not just at the group."""
        cleaned = super().clean()
        runs_from = cleaned.get("runs_from")
        today = timezone.localdate()
        given = [name for name in FOLLOW_UP_FIELDS if cleaned.get(name)]
        if not given and not any(self.errors.get(name) for name in FOLLOW_UP_FIELDS):
            self.add_error("follow_up_1", FOLLOW_UP_MISSING)
        for name in given:
            if runs_from and cleaned[name] <= runs_from:
                self.add_error(name, FOLLOW_UP_BEFORE_START)
            elif cleaned[name] < today:
                self.add_error(name, FOLLOW_UP_PAST)
        return cleaned

    def follow_up_dates(self):
        return [self.cleaned_data[name] for name in FOLLOW_UP_FIELDS if self.cleaned_data.get(name)]


class FollowUpForm(CleanTextMixin, forms.Form):
    note = forms.CharField(
        label=_("Vad visade uppföljningen?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


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


STATUS_CHOICES = [("", _("Alla")), *Implementation.Status.choices]


class ImplementationFilterForm(forms.Form):
    """The implementation list's filters; every value comes from an allow-list."""

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
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("flagged"):
            queryset = queryset.flagged()
        return queryset.order_by("-created_at", "-pk")
