"""Forms for the goal pages: the list's filters, periods, goals, indicators, values, links and
the import upload."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.effects.forms import NumberField
from ideverket.lib.forms import (
    CleanTextMixin,
    LoadedChoiceField,
    SafeModelChoiceField,
    UnitChoiceField,
)
from ideverket.org.models import RoleAssignment, Unit

from .importer import MAX_BYTES, MAX_ROWS
from .models import Goal, Indicator, IndicatorValue, Period

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def current_period(periods=None):
    """The period containing today, else the latest one, else None.

    Given `periods` (all of them, newest first, as Period's ordering), it picks from the list
    instead of asking the database.
    """
    today = timezone.localdate()
    if periods is None:
        return Period.objects.containing(today).first() or Period.objects.first()
    containing = (p for p in periods if p.starts_on <= today <= p.ends_on)
    return next(containing, periods[0] if periods else None)


def current_period_id():
    """current_period()'s id as an SQL expression, to filter by it without a query of its own."""
    from django.db.models import Subquery
    from django.db.models.functions import Coalesce

    containing = Period.objects.containing(timezone.localdate()).order_by("-starts_on")
    latest = Period.objects.order_by("-starts_on")
    return Coalesce(Subquery(containing.values("pk")[:1]), Subquery(latest.values("pk")[:1]))


class GoalFilterForm(forms.Form):
    """The goal list's filters; an invalid value is dropped (and shown), never used."""

    period = SafeModelChoiceField(
        label=_("Period"),
        required=False,
        empty_label=None,
        queryset=Period.objects.all(),
        error_messages={"invalid_choice": _("Välj en period i listan.")},
    )
    level = forms.ChoiceField(
        label=_("Nivå"), required=False, choices=[("", _("Alla nivåer")), *Goal.Level.choices]
    )
    department = SafeModelChoiceField(
        label=_("Ansvarig förvaltning"),
        required=False,
        empty_label=_("Alla förvaltningar"),
        queryset=Unit.objects.departments().order_by("name").only("id", "name", "path"),
        error_messages={"invalid_choice": _("Välj en förvaltning i listan.")},
    )
    q = forms.CharField(
        label=_("Sök"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": _("Skriv högst 200 tecken.")},
    )

    def __init__(self, *args, periods=None, **kwargs):
        """With `periods` (a list already loaded), the period chooser neither validates nor
        renders with a query of its own."""
        super().__init__(*args, **kwargs)
        if periods is not None:
            old = self.fields["period"]
            self.fields["period"] = LoadedChoiceField(
                periods, label=old.label, error_messages=old.error_messages
            )

    def filter(self, goals):
        from ideverket.lib.search import search

        data = getattr(self, "cleaned_data", {})
        if data.get("level"):
            goals = goals.filter(level=data["level"])
        if data.get("department"):
            goals = goals.in_department(data["department"])
        if data.get("q"):
            goals = search(goals, data["q"])
        return goals


class PeriodForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Period
        fields = ["name", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}
        labels = {"name": _("Namn"), "starts_on": _("Från och med"), "ends_on": _("Till och med")}
        help_texts = {"name": _("Oftast året, till exempel 2026.")}
        error_messages = {"name": {"unique": _("Det finns redan en period med det namnet.")}}

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Slutdatumet kan inte ligga före startdatumet."))
        return cleaned


class GoalForm(CleanTextMixin, forms.ModelForm):
    parent = SafeModelChoiceField(
        label=_("Överordnat mål"),
        required=False,
        queryset=Goal.objects.none(),
        empty_label=_("Inget – ett mål högst upp"),
        error_messages={"invalid_choice": _("Välj ett mål i listan.")},
    )
    owner_unit = UnitChoiceField(
        label=_("Ansvarig enhet"),
        required=False,
        queryset=Unit.objects.none(),
        empty_label=_("Hela kommunen"),
        error_messages={"invalid_choice": _("Välj en enhet i listan.")},
    )

    class Meta:
        model = Goal
        fields = ["parent", "level", "reference", "title", "description", "owner_unit", "committee"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "level": _("Nivå"),
            "reference": _("Referens"),
            "title": _("Mål"),
            "description": _("Beskrivning"),
            "committee": _("Nämnd"),
        }
        help_texts = {
            "reference": _(
                "Målets id i målsystemet (Stratsys, Hypergene), unikt inom perioden. "
                "Samma referens i en importfil uppdaterar målet."
            ),
        }

    def __init__(self, *args, period, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.period = period
        goals = Goal.objects.filter(period=period).only("id", "title", "reference", "depth")
        if self.instance.pk:
            goals = goals.exclude(path__startswith=self.instance.path)
        self.fields["parent"].queryset = goals.tree_order()
        self.fields["parent"].label_from_instance = lambda g: (
            f"{'– ' * g.depth}{g.reference} {g.title}"
        )
        units = Unit.objects.active().tree_order().only("id", "name", "depth", "path")
        if not user.is_coordinator:
            within = Q(pk__in=[])
            for role_unit in user.role_units(*RoleAssignment.DECIDERS):
                within |= Q(path__startswith=role_unit.path)
            units = units.filter(within)
            self.fields["owner_unit"].required = True
            self.fields["owner_unit"].empty_label = None
        self.fields["owner_unit"].queryset = units

    def validate_unique(self):
        try:
            self.instance.validate_constraints(exclude={"path"})
        except forms.ValidationError:
            self.add_error("reference", _("Referensen finns redan i perioden."))


class IndicatorForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["reference", "name", "unit_of_measure", "direction", "baseline", "target"]
        field_classes = {"baseline": NumberField, "target": NumberField}
        widgets = {"direction": forms.RadioSelect}
        labels = {
            "reference": _("Referens"),
            "name": _("Indikator"),
            "unit_of_measure": _("Enhet"),
            "direction": _("Riktning"),
            "baseline": _("Utgångsläge"),
            "target": _("Målvärde"),
        }
        help_texts = {
            "reference": _("Indikatorns id i målsystemet, unikt för målet."),
            "unit_of_measure": _("Till exempel procent, antal eller kronor."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = Indicator.Direction.choices

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("reference", _("Målet har redan en indikator med den referensen."))


class IndicatorValueForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["measured_on", "value", "note"]
        field_classes = {"value": NumberField}
        widgets = {"measured_on": DATE_WIDGET}
        labels = {"measured_on": _("Mätdatum"), "value": _("Värde"), "note": _("Kommentar")}
        help_texts = {
            "measured_on": _("Dagen värdet gäller, till exempel tertialuppföljningen."),
            "note": _("Ett värde samma dag ersätter det tidigare."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["measured_on"] = timezone.localdate()

    def validate_unique(self):
        """A second value the same day replaces the first (do_record_indicator_value)."""


class GoalLinkForm(forms.Form):
    goal = SafeModelChoiceField(
        label=_("Mål"),
        queryset=Goal.objects.none(),
        error_messages={
            "required": _("Välj ett mål."),
            "invalid_choice": _("Välj ett mål i listan."),
        },
    )

    def __init__(self, *args, period=None, **kwargs):
        super().__init__(*args, **kwargs)
        goals = Goal.objects.active().filter(period=period) if period else Goal.objects.none()
        self.fields["goal"].queryset = goals.tree_order().only(
            "id", "title", "reference", "depth", "period_id", "is_active"
        )
        self.fields["goal"].label_from_instance = lambda g: (
            f"{'– ' * g.depth}{g.reference} {g.title}"
        )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fil från målsystemet"),
        help_text=_(
            "CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller Excel (.xlsx), "
            "högst %(mb)s MB och %(rows)s rader. Kolumnerna beskrivs nedan."
        )
        % {"mb": MAX_BYTES // (1024 * 1024), "rows": MAX_ROWS},
        error_messages={
            "required": _("Välj en fil att ladda upp."),
            "empty": _("Filen är tom."),
            "invalid": _("Välj en fil att ladda upp."),
        },
    )
