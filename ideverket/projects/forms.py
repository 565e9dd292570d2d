"""Forms for projects: filtering the list, creating and editing, and each action on a project.

Forms parse and give the first, field-level messages; the actions check again (so no caller can
skip a rule), and their ValidationErrors are attached to the same fields by the views.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ideverket.challenges.models import Challenge
from ideverket.lib.forms import (
    CleanTextMixin,
    LoadedChoiceField,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    UnitChoiceField,
)
from ideverket.lib.search import search
from ideverket.lib.text import normalize_text
from ideverket.org.models import RoleAssignment, Unit

from .models import MAX_HOURS, MAX_KRONOR, GateDecision, Project, ProjectMember

User = get_user_model()

DATE_WIDGET = {"attrs": {"type": "date"}, "format": "%Y-%m-%d"}


def _amount_field(label, limit, help_text=""):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=limit,
        help_text=help_text,
        error_messages={
            "min_value": _("Beloppet kan inte vara negativt."),
            "max_value": _("Talet är för stort."),
            "invalid": _("Skriv ett heltal, utan mellanslag och bokstäver."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateInput(**DATE_WIDGET),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )


class PersonChoiceField(SafeModelChoiceField):
    """People with their unit, so two people with the same name can be told apart."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit.name})" if obj.unit_id else obj.name


def _department_path(unit):
    """The path prefix of `unit`'s department ("/root/department/"), computed without a query."""
    return "/" + "".join(f"{pk}/" for pk in unit.ancestor_ids[:2])


def creatable_units(user, current=None):
    """Units `user` may lead a project from (plus the project's current lead unit)."""
    units = Unit.objects.active().exclude(kind=Unit.Kind.MUNICIPALITY)
    if not user.is_coordinator:
        within = Q(pk__in=[])
        for unit in user.role_units(*RoleAssignment.DECIDERS):
            within |= Q(path__startswith=unit.path)
        units = units.filter(within)
    if current is not None:
        units = Unit.objects.filter(Q(pk__in=units.values("pk")) | Q(pk=current.pk))
    return units.tree_order().only("id", "name", "depth", "path")


def choosable_people(user):
    """People the user may name as leader: from the departments they work in (anyone for the
    coordinator), so the list stays short."""
    people = User.objects.filter(is_active=True)
    if not user.is_coordinator:
        paths = {_department_path(u) for u in user.role_units(*RoleAssignment.DECIDERS)}
        if user.unit_id:
            paths.add(_department_path(user.unit))
        in_departments = Q(pk=user.pk)
        for path in paths:
            in_departments |= Q(unit__path__startswith=path)
        people = people.filter(in_departments)
    return people.select_related("unit").only("id", "name", "unit__name").order_by("name", "pk")


