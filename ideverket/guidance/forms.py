"""Forms: a guidance page, the feedback question, the feedback period, defect reports."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField
from ideverket.org.models import User

from .models import MAX_COMMENT, MAX_DESCRIPTION, RESERVED_SLUGS, DefectReport, GuidePage


class GuidePageForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    slug = forms.CharField(
        label=_("Adress"),
        max_length=80,
        help_text=_("Sidans del av webbadressen: små bokstäver a–z, siffror och bindestreck."),
        validators=[
            RegexValidator(
                r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                _("Använd bara små bokstäver a–z, siffror och bindestreck (inte å, ä, ö)."),
            )
        ],
    )
    summary = forms.CharField(
        label=_("Ingress"),
        max_length=300,
        required=False,
        help_text=_("En mening om vad sidan handlar om. Visas i innehållsförteckningen."),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Markdown: ## Rubrik, **fetstil**, - punktlista, 1. numrerad lista, "
            "[länktext](https://…). HTML visas som text."
        ),
    )
    parent = SafeModelChoiceField(
        label=_("Ligger under"),
        queryset=GuidePage.objects.none(),
        required=False,
        empty_label=_("– ingen (en huvudsida) –"),
        error_messages={"invalid_choice": _("Välj en sida i listan.")},
    )
    order = forms.IntegerField(
        label=_("Ordning"),
        min_value=0,
        max_value=999,
        initial=0,
        help_text=_("Lägre tal visas först."),
        error_messages={"invalid": _("Skriv ett heltal.")},
    )
    contact_email = forms.EmailField(
        label=_("Informationsansvarig (e-postadress)"),
        help_text=_("Personen som svarar på frågor om sidan. Namn, befattning och enhet visas."),
        error_messages={"invalid": _("Skriv en e-postadress, till exempel namn@kommun.se.")},
    )
    is_published = forms.BooleanField(
        label=_("Publicerad (synlig för alla, även utan inloggning)"), required=False
    )

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        parents = GuidePage.objects.in_order().only("id", "title")
        if page is not None:
            parents = parents.exclude(pk=page.pk)
            if not self.is_bound:
                self.initial.update(
                    title=page.title,
                    slug=page.slug,
                    summary=page.summary,
                    body=page.body,
                    parent=page.parent_id,
                    order=page.order,
                    contact_email=page.contact.email if page.contact else "",
                    is_published=page.is_published,
                )
        self.fields["parent"].queryset = parents

    def clean_slug(self):
        slug = self.cleaned_data["slug"].strip().lower()
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Adressen används redan av tjänsten. Välj en annan."))
        return slug

    def clean_contact_email(self):
        email = self.cleaned_data["contact_email"].strip().lower()
        person = User.objects.filter(email=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Det finns ingen aktiv person med den e-postadressen."))
        self.contact = person
        return email

    def page_fields(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "slug": data["slug"],
            "summary": data["summary"],
            "body": data["body"],
            "parent": data["parent"],
            "order": data["order"],
            "is_published": data["is_published"],
            "contact": self.contact,
        }


class FeedbackForm(CleanTextMixin, forms.Form):
    """ "Hjälpte informationen på sidan dig?" – Ja / Nej, a comment, and (logged in) anonymity."""

    helpful = forms.TypedChoiceField(
        label=_("Hjälpte informationen på sidan dig?"),
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj Ja eller Nej."),
            "invalid_choice": _("Välj Ja eller Nej."),
        },
    )
    comment = forms.CharField(
        label=_("Vill du berätta mer? (frivilligt)"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    anonymous = forms.BooleanField(label=_("Svara anonymt"), required=False, initial=True)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is None or not user.is_authenticated:
            del self.fields["anonymous"]
        else:
            self.fields["anonymous"].help_text = _(
                "Ta bort bocken om samordnaren får se att svaret är ditt."
            )
        self.fields["comment"].widget.attrs["maxlength"] = MAX_COMMENT
        self.fields["comment"].help_text = _(
            "Högst %(max)s tecken. Skriv inga personuppgifter. Vill du ha svar, kontakta "
            "den informationsansvariga."
        ) % {"max": MAX_COMMENT}


PERIODS = [
    ("month", _("Denna månad")),
    ("3m", _("Senaste 3 månaderna")),
    ("12m", _("Senaste 12 månaderna")),
    ("all", _("Hela tiden")),
]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=PERIODS,
        required=False,
        error_messages={"invalid_choice": _("Välj en period i listan.")},
    )


class DefectReportForm(CleanTextMixin, forms.Form):
    page_url = forms.CharField(
        label=_("Vilken sida gäller det?"),
        max_length=500,
        help_text=_("Sidans adress eller namn, till exempel /ideer/ny/ eller ”Ny idé”."),
    )
    description = forms.CharField(
        label=_("Vad är problemet?"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Beskriv vad som inte fungerar och, om du vill, vilket hjälpmedel du använder."
        ),
    )
    name = forms.CharField(label=_("Ditt namn (frivilligt)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Din e-postadress (frivilligt, om du vill ha svar)"),
        required=False,
        error_messages={"invalid": _("Skriv en e-postadress, till exempel namn@kommun.se.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].widget.attrs["maxlength"] = MAX_DESCRIPTION


class DefectHandleForm(CleanTextMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=DefectReport.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Välj en status i listan.")},
    )
    reply = forms.CharField(
        label=_("Svar och åtgärd"),
        max_length=MAX_DESCRIPTION,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vad gjordes, och vad svarade vi den som rapporterade?"),
    )
