"""Sentences for the events on an idea's timeline and in people's inboxes."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event

from .process import Outcome


def visible_ideas(user, ids):
    from .models import Idea

    return {i.pk: i for i in Idea.objects.visible_to(user).filter(pk__in=ids).only("id", "title")}


def describe_idea_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    if event.verb == Event.Verb.DECIDED:
        try:
            outcome = Outcome(data.get("outcome")).label
        except ValueError:
            outcome = data.get("outcome", "")
        return format_html(_("{actor} beslutade: {outcome}"), actor=actor, outcome=outcome)
    if event.verb == Event.Verb.EDITED:
        change = data.get("change")
        if change == "effect_added":
            return format_html(
                _("{actor} lade till en förväntad effekt: {effect}"),
                actor=actor,
                effect=data.get("effect", ""),
            )
        if change == "effect_measured":
            return format_html(
                _("{actor} registrerade ett uppmätt värde för effekten {effect}"),
                actor=actor,
                effect=data.get("effect", ""),
            )
        if change == "lesson_recorded":
            return format_html(_("{actor} skrev en lärdom"), actor=actor)
        return format_html(_("{actor} ändrade idén"), actor=actor)
    if event.verb == Event.Verb.HANDLER_SET:
        if data.get("name"):
            return format_html(
                _("{actor} satte {name} som handläggare"), actor=actor, name=data["name"]
            )
        return format_html(_("{actor} tog bort handläggaren"), actor=actor)
    if event.verb == Event.Verb.COACH_SET:
        if data.get("name"):
            return format_html(_("{actor} satte {name} som coach"), actor=actor, name=data["name"])
        return format_html(_("{actor} tog bort coachen"), actor=actor)
    if event.verb == Event.Verb.MERGED_IN:
        return format_html(_("{actor} slog samman en annan idé med den här"), actor=actor)
    return format_html("{} {}", actor, event.get_verb_display())
