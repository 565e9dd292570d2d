"""Sentences for an implementation's events, on its timeline and in people's inboxes."""

from django.utils import formats
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def visible_implementations(user, ids):
    from .models import Implementation

    found = Implementation.objects.visible_to(user).filter(pk__in=ids).select_related("idea")
    return {i.pk: i for i in found.only("id", "idea__id", "idea__title")}


def _day(value):
    day = parse_date(value or "")
    return formats.date_format(day, "j F Y") if day else ""


def describe_implementation_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    change = data.get("change")
    if event.verb == Event.Verb.CREATED:
        return format_html(
            _("{actor} startade införandet med {owner} som ansvarig"),
            actor=actor,
            owner=data.get("owner", ""),
        )
    if change == "milestone_added":
        return format_html(
            _("{actor} lade till delmålet ”{title}”"), actor=actor, title=data.get("title", "")
        )
    if change == "milestone_updated":
        return format_html(
            _("{actor} satte delmålet ”{title}” till {progress} %"),
            actor=actor,
            title=data.get("title", ""),
            progress=data.get("progress", 0),
        )
    if change == "milestone_done":
        return format_html(
            _("{actor} markerade delmålet ”{title}” som klart"),
            actor=actor,
            title=data.get("title", ""),
        )
    if change == "handed_over":
        if data.get("line_unit"):
            return format_html(
                _("{actor} lämnade över till linjen: {unit} driver det från {day}"),
                actor=actor,
                unit=data["line_unit"],
                day=_day(data.get("runs_from")),
            )
        return format_html(_("{actor} lämnade över till linjen"), actor=actor)
    if change == "followed_up":
        return format_html(
            _("{actor} gjorde uppföljningen för {day}"), actor=actor, day=_day(data.get("due_on"))
        )
    if change == "owner":
        return format_html(
            _("{actor} satte {name} som ansvarig för införandet"),
            actor=actor,
            name=data.get("name", ""),
        )
    if change == "plan":
        return format_html(_("{actor} ändrade planen för införandet"), actor=actor)
    return format_html("{} {}", actor, event.get_verb_display())
