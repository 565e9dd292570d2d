"""Sentences for a trial's events, on its timeline and in people's inboxes."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event

from .models import TrialUpdate


def visible_trials(user, ids):
    from .models import Trial

    trials = Trial.objects.visible_to(user).filter(pk__in=ids).select_related("idea")
    return {t.pk: t for t in trials.only("id", "idea__id", "idea__title")}


def _health(value):
    try:
        return TrialUpdate.Health(value).label
    except ValueError:
        return ""


def describe_trial_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    change = data.get("change")
    if event.verb == Event.Verb.CREATED:
        if data.get("again"):
            return format_html(_("{actor} startade ett nytt test"), actor=actor)
        return format_html(_("{actor} startade testet"), actor=actor)
    if change == "evaluated":
        return format_html(
            _("{actor} utvärderade testet: {met} av {total} kriterier uppfyllda"),
            actor=actor,
            met=data.get("met", 0),
            total=data.get("total", 0),
        )
    if change == "status_update":
        return format_html(
            _("{actor} skrev en lägesrapport: {health}"),
            actor=actor,
            health=_health(data.get("health")),
        )
    if change == "owner":
        return format_html(
            _("{actor} satte {name} som ansvarig för testet"), actor=actor, name=data.get("name")
        )
    if change == "lesson_recorded":
        return format_html(
            _("{actor} sparade lärdomen ”{title}”"), actor=actor, title=data.get("lesson", "")
        )
    if change in ("effect_added", "effect_measured"):
        return format_html(
            _("{actor} registrerade en effekt: {effect}"),
            actor=actor,
            effect=data.get("effect", ""),
        )
    if change == "plan":
        return format_html(_("{actor} ändrade testets plan"), actor=actor)
    return format_html("{} {}", actor, event.get_verb_display())
