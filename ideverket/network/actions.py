"""Every change in the inspirer network: atomic, permission-checked, on the timeline."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import InspirerProfile, NetworkActivity, Participation, inspirers
from .rules import (
    can_edit_profile,
    can_manage_activity,
    can_organise,
    is_inspirer_user,
    organiser_department_ids,
)


# -- profiles ---------------------------------------------------------------------------------
@transaction.atomic
def do_save_profile(user, inspirer, *, help_with, contact, is_available):
    """Write (or first create) `inspirer`'s profile; the inspirer or the coordinator."""
    if not can_edit_profile(user, inspirer):
        raise PermissionDenied
    if not is_inspirer_user(inspirer):
        raise ValidationError(_("Personen är inte idéinspiratör."))
    profile, created = InspirerProfile.objects.select_for_update().get_or_create(user=inspirer)
    before = (profile.help_with, profile.contact, profile.is_available)
    profile.help_with = normalize_text(help_with)
    profile.contact = normalize_text(contact)
    profile.is_available = bool(is_available)
    profile.updated_at = timezone.now()
    profile.full_clean()
    profile.save()
    changed = [
        name
        for name, old in zip(("help_with", "contact", "is_available"), before, strict=True)
        if created or getattr(profile, name) != old
    ]
    record_event(
        user,
        Event.Verb.CREATED if created else Event.Verb.EDITED,
        profile,
        # The inspirer hears of it when someone else (the coordinator) changes their profile.
        notify=[inspirer.pk],
        change="profile_saved",
        fields=changed,
        is_available=profile.is_available,
    )
    return profile


# -- activities -------------------------------------------------------------------------------
def _check_department(user, department):
    allowed = organiser_department_ids(user)
    if allowed is None:
        return
    if department is None or department.pk not in allowed:
        raise ValidationError({"department": _("Välj en förvaltning där du är innovationsledare.")})


def _fill(activity, fields):
    for name, value in fields.items():
        if name in ("title", "place", "description"):
            value = normalize_text(value or "")
        setattr(activity, name, value)


ACTIVITY_FIELDS = (
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "place",
    "online_link",
    "description",
    "department",
)


@transaction.atomic
def do_create_activity(user, **fields):
    """Announce a network activity; the coordinator, or a lead for their department."""
    if not can_organise(user):
        raise PermissionDenied
    _check_department(user, fields.get("department"))
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    now = timezone.now()
    activity = NetworkActivity(organiser=user, created_at=now, updated_at=now)
    _fill(activity, fields)
    activity.full_clean()
    activity.save()
    record_event(
        user,
        Event.Verb.CREATED,
        activity,
        title=activity.title[:150],
        starts_at=activity.starts_at.isoformat(),
    )
    return activity


@transaction.atomic
def do_edit_activity(user, activity, **fields):
    """Change an activity; those signed up are told when its time or place changes."""
    activity = NetworkActivity.objects.select_for_update().get(pk=activity.pk)
    if not can_manage_activity(user, activity):
        raise PermissionDenied
    if "department" in fields and fields["department"] != activity.department:
        _check_department(user, fields["department"])
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    before = {name: getattr(activity, name) for name in fields}
    _fill(activity, fields)
    changed = [name for name in fields if getattr(activity, name) != before[name]]
    if not changed:
        return activity
    activity.updated_at = timezone.now()
    activity.full_clean()
    activity.save()
    moved = {"starts_at", "ends_at", "place", "online_link"} & set(changed)
    notify = []
    if moved and not activity.has_started():
        notify = list(
            activity.participations.filter(registered=True).values_list("user_id", flat=True)
        )
    record_event(
        user,
        Event.Verb.EDITED,
        activity,
        notify=notify,
        change="activity_edited",
        fields=changed,
        title=activity.title[:150],
        starts_at=activity.starts_at.isoformat(),
    )
    return activity


@transaction.atomic
def do_register(user, activity):
    """Sign `user` up for an activity that has not started."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if activity.has_started():
        raise ValidationError(_("Aktiviteten har redan börjat; anmälan är stängd."))
    participation, _created = Participation.objects.get_or_create(activity=activity, user=user)
    if participation.registered:
        return participation
    participation.registered = True
    participation.registered_at = timezone.now()
    participation.save(update_fields=["registered", "registered_at"])
    record_event(user, Event.Verb.EDITED, activity, change="registered")
    return participation


@transaction.atomic
def do_unregister(user, activity):
    """Take back one's sign-up for an activity that has not started."""
    if not user.is_authenticated:
        raise PermissionDenied
    if activity.has_started():
        raise ValidationError(_("Aktiviteten har redan börjat; anmälan kan inte tas tillbaka."))
    updated = Participation.objects.filter(activity=activity, user=user, registered=True).update(
        registered=False, registered_at=None
    )
    if updated:
        record_event(user, Event.Verb.EDITED, activity, change="unregistered")
    return bool(updated)


def attendance_candidates(activity):
    """Who can be marked as attending: every active inspirer and everyone who signed up or
    was marked before (one query)."""
    from django.db.models import Q

    from ideverket.org.models import User

    return (
        User.objects.filter(
            Q(pk__in=inspirers().values("pk"))
            | Q(network_participations__activity=activity, network_participations__registered=True)
            | Q(network_participations__activity=activity, network_participations__attended=True)
        )
        .distinct()
        .select_related("unit")
        .order_by("name", "pk")
    )


@transaction.atomic
def do_record_attendance(user, activity, attendee_ids):
    """Set exactly `attendee_ids` as having attended (from the candidates); once it started."""
    activity = NetworkActivity.objects.select_for_update().get(pk=activity.pk)
    if not can_manage_activity(user, activity):
        raise PermissionDenied
    if not activity.has_started():
        raise ValidationError(_("Närvaro kan registreras först när aktiviteten har börjat."))
    attendee_ids = set(attendee_ids)
    allowed = set(attendance_candidates(activity).values_list("pk", flat=True))
    if attendee_ids - allowed:
        raise ValidationError(_("Välj deltagare ur listan."))
    existing = {p.user_id: p for p in Participation.objects.filter(activity=activity)}
    added = sorted(attendee_ids - {uid for uid, p in existing.items() if p.attended})
    removed = sorted(uid for uid, p in existing.items() if p.attended and uid not in attendee_ids)
    Participation.objects.filter(activity=activity, user_id__in=removed).update(attended=False)
    Participation.objects.filter(activity=activity, user_id__in=added).update(attended=True)
    Participation.objects.bulk_create(
        [
            Participation(activity=activity, user_id=uid, attended=True)
            for uid in added
            if uid not in existing
        ]
    )
    record_event(
        user,
        Event.Verb.EDITED,
        activity,
        change="attendance_recorded",
        attended=len(attendee_ids),
        added=len(added),
        removed=len(removed),
    )
    return len(attendee_ids)
