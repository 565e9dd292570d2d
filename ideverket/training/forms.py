"""Forms: the coordinator's course and session forms, attendance, and the coverage filters."""

import datetime

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField
from ideverket.org.models import User

from .models import Audience, Course


class CourseForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "description", "audience", "is_published"]
        widgets = {
            "title": forms.TextInput(attrs={"maxlength": 200}),
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
            "audience": forms.RadioSelect,
        }
        labels = {
            "title": _("Namn på utbildningen"),
            "description": _("Beskrivning"),
            "audience": _("Målgrupp"),
            "is_published": _("Publicerad (syns för alla och går att anmäla sig till)"),
        }
        help_texts = {
            "description": _(
                "Vad utbildningen ger och hur den går till. Skriv stycken med en tom rad emellan."
            ),
            "audience": _(
                "Vem utbildningen är till för. Täckningen räknar den här gruppen i varje "
                "förvaltning."
            ),
        }
        error_messages = {
            "title": {
                "required": _("Skriv utbildningens namn."),
                "max_length": _("Namnet får vara högst 200 tecken."),
            },
            "description": {
                "required": _("Beskriv utbildningen."),
                "max_length": _("Beskrivningen får vara högst 5000 tecken."),
            },
            "audience": {"required": _("Välj en målgrupp.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = Audience.choices
        self.fields["audience"].error_messages["invalid_choice"] = _("Välj en målgrupp i listan.")


class SessionForm(CleanTextMixin, forms.Form):
    """A session: one day, a start and an end time (local time), where, seats, organiser."""

    date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Ange datum."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."),
        },
    )
    starts = forms.TimeField(
        label=_("Börjar klockan"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Ange när tillfället börjar."),
            "invalid": _("Skriv tiden som TT:MM."),
        },
    )
    ends = forms.TimeField(
        label=_("Slutar klockan"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Ange när tillfället slutar."),
            "invalid": _("Skriv tiden som TT:MM."),
        },
    )
    place = forms.CharField(
        label=_("Plats"),
        required=False,
        max_length=200,
        help_text=_("Lokal och adress. Lämna tom om tillfället bara hålls på distans."),
        error_messages={"max_length": _("Platsen får vara högst 200 tecken.")},
    )
    online_url = forms.CharField(
        label=_("Länk till distansmötet"),
        required=False,
        max_length=500,
        help_text=_("En webbadress som börjar med https:// eller http://."),
        widget=forms.URLInput,
        error_messages={"max_length": _("Länken får vara högst 500 tecken.")},
    )
    capacity = forms.IntegerField(
        label=_("Antal platser"),
        min_value=1,
        max_value=1000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Ange antalet platser."),
            "invalid": _("Skriv ett heltal."),
            "min_value": _("Tillfället behöver minst en plats."),
            "max_value": _("Högst 1000 platser."),
        },
    )
    organiser = forms.EmailField(
        label=_("Kursansvarig (e-postadress)"),
        help_text=_("Den som håller i tillfället. Hen ser deltagarna och markerar närvaro."),
        error_messages={
            "required": _("Ange kursansvarigs e-postadress."),
            "invalid": _("Skriv en giltig e-postadress."),
        },
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        if session is not None and not self.is_bound:
            starts = timezone.localtime(session.starts_at)
            ends = timezone.localtime(session.ends_at)
            self.initial.update(
                date=starts.date(),
                starts=starts.time(),
                ends=ends.time(),
                place=session.place,
                online_url=session.online_url,
                capacity=session.capacity,
                organiser=session.organiser.email,
            )

    def clean_online_url(self):
        url = self.cleaned_data.get("online_url", "").strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Skriv en fullständig webbadress som börjar med https:// eller http://.")
                ) from None
        return url

    def clean_organiser(self):
        email = self.cleaned_data["organiser"].strip().lower()
        person = User.objects.filter(email=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Det finns ingen aktiv person med den e-postadressen."))
        return person

    def clean(self):
        cleaned = super().clean()
        day, starts, ends = cleaned.get("date"), cleaned.get("starts"), cleaned.get("ends")
        if day and starts and ends:
            if ends <= starts:
                self.add_error("ends", _("Tillfället måste sluta efter att det har börjat."))
            zone = timezone.get_current_timezone()
            cleaned["starts_at"] = datetime.datetime.combine(day, starts, tzinfo=zone)
            cleaned["ends_at"] = datetime.datetime.combine(day, ends, tzinfo=zone)
        if (
            not cleaned.get("place")
            and not cleaned.get("online_url")
            and "online_url" not in self.errors
        ):
            self.add_error("place", _("Ange en plats, en länk till distansmötet eller båda."))
        return cleaned

    def action_kwargs(self):
        data = self.cleaned_data
        return {
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "place": data["place"],
            "online_url": data["online_url"],
            "capacity": data["capacity"],
            "organiser": data["organiser"],
        }


class CancelSessionForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Skäl (visas för de anmälda)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        error_messages={"max_length": _("Skälet får vara högst 500 tecken.")},
    )


class CompletionFilterForm(forms.Form):
    """The "who completed what" list's filters; values come from allow-lists."""

    department = SafeModelChoiceField(
        label=_("Förvaltning"),
        required=False,
        queryset=None,
        empty_label=_("Alla förvaltningar"),
        error_messages={"invalid_choice": _("Välj en förvaltning i listan.")},
    )
    course = SafeModelChoiceField(
        label=_("Utbildning"),
        required=False,
        queryset=None,
        empty_label=_("Alla utbildningar"),
        error_messages={"invalid_choice": _("Välj en utbildning i listan.")},
    )

    def __init__(self, *args, departments, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["course"].queryset = courses
