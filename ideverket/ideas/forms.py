"""Forms for ideas: submitting, filtering, deciding, commenting."""

from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ideverket.challenges.models import Challenge, Theme
from ideverket.lib.forms import (
    CleanTextMixin,
    LoadedChoiceField,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    UnitChoiceField,
    indented,
    kept_choices,
)
from ideverket.lib.widgets import QuickSelect, QuickSelectMultiple
from ideverket.org.models import RoleAssignment, Unit

from .models import Idea
from .process import REASON_LABELS, REQUIREMENTS, Needs, Outcome, Stage

User = get_user_model()


class IdeaForm(CleanTextMixin, forms.ModelForm):
    co_submitters = SafeModelMultipleChoiceField(
        label=_("Medförslagsställare"),
        required=False,
        queryset=User.objects.filter(is_active=True),
        help_text=_("Kollegor som tagit fram idén tillsammans med dig."),
        # Every active person is a choice: one template per option took seconds at 14,000.
        widget=QuickSelectMultiple,
    )

    class Meta:
        model = Idea
        field_classes = {"challenge": SafeModelChoiceField, "themes": SafeModelMultipleChoiceField}
        fields = [
            "title",
            "problem",
            "proposal",
            "benefit",
            "challenge",
            "owner_unit",
            "themes",
            "co_submitters",
            "visibility",
            "looking_for_partners",
        ]
        labels = {
            "title": _("Rubrik"),
            "problem": _("Vilket problem eller behov ser du?"),
            "proposal": _("Vad föreslår du?"),
            "benefit": _("Vilken nytta skulle det ge?"),
            "challenge": _("Hör idén till en utmaning?"),
            "owner_unit": _("Vilken enhet berör idén?"),
            "themes": _("Teman"),
            "visibility": _("Vem får se idén?"),
            "looking_for_partners": _("Idén söker samarbetspartner i andra förvaltningar"),
        }
        help_texts = {
            "title": _("En kort mening som säger vad idén går ut på."),
            "visibility": _("Välj begränsad synlighet bara om idén innehåller känsliga uppgifter."),
        }
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "proposal": forms.Textarea(attrs={"rows": 4}),
            "benefit": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"] = UnitChoiceField(
            label=self.Meta.labels["owner_unit"],
            queryset=Unit.objects.active().exclude(kind=Unit.Kind.MUNICIPALITY).tree_order(),
            initial=user.unit_id,
        )
        self.fields["challenge"].queryset = Challenge.objects.open().only("id", "title")
        self.fields["challenge"].empty_label = _("Ingen särskild utmaning")
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        self.fields["co_submitters"].queryset = (
            User.objects.filter(is_active=True).exclude(pk=user.pk).only("id", "name")
        )
        self.fields["benefit"].required = False
        if self.instance.pk:
            self.fields["co_submitters"].initial = [
                pk for pk in self.instance.submitter_ids if pk != user.pk
            ]
            # A challenge that has closed stays selectable for ideas already linked to it.
            if self.instance.challenge_id:
                self.fields["challenge"].queryset = (
                    Challenge.objects.filter(pk=self.instance.challenge_id)
                    | Challenge.objects.open()
                )


STAGE_FILTER_CHOICES = [("", _("Alla steg"))] + [
    (value, label) for value, label in Stage.choices if value != Stage.DRAFT
]

SORTS = {
    "newest": ("-submitted_at", "-pk"),
    "oldest": ("submitted_at", "pk"),
    "support": ("-support_count", "-submitted_at", "-pk"),
    "comments": ("-comment_count", "-submitted_at", "-pk"),
    "waiting": ("stage_changed_at", "pk"),
}
SORT_CHOICES = [
    ("newest", _("Nyast först")),
    ("oldest", _("Äldst först")),
    ("support", _("Mest stöd")),
    ("comments", _("Flest kommentarer")),
    ("waiting", _("Längst i samma steg")),
]


FILTER_OPTIONS_KEY = "ideas:filter-options"


@dataclass(frozen=True)
class FilterOption:
    """One unit, theme or challenge as a filter offers it."""

    pk: int
    label: str

    def __str__(self):
        return self.label


