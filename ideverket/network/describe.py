"""How the network's events read in a timeline or an inbox, and who may still see them."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def _actor(event):
    return event.actor.name if event.actor else _("Systemet")


def describe_profile_event(event):
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} skrev en inspiratörsprofil"), actor=_actor(event))
    return format_html(_("{actor} ändrade en inspiratörsprofil"), actor=_actor(event))


def describe_activity_event(event):
    data = event.data or {}
    actor, title = _actor(event), data.get("title", "")
    change = data.get("change")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} bjöd in till ”{title}”"), actor=actor, title=title)
    if change == "registered":
        return format_html(_("{actor} anmälde sig"), actor=actor)
    if change == "unregistered":
        return format_html(_("{actor} tog tillbaka sin anmälan"), actor=actor)
    if change == "attendance_recorded":
        return format_html(
            _("{actor} registrerade närvaro: {count} deltog"),
            actor=actor,
            count=data.get("attended", 0),
        )
    return format_html(_("{actor} ändrade ”{title}”"), actor=actor, title=title)


def visible_profiles(user, ids):
    """Profiles are readable by everyone logged in."""
    from .models import InspirerProfile

    if not user.is_authenticated:
        return {}
    return {p.pk: p for p in InspirerProfile.objects.filter(pk__in=ids).select_related("user")}


def visible_activities(user, ids):
    """Activities are readable by everyone logged in."""
    from .models import NetworkActivity

    if not user.is_authenticated:
        return {}
    return {a.pk: a for a in NetworkActivity.objects.filter(pk__in=ids)}