class ProjectForm(CleanTextMixin, forms.Form):
    """Create or edit a project. Lead units are limited to where the user may lead projects."""

    title = forms.CharField(label=_("Projektets namn"), max_length=200)
    purpose = forms.CharField(
        label=_("Syfte"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vad ska projektet åstadkomma, och för vem?"),
    )
    description = forms.CharField(
        label=_("Upplägg"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Hur projektet ska genomföras: aktiviteter, arbetssätt, vad som redan finns."),
    )
    lead_unit = UnitChoiceField(
        label=_("Ledande enhet"),
        queryset=Unit.objects.none(),
        empty_label=_("Välj enhet"),
        error_messages={
            "invalid_choice": _(
                "Välj en av enheterna i listan: de där du är chef eller innovationsledare."
            )
        },
    )
    leader = PersonChoiceField(
        label=_("Projektledare"),
        queryset=User.objects.none(),
        empty_label=_("Välj person"),
        help_text=_("Fler i teamet lägger du till på projektets sida."),
    )
    step = forms.ChoiceField(
        label=_("Steg i Innovationsguiden"),
        choices=Challenge.Step.choices,
        initial=Challenge.Step.FRAME,
    )
    starts_on = _date_field(_("Startdatum"))
    ends_on = _date_field(_("Slutdatum"), _("Lämna tomt om slutdatumet inte är bestämt."))
    budget_kronor = _amount_field(_("Budget i kronor"), MAX_KRONOR)
    budget_hours = _amount_field(_("Budget i timmar"), MAX_HOURS)
    visibility = forms.ChoiceField(
        label=_("Vem får se projektet?"),
        choices=Project.Visibility.choices,
        initial=Project.Visibility.OPEN,
        widget=forms.RadioSelect,
        help_text=_(
            "Begränsat: bara ledande och inbjudna enheter (även partner), teamet och beslutsfattare över dem."
        ),
    )
    challenges = SafeModelMultipleChoiceField(
        label=_("Utmaningar som projektet arbetar med"),
        required=False,
        queryset=Challenge.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Håll ned Ctrl (Cmd på Mac) för att välja flera."),
    )
    looking_for_partners = forms.BooleanField(
        label=_("Projektet söker samarbetspartner i andra förvaltningar"), required=False
    )
    partner_note = forms.CharField(
        label=_("Vilken samarbetspartner söker ni?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    seen_updated_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, project=None, **kwargs):
        if project is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": project.title,
                "purpose": project.purpose,
                "description": project.description,
                "lead_unit": project.lead_unit_id,
                "step": project.step,
                "starts_on": project.starts_on,
                "ends_on": project.ends_on,
                "budget_kronor": project.budget_kronor,
                "budget_hours": project.budget_hours,
                "visibility": project.visibility,
                "challenges": [c.pk for c in project.challenges.all()],
                "seen_updated_at": project.updated_at.isoformat(),
            }
        super().__init__(*args, **kwargs)
        self.creating = project is None
        self.fields["lead_unit"].queryset = creatable_units(
            user, project.lead_unit if project else None
        )
        current = Q(pk__in=[c.pk for c in project.challenges.all()]) if project else Q(pk__in=[])
        self.fields["challenges"].queryset = (
            Challenge.objects.filter(Q(pk__in=Challenge.objects.open().values("pk")) | current)
            .only("id", "title")
            .order_by("title", "pk")
        )
        if self.creating:
            self.fields["leader"].queryset = choosable_people(user)
            self.fields["leader"].initial = user.pk
            if user.unit_id and "lead_unit" not in self.initial:
                self.fields["lead_unit"].initial = user.unit_id
            del self.fields["seen_updated_at"]
        else:
            # The team, "looking for partners" and the status have their own actions.
            for name in ("leader", "looking_for_partners", "partner_note"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Slutdatumet kan inte ligga före startdatumet."))
        return cleaned


class InviteForm(CleanTextMixin, forms.Form):
    unit = UnitChoiceField(
        label=_("Enhet att bjuda in"),
        queryset=Unit.objects.none(),
        empty_label=_("Välj enhet"),
    )
    as_partner = forms.TypedChoiceField(
        label=_("Hur ska enheten vara med?"),
        choices=[
            ("participant", _("Som deltagare: enheten arbetar i projektet")),
            ("partner", _("Som partner: en stödfunktion (HR, IT …) som bidrar med sin kunskap")),
        ],
        initial="participant",
        coerce=lambda value: value == "partner",
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Meddelande till enheten"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vad vill ni att enheten bidrar med?"),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.active()
            .exclude(kind=Unit.Kind.MUNICIPALITY)
            .exclude(pk=project.lead_unit_id)
            .tree_order()
            .only("id", "name", "depth", "path", "is_support_function", "is_active")
        )


class JoinForm(CleanTextMixin, forms.Form):
    message = forms.CharField(
        label=_("Vad vill du bidra med?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MemberForm(forms.Form):
    person = forms.EmailField(
        label=_("Personens e-postadress"),
        max_length=254,
        error_messages={"invalid": _("Skriv en hel e-postadress, till exempel namn@kommun.se.")},
    )
    role = forms.ChoiceField(
        label=_("Roll i teamet"),
        choices=ProjectMember.Role.choices,
        initial=ProjectMember.Role.MEMBER,
    )

    def clean_person(self):
        email = self.cleaned_data["person"].strip().lower()
        person = User.objects.filter(email=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Det finns ingen aktiv person med den e-postadressen."))
        return person


HEALTH_HELP = {
    Project.Health.GREEN: _("Grön – går enligt plan"),
    Project.Health.YELLOW: _("Gul – vissa problem, vi hanterar dem"),
    Project.Health.RED: _("Röd – allvarliga problem, behöver hjälp eller beslut"),
}


class StatusReportForm(CleanTextMixin, forms.Form):
    health = forms.ChoiceField(
        label=_("Hur går projektet?"),
        choices=[(value, HEALTH_HELP[value]) for value in Project.Health.values],
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj hur projektet går: grönt, gult eller rött.")},
    )
    text = forms.CharField(
        label=_("Rapport"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Vad har hänt sedan sist, vad händer härnäst, vad behöver ni?"),
    )


class MilestoneForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Milstolpe"), max_length=200)
    due_on = _date_field(_("Klar senast"))
    progress = forms.IntegerField(
        label=_("Framsteg i procent (0–100)"),
        min_value=0,
        max_value=100,
        initial=0,
        error_messages={
            "min_value": _("Ange framsteget som en siffra mellan 0 och 100."),
            "max_value": _("Ange framsteget som en siffra mellan 0 och 100."),
            "invalid": _("Ange framsteget som en siffra mellan 0 och 100."),
            "required": _("Ange framsteget som en siffra mellan 0 och 100."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    done_on = _date_field(_("Klar den"), _("Fylls i automatiskt när framsteget når 100 %."))

    def __init__(self, *args, creating=True, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["done_on"]


class GateForm(CleanTextMixin, forms.Form):
    """A gate decision; the commitment fields matter for "go" (the action says what is missing)."""

    seen_gate = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    gate = forms.ChoiceField(
        label=_("Grind"), choices=GateDecision.Gate.choices, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(
        label=_("Beslut"), choices=GateDecision.Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Motivering"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    receiving_unit = UnitChoiceField(
        label=_("Mottagande enhet"),
        queryset=Unit.objects.none(),
        empty_label=_("Välj enhet"),
        help_text=_("Den enhet som tar över och bär resultatet vidare."),
    )
    owner = PersonChoiceField(
        label=_("Namngiven ansvarig hos mottagaren"),
        queryset=User.objects.none(),
        empty_label=_("Välj person"),
        help_text=_("Den person som åtar sig att ta hand om resultatet."),
    )
    hours = forms.IntegerField(
        label=_("Avsatta timmar"),
        min_value=0,
        max_value=MAX_HOURS,
        error_messages={"min_value": _("Resurserna kan inte vara negativa.")},
    )
    kronor = forms.IntegerField(
        label=_("Avsatta kronor"),
        min_value=0,
        max_value=MAX_KRONOR,
        error_messages={"min_value": _("Resurserna kan inte vara negativa.")},
    )
    until = forms.DateField(
        label=_("Resurserna är avsatta till och med"), widget=forms.DateInput(**DATE_WIDGET)
    )
    success_criteria = forms.CharField(
        label=_("Framgångskriterier"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hur vet ni att det lyckades? Skriv ett kriterium per rad."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The action decides what is required, so its messages are the ones shown.
        for field in self.fields.values():
            field.required = False
        self.fields["receiving_unit"].queryset = (
            Unit.objects.active()
            .exclude(kind=Unit.Kind.MUNICIPALITY)
            .tree_order()
            .only("id", "name", "depth", "path")
        )
        self.fields["owner"].queryset = (
            User.objects.filter(is_active=True)
            .select_related("unit")
            .only("id", "name", "unit__name", "unit__path")
            .order_by("name", "pk")
        )

    def commitment(self):
        return {
            key: self.cleaned_data.get(key)
            for key in ("receiving_unit", "owner", "hours", "kronor", "until", "success_criteria")
        }


class LinkIdeaForm(forms.Form):
    idea = forms.IntegerField(
        label=_("Idé att koppla (idénummer)"),
        min_value=1,
        max_value=10**18 - 1,
        help_text=_("Numret står i adressen till idén, till exempel 123 i /ideer/123/."),
        error_messages={"invalid": _("Skriv idéns nummer med siffror.")},
    )


class LinkChallengeForm(forms.Form):
    challenge = SafeModelChoiceField(
        label=_("Utmaning att koppla"),
        queryset=Challenge.objects.none(),
        empty_label=_("Välj utmaning"),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].queryset = (
            Challenge.objects.exclude(projects=project).only("id", "title").order_by("title", "pk")
        )


class PartnersForm(CleanTextMixin, forms.Form):
    partner_note = forms.CharField(
        label=_("Vilken samarbetspartner söker ni?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Till exempel: en förvaltning med erfarenhet av schemaläggning."),
    )


class ProjectFilterForm(forms.Form):
    """The list's filters. Every value is validated here; an invalid one is dropped, not used."""

    SORT_CHOICES = [
        ("newest", _("Nyast först")),
        ("title", _("Namn A–Ö")),
        ("ends_on", _("Slutdatum")),
        ("updated", _("Senast ändrade")),
    ]
    # Allow-list: the sort value chosen by the user only ever selects one of these orderings.
    ORDERINGS = {
        "newest": ("-created_at", "-pk"),
        "title": ("title", "pk"),
        "ends_on": (F("ends_on").asc(nulls_last=True), "-pk"),
        "updated": ("-updated_at", "-pk"),
    }

    q = forms.CharField(
        label=_("Sök"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
    )
    department = SafeModelChoiceField(
        label=_("Förvaltning (leder eller deltar)"),
        required=False,
        empty_label=_("Alla förvaltningar"),
        queryset=Unit.objects.none(),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alla"))] + list(Project.Status.choices),
    )
    step = forms.ChoiceField(
        label=_("Steg i Innovationsguiden"),
        required=False,
        choices=[("", _("Alla steg")), *Challenge.Step.choices],
    )
    partners = forms.BooleanField(
        label=_("Bara projekt som söker samarbetspartner"), required=False
    )
    flagged = forms.BooleanField(
        label=_(
            "Bara flaggade (slutdatum passerat, ingen aktiv projektledare eller ingen statusrapport på länge)"
        ),
        required=False,
    )
    sort = forms.ChoiceField(label=_("Sortera"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once, for validating the chosen one and for the options (a ModelChoiceField
        # would read it twice).
        self.fields["department"] = LoadedChoiceField.replacing(
            self.fields["department"],
            Unit.objects.departments().active().order_by("name").only("id", "name", "path"),
        )

    def clean_q(self):
        return normalize_text(self.cleaned_data["q"])[:200]

    def filter(self, queryset):
        """Apply the valid filters; call after is_valid() (invalid fields are not in cleaned_data)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("department"):
            queryset = queryset.in_department(data["department"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("step"):
            queryset = queryset.filter(step=data["step"])
        if data.get("partners"):
            queryset = queryset.looking_for_partners()
        if data.get("flagged"):
            queryset = queryset.flagged()
        if data.get("q"):
            queryset = search(queryset, data["q"])
        return queryset.order_by(*self.ORDERINGS[data.get("sort") or "newest"])
