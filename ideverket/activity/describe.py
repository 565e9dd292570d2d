"""How an event reads in a timeline or an inbox, and whether its reader may still see it.

Apps above this one register, per subject model (in their AppConfig.ready), a describer and a
visibility lookup, so the timeline stays generic and imports only go downward.
"""

from collections import defaultdict

from django.utils.html import format_html

_describers = {}
_visible_lookups = {}


def register(model_label, describer, visible=None):
    """`describer(event) -> str`; `visible(user, ids) -> {id: obj}` for what `user` may see."""
    _describers[model_label] = describer
    if visible is not None:
        _visible_lookups[model_label] = visible


def _label(event):
    return f"{event.subject_type.app_label}.{event.subject_type.model}"


def describe(event):
    describer = _describers.get(_label(event))
    if describer is not None:
        return describer(event)
    return format_html("{} {}", event.actor or "", event.get_verb_display())


def attach_subjects(user, notifications):
    """Set `.subject` on each notification (one query per subject type) and drop the ones
    whose subject the user may no longer see. Returns the visible notifications."""
    ids_by_label = defaultdict(set)
    for notification in notifications:
        ids_by_label[_label(notification.event)].add(notification.event.subject_id)
    subjects = {}
    for label, ids in ids_by_label.items():
        lookup = _visible_lookups.get(label)
        found = lookup(user, ids) if lookup else {}
        subjects.update({(label, pk): obj for pk, obj in found.items()})
    visible = []
    for notification in notifications:
        notification.subject = subjects.get(
            (_label(notification.event), notification.event.subject_id)
        )
        if notification.subject is not None:
            visible.append(notification)
    return visible


def describe_email_preference_event(event):
    """Someone's own change of how they get e-mail (from the settings page or a link)."""
    from django.utils.translation import gettext as _

    from .models import EmailPreference

    actor = event.actor.name if event.actor else _("Systemet")
    new = (event.data or {}).get("new", "")
    try:
        choice = EmailPreference.Frequency(new).label
    except ValueError:
        choice = new
    return format_html(_("{actor} valde e-post om notiser: {choice}"), actor=actor, choice=choice)
