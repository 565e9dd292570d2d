"""The endpoint form: name, URL, events, an optional department, active."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import CleanTextMixin, SafeModelChoiceField
from ideverket.org.models import Unit

from .models import EVENT_CHOICES


class EndpointForm(CleanTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Namn"),
        max_length=100,
        help_text=_("Till exempel ”Diariet” eller ”Teams-kanalen Innovation”."),
    )
    url = forms.CharField(
        label=_("Adress (URL)"),
        max_length=500,
        help_text=_("Mottagarens adress. Måste börja med https://."),
        widget=forms.URLInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    events = forms.MultipleChoiceField(
        label=_("Händelser"),
        choices=EVENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst en händelse.")},
    )
    department = SafeModelChoiceField(
        label=_("Bara en förvaltning"),
        queryset=Unit.objects.filter(kind=Unit.Kind.DEPARTMENT).order_by("name"),
        required=False,
        empty_label=_("Hela kommunen"),
        help_text=_(
            "Begränsad till en förvaltning får mottagaren bara den förvaltningens händelser – "
            "och är den enda som får händelser om idéer som bara den ägande enheten ser."
        ),
    )
    is_active = forms.BooleanField(label=_("Aktiv (skicka händelser)"), required=False)

    def __init__(self, *args, endpoint=None, **kwargs):
        super().__init__(*args, **kwargs)
        if endpoint is None:
            del self.fields["is_active"]  # a new endpoint starts active
            self.initial.setdefault("events", ["idea.decided"])
        else:
            self.initial.update(
                name=endpoint.name,
                url=endpoint.url,
                events=endpoint.events,
                department=endpoint.department_id,
                is_active=endpoint.is_active,
            )