def filter_options(fresh=False):
    """(units, themes, challenges) the idea filters offer, as FilterOptions: the same for
    everyone, so kept per process (lib.forms.kept_choices) instead of three queries and a
    model per row on every list (`fresh` reads them anew)."""
    return kept_choices(FILTER_OPTIONS_KEY, _read_filter_options, fresh=fresh)[0]


def _read_filter_options():
    units = (
        Unit.objects.active()
        .exclude(kind=Unit.Kind.MUNICIPALITY)
        .tree_order()
        .values_list("pk", "name", "depth")
    )
    return (
        [FilterOption(pk, indented(name, depth)) for pk, name, depth in units],
        [
            FilterOption(pk, name)
            for pk, name in Theme.objects.filter(is_active=True)
            .order_by("name")
            .values_list("pk", "name")
        ],
        [
            FilterOption(pk, title)
            for pk, title in Challenge.objects.order_by("title").values_list("pk", "title")
        ],
    )


class IdeaFilterForm(forms.Form):
    """The idea list's filters; every value is checked against an allow-list."""

    # The fields chosen from filter_options(), made per form with their lists (label, empty).
    OPTION_FIELDS = {
        "department": (_("Förvaltning eller enhet"), _("Hela kommunen")),
        "theme": (_("Tema"), _("Alla teman")),
        "challenge": (_("Utmaning"), _("Alla utmaningar")),
    }
    ORDER = ("q", "department", "stage", "theme", "challenge", "partners", "sort")
    SELECTS = ("department", "stage", "theme", "challenge", "sort")

    q = forms.CharField(label=_("Sök"), required=False, max_length=200, widget=forms.SearchInput)
    stage = forms.ChoiceField(
        label=_("Steg"), required=False, choices=STAGE_FILTER_CHOICES, widget=QuickSelect
    )
    partners = forms.BooleanField(label=_("Bara idéer som söker samarbetspartner"), required=False)
    sort = forms.ChoiceField(
        label=_("Sortera"), required=False, choices=SORT_CHOICES, widget=QuickSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options, self.options_stamp = kept_choices(
            FILTER_OPTIONS_KEY,
            _read_filter_options,
            asked=self.data if self.is_bound else None,
            names=self.OPTION_FIELDS,
        )
        for (name, (label, empty_label)), objects in zip(
            self.OPTION_FIELDS.items(), options, strict=True
        ):
            self.fields[name] = LoadedChoiceField(
                objects, label=label, empty_label=empty_label, widget=QuickSelect
            )
        self.fields = {name: self.fields[name] for name in self.ORDER}

    @property
    def selects_key(self):
        """Everything the five selects show: their values as asked (an invalid one shows an
        error) and the options they were made from. The idea list keeps them rendered under
        this key and the language: about 200 options, the most of the form's rendering."""
        data = self.data if self.is_bound else {}
        values = (
            "\x1e".join(data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")])
            for name in self.SELECTS
        )
        return "\x1f".join([self.options_stamp, *values])

    def filter(self, queryset):
        """Apply the valid filters; an invalid value is dropped, never passed to the ORM."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        if data.get("department"):
            # The unit's path read now: a kept option's may be a minute old (a moved unit).
            path = (
                Unit.objects.filter(pk=data["department"].pk).values_list("path", flat=True).first()
            )
            queryset = (
                queryset.filter(owner_unit__path__startswith=path) if path else queryset.none()
            )
        if data.get("stage"):
            queryset = queryset.filter(stage=data["stage"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"].pk)
        if data.get("challenge"):
            queryset = queryset.filter(challenge=data["challenge"].pk)
        if data.get("partners"):
            queryset = queryset.filter(looking_for_partners=True)
        if data.get("q"):
            queryset = queryset.search(data["q"])
        return queryset.order_by(*SORTS.get(data.get("sort") or "newest", SORTS["newest"]))


class CommentForm(CleanTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Din kommentar"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(CleanTextMixin, forms.Form):
    """A decision with exactly the fields its outcome needs (see process.REQUIREMENTS)."""

    seen_stage = forms.ChoiceField(choices=Stage.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Motivering"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    revisit_on = forms.DateField(
        label=_("Titta på idén igen den"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    target_unit = UnitChoiceField(label=_("Enhet som tar över idén"), queryset=Unit.objects.none())
    target_idea = forms.IntegerField(
        label=_("Idé att slå samman med (idénummer)"),
        min_value=1,
        max_value=10**18 - 1,
        help_text=_("Numret står i adressen till idén, till exempel 123 i /ideer/123/."),
    )
    receiving_unit = UnitChoiceField(
        label=_("Mottagande enhet"),
        queryset=Unit.objects.none(),
        help_text=_("Den enhet som tar över resultatet om det faller väl ut."),
    )
    owner = SafeModelChoiceField(
        label=_("Namngiven ansvarig hos mottagaren"),
        queryset=User.objects.none(),
        help_text=_("Den person som åtar sig att ta hand om resultatet."),
    )
    hours = forms.IntegerField(label=_("Avsatta timmar"), min_value=0, max_value=1_000_000)
    kronor = forms.IntegerField(label=_("Avsatta kronor"), min_value=0, max_value=1_000_000_000)
    until = forms.DateField(
        label=_("Resurserna är avsatta till och med"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    success_criteria = forms.CharField(
        label=_("Framgångskriterier"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hur vet ni att testet lyckades? Skriv ett kriterium per rad."),
    )

    FIELDS_FOR_NEED = {
        Needs.REASON: ["reason"],
        Needs.REVISIT_DATE: ["revisit_on"],
        Needs.TARGET_UNIT: ["target_unit"],
        Needs.TARGET_IDEA: ["target_idea"],
        Needs.OWNER: ["receiving_unit", "owner"],
        Needs.COMMITMENT: [
            "receiving_unit",
            "owner",
            "hours",
            "kronor",
            "until",
            "success_criteria",
        ],
    }

    def __init__(self, *args, outcome, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome = Outcome(outcome)
        self.idea = idea
        wanted = ["seen_stage"]
        for need in REQUIREMENTS[self.outcome]:
            wanted += [f for f in self.FIELDS_FOR_NEED[need] if f not in wanted]
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        # The action decides what is required, so its messages are the ones shown; the form
        # only parses values.
        for field in self.fields.values():
            field.required = False
        if "reason" in self.fields and self.outcome in REASON_LABELS:
            self.fields["reason"].label = REASON_LABELS[self.outcome]
        units = Unit.objects.active().exclude(kind=Unit.Kind.MUNICIPALITY).tree_order()
        if "target_unit" in self.fields:
            self.fields["target_unit"].queryset = units
        if "receiving_unit" in self.fields:
            self.fields["receiving_unit"].queryset = units
            self.fields["owner"].queryset = User.objects.filter(is_active=True).only("id", "name")
        self.initial.setdefault("seen_stage", idea.stage)

    def commitment(self):
        data = self.cleaned_data
        if "receiving_unit" not in self.fields:
            return None
        return {
            key: data.get(key)
            for key in ("receiving_unit", "owner", "hours", "kronor", "until", "success_criteria")
        }


class AssignForm(forms.Form):
    """The idea's handler (someone who decides) and coach (an idea inspirer). Both lists come
    from one query of the role assignments, and validate against what was listed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        deciders, inspirers = {}, {}
        assignments = (
            RoleAssignment.objects.filter(
                user__is_active=True,
                role__in=[*RoleAssignment.DECIDERS, RoleAssignment.Role.INSPIRER],
            )
            .select_related("user")
            .only("role", "user__id", "user__name", "user__email")
            .order_by("user__name", "user__pk")
        )
        for assignment in assignments:
            found = inspirers if assignment.role == RoleAssignment.Role.INSPIRER else deciders
            found.setdefault(assignment.user.pk, assignment.user)
        self.fields["handler"] = LoadedChoiceField(
            list(deciders.values()),
            label=_("Handläggare"),
            empty_label=_("Ingen handläggare"),
            widget=QuickSelect,
        )
        self.fields["coach"] = LoadedChoiceField(
            list(inspirers.values()),
            label=_("Coach (idéinspiratör)"),
            empty_label=_("Ingen coach"),
            widget=QuickSelect,
        )
