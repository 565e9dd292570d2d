"""How changes to webhook endpoints read in a timeline."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def describe_endpoint_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    name = data.get("name", "")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} lade till webhooken ”{name}”"), actor=actor, name=name)
    change = data.get("change")
    if change == "endpoint_deactivated":
        return format_html(_("{actor} inaktiverade webhooken ”{name}”"), actor=actor, name=name)
    if change == "secret_regenerated":
        return format_html(
            _("{actor} bytte hemlighet för webhooken ”{name}”"), actor=actor, name=name
        )
    if change == "test_sent":
        return format_html(
            _("{actor} skickade ett test till webhooken ”{name}”"), actor=actor, name=name
        )
    return format_html(_("{actor} ändrade webhooken ”{name}”"), actor=actor, name=name)
