"""Forms for challenges and themes: filtering the list, creating and editing."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import (
    LoadedChoiceField,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    UnitChoiceField,
)
from ideverket.lib.search import search
from ideverket.lib.text import normalize_text
from ideverket.org.models import RoleAssignment, Unit

from .models import Challenge, Theme
from .validators import validate_question

User = get_user_model()


class ChallengeFilterForm(forms.Form):
    """The list's filters. Every value is validated here; an invalid one is dropped, not used."""

    STATUS_CHOICES = [
        ("open", _("Öppna för idéer")),
        ("closed", _("Stängda")),
        ("all", _("Alla")),
    ]
    SORT_CHOICES = [
        ("newest", _("Nyast först")),
        ("open_until", _("Sista dag för idéer")),
        ("title", _("Rubrik A–Ö")),
    ]
    # Allow-list: the sort value chosen by the user only ever selects one of these orderings.
    ORDERINGS = {
        "newest": ("-created_at", "-pk"),
        "open_until": (F("open_until").asc(nulls_last=True), "-pk"),
        "title": ("title", "pk"),
    }

    q = forms.CharField(
        label=_("Sök"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": 200}),
    )
    department = SafeModelChoiceField(
        label=_("Förvaltning"),
        required=False,
        empty_label=_("Alla förvaltningar"),
        queryset=Unit.objects.departments().active().order_by("name").only("id", "name", "path"),
    )
    theme = SafeModelChoiceField(
        label=_("Tema"),
        required=False,
        empty_label=_("Alla teman"),
        queryset=Theme.objects.only("id", "name"),
    )
    step = forms.ChoiceField(
        label=_("Steg i Innovationsguiden"),
        required=False,
        choices=[("", _("Alla steg")), *Challenge.Step.choices],
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    sort = forms.ChoiceField(label=_("Sortera"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each list read once, for validating the chosen one and for the options (a
        # ModelChoiceField would read it twice).
        for name in ("department", "theme"):
            self.fields[name] = LoadedChoiceField.replacing(self.fields[name])

    def clean_q(self):
        return normalize_text(self.cleaned_data["q"])[:200]

    def filter(self, queryset):
        """Apply the valid filters; call after is_valid() (invalid fields are not in cleaned_data)."""
        data = getattr(self, "cleaned_data", {})
        status = data.get("status") or "open"
        if status == "open":
            queryset = queryset.open()
        elif status == "closed":
            queryset = queryset.closed()
        if data.get("department"):
            queryset = queryset.in_department(data["department"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("step"):
            queryset = queryset.filter(step=data["step"])
        if data.get("q"):
            queryset = search(queryset, data["q"])
        return queryset.order_by(*self.ORDERINGS[data.get("sort") or "newest"])


class PersonChoiceField(forms.ModelMultipleChoiceField):
    """People with their unit, so two people with the same name can be told apart."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit.name})" if obj.unit_id else obj.name


def _department_path(unit):
    """The path prefix of `unit`'s department ("/root/department/"), computed without a query."""
    ids = unit.ancestor_ids[:2]
    return "/" + "".join(f"{pk}/" for pk in ids)


class ChallengeForm(forms.Form):
    """Create or edit a challenge. Owner units are limited to where the user may create."""

    title = forms.CharField(label=_("Rubrik"), max_length=200)
    question = forms.CharField(
        label=_("Hur kan vi …?"),
        max_length=300,
        validators=[validate_question],
        help_text=_("Formulera utmaningen som en fråga som börjar med ”Hur kan vi”."),
    )
    background = forms.CharField(
        label=_("Bakgrund"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Varför är det här viktigt nu? Vad vet ni redan?"),
    )
    needs = forms.CharField(
        label=_("Behov"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Vilka behov har de som berörs – medarbetare, brukare, invånare?"),
    )
    owner_unit = UnitChoiceField(
        label=_("Ägande enhet"),
        queryset=Unit.objects.none(),
        empty_label=_("Välj enhet"),
        error_messages={
            "invalid_choice": _(
                "Välj en av enheterna i listan: de där du är chef eller innovationsledare."
            )
        },
    )
    responsible = PersonChoiceField(
        label=_("Ansvariga"),
        required=False,
        queryset=User.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Håll ned Ctrl (Cmd på Mac) för att välja flera."),
    )
    themes = SafeModelMultipleChoiceField(
        label=_("Teman"),
        required=False,
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    step = forms.ChoiceField(
        label=_("Steg i Innovationsguiden"),
        choices=Challenge.Step.choices,
        initial=Challenge.Step.FRAME,
    )
    open_until = forms.DateField(
        label=_("Öppen för idéer till och med"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Lämna tomt om utmaningen är öppen tills vidare."),
    )

    def __init__(self, *args, user, challenge=None, **kwargs):
        if challenge is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": challenge.title,
                "question": challenge.question,
                "background": challenge.background,
                "needs": challenge.needs,
                "owner_unit": challenge.owner_unit_id,
                "step": challenge.step,
                "open_until": challenge.open_until,
                "responsible": [u.pk for u in challenge.responsible.all()],
                "themes": [t.pk for t in challenge.themes.all()],
            }
        super().__init__(*args, **kwargs)
        self.creating = challenge is None
        current_units = Q(pk=challenge.owner_unit_id) if challenge else Q(pk__in=[])
        current_people = (
            Q(pk__in=[u.pk for u in challenge.responsible.all()]) if challenge else Q(pk__in=[])
        )
        current_themes = (
            Q(pk__in=[t.pk for t in challenge.themes.all()]) if challenge else Q(pk__in=[])
        )

        units = Unit.objects.active().exclude(kind=Unit.Kind.MUNICIPALITY)
        people = User.objects.filter(is_active=True)
        if not user.is_coordinator:
            role_units = user.role_units(*RoleAssignment.DECIDERS)
            within = Q(pk__in=[])
            for unit in role_units:
                within |= Q(path__startswith=unit.path)
            units = units.filter(within)
            # People from the departments the editor works in; coordinators choose anyone.
            department_paths = {_department_path(u) for u in role_units}
            if user.unit_id:
                department_paths.add(_department_path(user.unit))
            in_departments = Q(pk=user.pk)
            for path in department_paths:
                in_departments |= Q(unit__path__startswith=path)
            people = people.filter(in_departments)
        self.fields["owner_unit"].queryset = (
            Unit.objects.filter(Q(pk__in=units.values("pk")) | current_units)
            .tree_order()
            .only("id", "name", "depth", "path")
        )
        self.fields["responsible"].queryset = (
            User.objects.filter(Q(pk__in=people.values("pk")) | current_people)
            .select_related("unit")
            .only("id", "name", "unit__name")
            .order_by("name", "pk")
        )
        self.fields["themes"].queryset = Theme.objects.filter(Q(is_active=True) | current_themes)
        if self.creating and user.unit_id and "owner_unit" not in self.initial:
            self.fields["owner_unit"].initial = user.unit_id

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(value, str) and isinstance(field, forms.CharField):
                value = normalize_text(value)
                if field.required and not value:
                    self.add_error(name, _("Fältet får inte vara tomt."))
                cleaned[name] = value
        return cleaned

    def clean_open_until(self):
        value = self.cleaned_data["open_until"]
        if self.creating and value is not None and value < timezone.localdate():
            raise forms.ValidationError(
                _("Datumet har redan passerat. Välj dagens datum eller senare.")
            )
        return value


class ThemeForm(forms.Form):
    """Add or edit a strategic theme."""

    name = forms.CharField(label=_("Namn"), max_length=100)
    description = forms.CharField(
        label=_("Beskrivning"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_active = forms.BooleanField(
        label=_("Aktivt"),
        required=False,
        initial=True,
        help_text=_(
            "Inaktiva teman går inte att välja för nya utmaningar men finns kvar på gamla."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if "name" in cleaned:
            cleaned["name"] = normalize_text(cleaned["name"])
            if not cleaned["name"]:
                self.add_error("name", _("Fältet får inte vara tomt."))
        if "description" in cleaned:
            cleaned["description"] = normalize_text(cleaned["description"])
        return cleaned
