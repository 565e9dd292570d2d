"""Sentences for the events on a project's timeline and in people's inboxes.

Project events use the timeline's general verbs (created, edited, decided); `data["change"]`
says what happened, so each reads as its own sentence here.
"""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def visible_projects(user, ids):
    from .models import Project

    return {
        p.pk: p for p in Project.objects.visible_to(user).filter(pk__in=ids).only("id", "title")
    }


def _label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value or ""


def _gate_sentence(actor, data):
    from .models import GateDecision

    return format_html(
        _("{actor} beslutade vid grinden {gate}: {outcome}"),
        actor=actor,
        gate=_label(GateDecision.Gate, data.get("gate")),
        outcome=_label(GateDecision.Outcome, data.get("outcome")),
    )


def _sentences():
    """{change: (template, names from data)} for the plain one-sentence events."""
    return {
        "member_added": _("{actor} lade till {name} i teamet"),
        "member_removed": _("{actor} tog bort {name} ur teamet"),
        "join_requested": _("{name} frågade om att få vara med i projektet"),
        "milestone_added": _("{actor} lade till milstolpen ”{title}”"),
        "challenge_linked": _("{actor} kopplade utmaningen ”{title}” till projektet"),
        "challenge_unlinked": _("{actor} tog bort kopplingen till utmaningen ”{title}”"),
        "idea_linked": _("{actor} kopplade en idé till projektet"),
        "idea_unlinked": _("{actor} tog bort kopplingen till en idé"),
    }


def describe_project_event(event):
    from .models import Project, ProjectMember

    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    change = data.get("change")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} startade projektet"), actor=actor)
    if change == "gate":
        return _gate_sentence(actor, data)
    if change == "unit_invited":
        template = (
            _("{actor} bjöd in {unit} som partner")
            if data.get("partner")
            else _("{actor} bjöd in {unit} att delta")
        )
        return format_html(template, actor=actor, unit=data.get("unit", ""))
    if change == "invitation_answered":
        template = (
            _("{actor} tackade ja för {unit}")
            if data.get("accepted")
            else _("{actor} tackade nej för {unit}")
        )
        return format_html(template, actor=actor, unit=data.get("unit", ""))
    if change == "join_answered":
        template = (
            _("{actor} godkände att {name} går med i teamet")
            if data.get("accepted")
            else _("{actor} avböjde förfrågan från {name} att gå med")
        )
        return format_html(template, actor=actor, name=data.get("name", ""))
    if change == "status_reported":
        return format_html(
            _("{actor} lämnade en statusrapport: {health}"),
            actor=actor,
            health=_label(Project.Health, data.get("health")),
        )
    if change == "milestone_updated":
        return format_html(
            _("{actor} uppdaterade milstolpen ”{title}” till {progress} %"),
            actor=actor,
            title=data.get("title", ""),
            progress=data.get("progress", 0),
        )
    if change == "partners":
        template = (
            _("{actor} markerade att projektet söker samarbetspartner")
            if data.get("looking")
            else _("{actor} markerade att projektet inte längre söker samarbetspartner")
        )
        return format_html(template, actor=actor)
    if change == "member_added" and data.get("role"):
        return format_html(
            _("{actor} lade till {name} i teamet som {role}"),
            actor=actor,
            name=data.get("name", ""),
            role=_label(ProjectMember.Role, data.get("role")).lower(),
        )
    template = _sentences().get(change)
    if template is not None:
        return format_html(
            template, actor=actor, name=data.get("name", ""), title=data.get("title", "")
        )
    if event.verb == Event.Verb.EDITED:
        return format_html(_("{actor} ändrade projektet"), actor=actor)
    return format_html("{} {}", actor, event.get_verb_display())
