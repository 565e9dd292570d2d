"""Sentences for goal, period and import events, and for goal links on items' timelines.

Linking writes an "edited" event on the item with `data["change"]` "goal_linked" or
"goal_unlinked"; `with_goal_links(describer)` wraps an item kind's own describer so those read
as sentences there, and leaves every other event to it.
"""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def _actor(event):
    return event.actor.name if event.actor else _("Systemet")


def visible_goals(user, ids):
    from .models import Goal

    if not user.is_authenticated:
        return {}
    return {g.pk: g for g in Goal.objects.filter(pk__in=ids).only("id", "title")}


def describe_goal_event(event):
    actor = _actor(event)
    data = event.data or {}
    change = data.get("change")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} skapade målet"), actor=actor)
    if change == "ended":
        return format_html(_("{actor} avslutade målet"), actor=actor)
    if change == "activated":
        return format_html(_("{actor} gjorde målet aktivt igen"), actor=actor)
    if change in ("indicator_added", "indicator_changed"):
        template = (
            _("{actor} lade till indikatorn {name}")
            if change == "indicator_added"
            else _("{actor} ändrade indikatorn {name}")
        )
        return format_html(template, actor=actor, name=data.get("indicator", ""))
    if change == "indicator_value":
        return format_html(
            _("{actor} registrerade {value} för {name} ({date})"),
            actor=actor,
            value=data.get("value", ""),
            name=data.get("indicator", ""),
            date=data.get("measured_on", ""),
        )
    return format_html(_("{actor} ändrade målet"), actor=actor)


def describe_period_event(event):
    name = (event.data or {}).get("name", "")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} skapade perioden {name}"), actor=_actor(event), name=name)
    return format_html(_("{actor} ändrade perioden {name}"), actor=_actor(event), name=name)


def describe_import_event(event):
    data = event.data or {}
    goals = data.get("goals") or {}
    return format_html(
        _("{actor} importerade {file}: {created} mål skapade, {changed} ändrade"),
        actor=_actor(event),
        file=data.get("filename", ""),
        created=goals.get("create", 0),
        changed=goals.get("change", 0),
    )


def with_goal_links(describer=None):
    """`describer` with the goal-link sentences added (the default sentence when None)."""

    def describe(event):
        data = event.data or {}
        change = data.get("change")
        if change == "goal_linked":
            return format_html(
                _("{actor} kopplade till målet ”{goal}”"), actor=_actor(event), goal=data["goal"]
            )
        if change == "goal_unlinked":
            return format_html(
                _("{actor} tog bort kopplingen till målet ”{goal}”"),
                actor=_actor(event),
                goal=data.get("goal", ""),
            )
        if describer is not None:
            return describer(event)
        return format_html("{} {}", _actor(event), event.get_verb_display())

    return describe
