"""How course and session events read in a timeline or an inbox."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event


def describe_course_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    if event.verb == Event.Verb.CREATED:
        return format_html(
            _("{actor} skapade utbildningen ”{title}”"), actor=actor, title=data.get("title", "")
        )
    return format_html(
        _("{actor} ändrade utbildningen ”{title}”"), actor=actor, title=data.get("title", "")
    )


def describe_session_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    change = data.get("change")
    course = data.get("course", "")
    if event.verb == Event.Verb.CREATED:
        return format_html(_("{actor} lade till ett tillfälle"), actor=actor)
    if change == "signed_up":
        if data.get("status") == "waiting":
            return format_html(_("{actor} ställde sig på väntelistan"), actor=actor)
        return format_html(_("{actor} anmälde sig"), actor=actor)
    if change == "sign_up_cancelled":
        return format_html(_("{actor} avanmälde sig"), actor=actor)
    if change == "promoted":
        return format_html(
            _("Du har fått en plats på ”{course}” – du flyttades upp från väntelistan"),
            course=course,
        )
    if change == "session_cancelled":
        reason = data.get("reason")
        if reason:
            return format_html(
                _("{actor} ställde in tillfället av ”{course}”: {reason}"),
                actor=actor,
                course=course,
                reason=reason,
            )
        return format_html(
            _("{actor} ställde in tillfället av ”{course}”"), actor=actor, course=course
        )
    if change == "attendance_marked":
        return format_html(
            _("{actor} markerade närvaro: {attended} deltog, {completed} genomförde"),
            actor=actor,
            attended=data.get("attended", 0),
            completed=data.get("completed", 0),
        )
    return format_html(_("{actor} ändrade tillfället av ”{course}”"), actor=actor, course=course)


def visible_sessions(user, ids):
    """{id: session} of the sessions `user` may see, for notifications (one query)."""
    from .models import Session

    return {
        s.pk: s
        for s in Session.objects.visible_to(user).select_related("course").filter(pk__in=ids)
    }


def visible_courses(user, ids):
    from .models import Course

    return {c.pk: c for c in Course.objects.visible_to(user).filter(pk__in=ids)}
