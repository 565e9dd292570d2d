from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ideverket.goals.models import Goal, Period
from ideverket.ideas.process import Stage
from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField, SafeModelMultipleChoiceField
from ideverket.org.models import User

from .limits import default_limits
from .models import LIMITED_STAGES, MAX_LIMIT_DAYS, InnovationPlan, limit_field

LIMIT_MESSAGES = {
    "invalid": _("Skriv ett helt antal dagar, till exempel 30."),
    "min_value": _("Ange minst 1 dag, eller lämna fältet tomt för kommunens standard."),
    "max_value": _("Ange högst %(limit_value)s dagar."),
}


def people_of(department):
    """Active people in the department (its units) or with a role within it."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(unit__path__startswith=department.path)
            | Q(roles__unit__path__startswith=department.path)
        )
        .distinct()
        .only("id", "name")
        .order_by("name", "pk")
    )


class DepartmentSettingsForm(forms.Form):
    assessors = SafeModelMultipleChoiceField(
        label=_("Bedömare"),
        required=False,
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De får en notis om varje ny idé som skickas in till förvaltningen."),
    )
    default_handler = SafeModelChoiceField(
        label=_("Handläggare som standard"),
        required=False,
        queryset=User.objects.none(),
        empty_label=_("Ingen: en beslutsfattare väljer handläggare"),
        help_text=_("Blir handläggare för nya idéer som ingen handläggare har valts för."),
    )

    def __init__(self, *args, department, **kwargs):
        super().__init__(*args, **kwargs)
        people = people_of(department)
        self.fields["assessors"].queryset = people
        self.fields["default_handler"].queryset = people
        defaults = default_limits()
        for stage in LIMITED_STAGES:
            default = defaults.get(str(stage))
            self.fields[limit_field(stage)] = forms.IntegerField(
                label=_("Högst antal dagar: %(stage)s") % {"stage": Stage(stage).label},
                required=False,
                min_value=1,
                max_value=MAX_LIMIT_DAYS,
                error_messages=LIMIT_MESSAGES,
                help_text=(
                    _("Tomt: kommunens standard, %(days)s dagar.") % {"days": default}
                    if default
                    else _("Tomt: ingen gräns.")
                ),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    @property
    def limit_fields(self):
        return [self[limit_field(stage)] for stage in LIMITED_STAGES]

    def limits_days(self):
        return {stage: self.cleaned_data.get(limit_field(stage)) for stage in LIMITED_STAGES}


class PeriodChoiceForm(forms.Form):
    """Which period's plan to edit (?period=<id>); an unknown value falls back to the current."""

    period = SafeModelChoiceField(
        label=_("Period"), required=False, queryset=Period.objects.all(), empty_label=None
    )


class InnovationPlanForm(CleanTextMixin, forms.ModelForm):
    goals = SafeModelMultipleChoiceField(
        label=_("Mål som planen bidrar till"),
        required=False,
        queryset=Goal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = InnovationPlan
        fields = ["focus", "activities", "hours", "kronor", "goals"]
        labels = {
            "focus": _("Fokus för perioden"),
            "activities": _("Det här ska vi göra"),
            "hours": _("Avsatta timmar"),
            "kronor": _("Avsatta kronor"),
        }
        help_texts = {
            "focus": _("Vad förvaltningens innovationsarbete ska inrikta sig på."),
            "activities": _("Aktiviteter, satsningar och utmaningar ni tänker arbeta med."),
        }
        error_messages = {
            "focus": {"required": _("Skriv vad förvaltningen ska fokusera på.")},
            "hours": {
                "invalid": _("Skriv ett helt antal timmar."),
                "min_value": _("Antalet timmar kan inte vara negativt."),
                "max_value": _("Ange högst %(limit_value)s timmar."),
            },
            "kronor": {
                "invalid": _("Skriv ett helt antal kronor."),
                "min_value": _("Beloppet kan inte vara negativt."),
                "max_value": _("Ange högst %(limit_value)s kronor."),
            },
        }
        widgets = {
            "focus": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.Textarea(attrs={"rows": 6}),
            "hours": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "kronor": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, department, period, **kwargs):
        super().__init__(*args, **kwargs)
        # The period's goals that the department can serve: its own and those above them
        # (council and committee goals), never other departments' goals.
        if period.pk is None:
            self.fields["goals"].queryset = Goal.objects.none()
            return
        self.fields["goals"].queryset = (
            Goal.objects.filter(period=period, is_active=True)
            .filter(
                Q(owner_unit__isnull=True)
                | Q(owner_unit__path__startswith=department.path)
                | Q(owner_unit__kind="municipality")
            )
            .only("id", "title", "reference", "depth")
            .order_by("path")
        )
        self.fields["goals"].label_from_instance = lambda goal: (
            f"{goal.reference} {goal.title}".strip()
        )
