"""How the coordinator's changes to the question set and rounds read in a timeline."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def describe_question_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    if event.verb == Event.Verb.CREATED:
        return format_html(
            _("{actor} lade till påståendet ”{text}”"), actor=actor, text=data.get("text", "")
        )
    if data.get("change") == "question_moved":
        return format_html(
            _("{actor} flyttade påståendet ”{text}”"), actor=actor, text=data.get("text", "")
        )
    return format_html(
        _("{actor} ändrade påståendet ”{text}”"), actor=actor, text=data.get("text", "")
    )


def describe_round_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    change = data.get("change")
    if event.verb == Event.Verb.CREATED:
        return format_html(
            _("{actor} förberedde omgången {year}"), actor=actor, year=data.get("year", "")
        )
    if change == "round_opened":
        return format_html(
            _("{actor} öppnade omgången med {count} påståenden"),
            actor=actor,
            count=data.get("questions", 0),
        )
    if change == "round_closed":
        return format_html(
            _("{actor} stängde omgången efter {count} svar"),
            actor=actor,
            count=data.get("responses", 0),
        )
    return format_html(_("{actor} ändrade omgången"), actor=actor)
