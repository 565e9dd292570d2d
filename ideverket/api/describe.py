"""How API-token events read in a timeline."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def describe_token_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    name = (event.data or {}).get("name", "")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} skapade API-nyckeln ”{name}”"), actor=actor, name=name)
    return format_html(_("{actor} återkallade API-nyckeln ”{name}”"), actor=actor, name=name)
