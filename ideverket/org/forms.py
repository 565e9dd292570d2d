"""Forms for managing the organisation. They validate input; the actions change state."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import SafeModelChoiceField

from .models import RoleAssignment, Unit

# Swedish alphabetical order: å, ä, ö come after z (code points put ä before å).
_SWEDISH_TAIL = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def swedish_sort_key(text):
    return text.casefold().translate(_SWEDISH_TAIL)


def unit_tree(units):
    """Root nodes of `units` as [{"unit": u, "children": [...]}], siblings by name.

    `units` is one already-fetched list (ordered by path, so parents come before children).
    """
    nodes = {unit.pk: {"unit": unit, "children": []} for unit in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        (parent["children"] if parent else roots).append(nodes[unit.pk])
    for node in nodes.values():
        node["children"].sort(key=lambda n: swedish_sort_key(n["unit"].name))
    roots.sort(key=lambda n: swedish_sort_key(n["unit"].name))
    return roots


def in_tree_order(units):
    """`units` flattened depth first, each parent followed by its children sorted by name."""
    ordered = []

    def walk(nodes):
        for node in nodes:
            ordered.append(node["unit"])
            walk(node["children"])

    walk(unit_tree(units))
    return ordered


def unit_choices(units, empty_label="---------"):
    """Select options indented by depth (no-break spaces survive in <option>)."""
    choices = [("", empty_label)] if empty_label is not None else []
    for unit in in_tree_order(units):
        label = "\u00a0\u00a0\u00a0" * unit.depth + unit.name
        if not unit.is_active:
            label = f"{label} ({_('inaktiv')})"
        choices.append((unit.pk, label))
    return choices


class UnitChoiceField(forms.ModelChoiceField):
    """A unit select in tree order: one query for the options, one to look up the choice."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Unit.objects.all())
        super().__init__(*args, **kwargs)

    def set_tree_choices(self, units=None):
        units = list(self.queryset) if units is None else units
        self.choices = unit_choices(units, self.empty_label)


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200)
    parent = UnitChoiceField(
        label=_("Ligger under"),
        help_text=_("Var i organisationen enheten ligger. Underenheter flyttar med."),
        empty_label=_("Välj överordnad enhet"),
    )
    is_support_function = forms.BooleanField(
        label=_("Stödfunktion"),
        required=False,
        help_text=_("HR, IT, kommunikation, ekonomi och liknande som deltar som partner."),
    )
    is_active = forms.BooleanField(
        label=_("Aktiv"),
        required=False,
        initial=True,
        help_text=_("Inaktiva enheter går inte att välja för nya idéer och personer."),
    )

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit is None:
            del self.fields["is_active"]
        is_root = unit is not None and unit.parent_id is None
        if is_root or not Unit.objects.exists():
            # The municipality sits at the top; nothing can be chosen above it.
            self.fields["parent"].required = False
            self.fields["parent"].empty_label = _("Ingen – högst upp i organisationen")
        self.fields["parent"].set_tree_choices()


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Namn"), max_length=200)
    email = forms.EmailField(
        label=_("E-postadress"),
        help_text=_("Personen loggar in med den här adressen."),
    )
    title = forms.CharField(label=_("Befattning"), max_length=200, required=False)
    unit = UnitChoiceField(label=_("Enhet"), empty_label=_("Välj enhet"))
    is_active = forms.BooleanField(
        label=_("Aktiv"),
        required=False,
        initial=True,
        help_text=_("En inaktiv person kan inte logga in men finns kvar i historiken."),
    )

    def __init__(self, *args, person=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if person is None:
            del self.fields["is_active"]
        self.fields["name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.fields["unit"].set_tree_choices(units)


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Roll"),
        choices=[("", _("Välj roll")), *RoleAssignment.Role.choices],
    )
    unit = UnitChoiceField(
        label=_("På enhet"),
        empty_label=_("Välj enhet"),
        help_text=_(
            "Rollen gäller enheten och allt under den. Innovationssamordnare och "
            "administratör ges på kommunnivå."
        ),
    )

    def __init__(self, *args, person, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.fields["unit"].set_tree_choices(units)

    def clean(self):
        cleaned = super().clean()
        role, unit = cleaned.get("role"), cleaned.get("unit")
        if role and unit:
            exists = RoleAssignment.objects.filter(user=self.person, unit=unit, role=role).exists()
            if exists:
                self.add_error("role", _("Personen har redan den rollen på den enheten."))
        return cleaned


class PeopleFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Sök på namn eller e-post"),
        required=False,
        max_length=200,
        widget=forms.SearchInput,
    )
    department = SafeModelChoiceField(
        label=_("Förvaltning"),
        queryset=Unit.objects.departments(),
        required=False,
        empty_label=_("Alla förvaltningar"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        departments = sorted(
            self.fields["department"].queryset, key=lambda u: swedish_sort_key(u.name)
        )
        self.fields["department"].choices = [
            ("", self.fields["department"].empty_label),
            *((d.pk, d.name) for d in departments),
        ]


class OrgImportForm(forms.Form):
    """The two files of an organisation import (or one Excel file with both sheets)."""

    units_file = forms.FileField(
        label=_("Enheter"),
        required=False,
        help_text=_(
            "CSV eller Excel (.xlsx) med kolumnerna enhet_id, namn, överordnad_enhet_id och "
            "stödfunktion. En Excel-fil med flikarna Enheter och Personer räcker ensam."
        ),
        error_messages={"empty": _("Filen är tom."), "invalid": _("Välj en fil att ladda upp.")},
    )
    people_file = forms.FileField(
        label=_("Personer"),
        required=False,
        help_text=_(
            "CSV eller Excel (.xlsx) med kolumnerna anställnings_id, namn, e_post, befattning, "
            "enhet_id, aktiv och chef."
        ),
        error_messages={"empty": _("Filen är tom."), "invalid": _("Välj en fil att ladda upp.")},
    )
    full = forms.BooleanField(
        label=_("Fullständig import"),
        required=False,
        help_text=_(
            "Filerna innehåller hela organisationen: personer som saknas inaktiveras (tas aldrig "
            "bort) och enheter som saknas inaktiveras om de är tomma."
        ),
    )

    def clean(self):
        data = super().clean()
        if not data.get("units_file") and not data.get("people_file") and not self.errors:
            self.add_error("units_file", _("Välj minst en fil att ladda upp."))
        return data
