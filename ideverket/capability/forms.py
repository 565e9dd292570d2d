"""Forms: answering a round, the coordinator's question and round forms, the results filter."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, LoadedChoiceField, SafeModelChoiceField

from .models import Dimension, Question, Round

DONT_KNOW = "vet-inte"
ANSWER_CHOICES = [
    ("1", _("1 – Instämmer inte alls")),
    ("2", _("2 – Instämmer i låg grad")),
    ("3", _("3 – Instämmer delvis")),
    ("4", _("4 – Instämmer i hög grad")),
    ("5", _("5 – Instämmer helt")),
    (DONT_KNOW, _("Vet inte")),
]


def field_name(round_question):
    return f"q{round_question.pk}"


class AnswerForm(forms.Form):
    """One radio group per statement of the round; nothing else in the POST is read."""

    def __init__(self, *args, round_questions, saved=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round_questions = list(round_questions)
        for rq in self.round_questions:
            self.fields[field_name(rq)] = forms.ChoiceField(
                label=rq.text,
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Välj ett svar på påståendet, eller Vet inte."),
                    "invalid_choice": _("Välj ett av svaren 1–5 eller Vet inte."),
                },
            )
        if saved and not self.is_bound:
            for rq in self.round_questions:
                if rq.pk in saved:
                    value = saved[rq.pk]
                    self.initial[field_name(rq)] = DONT_KNOW if value is None else str(value)

    def answers(self):
        """{round question id: 1–5 or None} from the cleaned data."""
        return {
            rq.pk: (
                None
                if self.cleaned_data[field_name(rq)] == DONT_KNOW
                else int(self.cleaned_data[field_name(rq)])
            )
            for rq in self.round_questions
        }

    def sections(self):
        """[(dimension, [bound field, …])] in the round's order, for the template."""
        out = []
        for rq in self.round_questions:
            if not out or out[-1][0].pk != rq.dimension_id:
                out.append((rq.dimension, []))
            out[-1][1].append(self[field_name(rq)])
        return out


class QuestionForm(CleanTextMixin, forms.ModelForm):
    dimension = SafeModelChoiceField(
        label=_("Dimension"),
        queryset=Dimension.objects.all(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Välj en dimension i listan.")},
    )

    class Meta:
        model = Question
        fields = ["dimension", "text", "is_active"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "maxlength": 300})}
        labels = {"text": _("Påstående"), "is_active": _("Används i nästa omgång")}
        help_texts = {
            "text": _(
                "Skriv ett påstående som man kan instämma i eller inte, till exempel "
                "”Min chef uppmuntrar nya idéer”. Högst 300 tecken."
            ),
            "is_active": _("Omgångar som redan har öppnats behåller sina påståenden."),
        }
        error_messages = {
            "text": {
                "required": _("Skriv påståendet."),
                "max_length": _("Påståendet får vara högst 300 tecken."),
            }
        }


class RoundForm(forms.Form):
    year = forms.IntegerField(
        label=_("År"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Ange året."),
            "invalid": _("Ange året med fyra siffror."),
            "min_value": _("Ange ett år mellan 2000 och 2100."),
            "max_value": _("Ange ett år mellan 2000 och 2100."),
        },
    )
    opens_on = forms.DateField(
        label=_("Öppnar"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Ange när omgången öppnar."),
            "invalid": _("Ange ett datum."),
        },
    )
    closes_on = forms.DateField(
        label=_("Stänger"),
        help_text=_("Sista dagen man kan svara."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Ange när omgången stänger."),
            "invalid": _("Ange ett datum."),
        },
    )

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("Stängningsdagen kan inte ligga före öppningsdagen."))
        year = cleaned.get("year")
        if year and Round.objects.filter(year=year).exists():
            self.add_error("year", _("Det finns redan en omgång för %(year)s.") % {"year": year})
        return cleaned

    def initial_for(self, today):
        self.initial.update(
            year=today.year,
            opens_on=today,
            closes_on=today + datetime.timedelta(days=21),
        )


class ResultsFilterForm(forms.Form):
    """The results page's filters; an invalid value is dropped (and shown), never used."""

    round = forms.TypedChoiceField(
        label=_("Omgång"),
        required=False,
        coerce=int,
        error_messages={"invalid_choice": _("Välj en omgång i listan.")},
    )

    def __init__(self, *args, rounds, departments, **kwargs):
        """`departments`: the ones the viewer may choose, already loaded (no query here)."""
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [("", _("Senaste"))] + [
            (str(r.year), str(r.year)) for r in rounds
        ]
        self.fields["department"] = LoadedChoiceField(
            departments,
            label=_("Förvaltning över åren"),
            empty_label=_("Hela kommunen"),
            error_messages={"invalid_choice": _("Välj en förvaltning i listan.")},
        )

    def clean_round(self):
        value = self.cleaned_data.get("round")
        if value in (None, ""):
            return None
        return value
