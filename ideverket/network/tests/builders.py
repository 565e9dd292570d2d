"""Profiles, activities and attendance for tests, made through the actions."""

import datetime

from django.utils import timezone

from ideverket.network import actions


def profile(
    user,
    *,
    help_with="Att formulera problemet och planera ett litet test.",
    contact="Teams eller telefon 013-20 00 00.",
    is_available=True,
    actor=None,
):
    return actions.do_save_profile(
        actor or user, user, help_with=help_with, contact=contact, is_available=is_available
    )


def activity(organiser, *, days=-30, department=None, title="Nätverksträff", **fields):
    """An activity starting `days` from now (negative: in the past)."""
    starts = timezone.now() + datetime.timedelta(days=days)
    values = {
        "title": title,
        "kind": "meeting",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "place": "Stadshuset, sal 3",
        "online_link": "",
        "description": "Vi delar erfarenheter.",
        "department": department,
    }
    values.update(fields)
    return actions.do_create_activity(organiser, **values)


def attended(organiser, an_activity, *people):
    return actions.do_record_attendance(organiser, an_activity, [p.pk for p in people])
