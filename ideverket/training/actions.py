"""Every change to courses, sessions and sign-ups: atomic, permission-checked, on the timeline.

Seats are counted with the session row locked (select_for_update; SQLite's IMMEDIATE
transactions serialise writers the same way), so people signing up or cancelling at the same
moment never take more seats than there are, and a cancelled seat goes to exactly one person
on the waiting list.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text

from .models import CalendarFeed, Course, Enrollment, Session, new_token
from .rules import can_manage_session, is_coordinator


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied


# -- courses ----------------------------------------------------------------------------------
@transaction.atomic
def do_create_course(user, *, title, description, audience, is_published):
    _require_coordinator(user)
    course = Course(
        title=normalize_text(title),
        description=normalize_text(description),
        audience=audience,
        is_published=is_published,
        created_by=user,
    )
    course.full_clean()
    course.save()
    record_event(user, Event.Verb.CREATED, course, title=course.title[:200])
    return course


@transaction.atomic
def do_edit_course(user, course, *, title, description, audience, is_published):
    _require_coordinator(user)
    course = Course.objects.select_for_update().get(pk=course.pk)
    course.title = normalize_text(title)
    course.description = normalize_text(description)
    course.audience = audience
    course.is_published = is_published
    course.updated_at = timezone.now()
    course.full_clean()
    course.save()
    record_event(
        user,
        Event.Verb.EDITED,
        course,
        change="course_edited",
        title=course.title[:200],
        is_published=is_published,
    )
    return course


# -- sessions ---------------------------------------------------------------------------------
def _check_session(session):
    errors = {}
    if session.starts_at and session.ends_at and session.ends_at <= session.starts_at:
        errors["ends_at"] = _("Tillfället måste sluta efter att det har börjat.")
    if not session.place and not session.online_url:
        errors["place"] = _("Ange en plats, en länk till distansmötet eller båda.")
    if errors:
        raise ValidationError(errors)
    session.full_clean()


@transaction.atomic
def do_create_session(user, course, *, starts_at, ends_at, place, online_url, capacity, organiser):
    _require_coordinator(user)
    session = Session(
        course=course,
        starts_at=starts_at,
        ends_at=ends_at,
        place=normalize_text(place),
        online_url=online_url.strip(),
        capacity=capacity,
        organiser=organiser,
    )
    _check_session(session)
    session.save()
    record_event(
        user,
        Event.Verb.CREATED,
        session,
        course=course.title[:200],
        starts_at=session.starts_at.isoformat(),
    )
    return session


@transaction.atomic
def do_edit_session(user, session, *, starts_at, ends_at, place, online_url, capacity, organiser):
    """Change a session; more seats move people up from the waiting list, fewer seats than
    are already taken are refused."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if not can_manage_session(user, session):
        raise PermissionDenied
    if session.is_cancelled:
        raise ValidationError(_("Tillfället är inställt och kan inte ändras."))
    confirmed = session.enrollments.confirmed().count()
    if capacity is not None and capacity < confirmed:
        raise ValidationError(
            {
                "capacity": _(
                    "%(count)s personer är redan anmälda. Antalet platser kan inte vara färre."
                )
                % {"count": confirmed}
            }
        )
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.place = normalize_text(place)
    session.online_url = online_url.strip()
    session.capacity = capacity
    session.organiser = organiser
    session.updated_at = timezone.now()
    _check_session(session)
    session.save()
    people = list(session.enrollments.active().values_list("person_id", flat=True))
    record_event(
        user,
        Event.Verb.EDITED,
        session,
        notify=people,
        change="session_edited",
        course=session.course.title[:200],
        starts_at=session.starts_at.isoformat(),
    )
    _promote(session, seats=capacity - confirmed)
    return session


@transaction.atomic
def do_cancel_session(user, session, *, reason=""):
    """Cancel a session; everyone signed up or waiting is notified."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if not can_manage_session(user, session):
        raise PermissionDenied
    if session.is_cancelled:
        raise ValidationError(_("Tillfället är redan inställt."))
    if session.has_started():
        raise ValidationError(_("Tillfället har redan börjat och kan inte ställas in."))
    session.is_cancelled = True
    session.cancelled_reason = normalize_text(reason)[:500]
    session.updated_at = timezone.now()
    session.save(update_fields=["is_cancelled", "cancelled_reason", "updated_at"])
    people = list(session.enrollments.active().values_list("person_id", flat=True))
    record_event(
        user,
        Event.Verb.EDITED,
        session,
        notify=people,
        change="session_cancelled",
        course=session.course.title[:200],
        reason=session.cancelled_reason,
    )
    return session


# -- signing up -------------------------------------------------------------------------------
@transaction.atomic
def do_sign_up(user, session):
    """Sign `user` up: a seat while there is one, else last on the waiting list."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if not session.open_for_sign_up():
        raise ValidationError(_("Det går inte längre att anmäla sig till tillfället."))
    if session.enrollments.active().filter(person=user).exists():
        raise ValidationError(_("Du är redan anmäld till tillfället."))
    confirmed = session.enrollments.confirmed().count()
    now = timezone.now()
    full = confirmed >= session.capacity
    enrollment = Enrollment(
        session=session,
        person=user,
        status=Enrollment.Status.WAITING if full else Enrollment.Status.CONFIRMED,
        signed_up_at=now,
        confirmed_at=None if full else now,
    )
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        raise ValidationError(_("Du är redan anmäld till tillfället.")) from None
    record_event(
        user,
        Event.Verb.EDITED,
        session,
        change="signed_up",
        person=user.name,
        status=enrollment.status,
    )
    return enrollment


@transaction.atomic
def do_cancel_sign_up(user, session):
    """Cancel `user`'s own sign-up; a freed seat goes to the first on the waiting list."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if session.has_started():
        raise ValidationError(_("Tillfället har redan börjat. Kontakta kursansvarig."))
    enrollment = session.enrollments.active().filter(person=user).first()
    if enrollment is None:
        raise ValidationError(_("Du är inte anmäld till tillfället."))
    was_confirmed = enrollment.is_confirmed
    enrollment.status = Enrollment.Status.CANCELLED
    enrollment.cancelled_at = timezone.now()
    enrollment.save(update_fields=["status", "cancelled_at"])
    record_event(
        user,
        Event.Verb.EDITED,
        session,
        change="sign_up_cancelled",
        person=user.name,
        was_confirmed=was_confirmed,
    )
    if was_confirmed and not session.is_cancelled:
        _promote(session, seats=1)
    return enrollment


def _promote(session, *, seats):
    """Move up to `seats` people from the waiting list to confirmed, in order, and tell each.
    The caller holds the session row's lock."""
    if seats <= 0:
        return []
    promoted = list(session.enrollments.waiting().select_related("person")[:seats])
    now = timezone.now()
    for enrollment in promoted:
        enrollment.status = Enrollment.Status.CONFIRMED
        enrollment.confirmed_at = now
        enrollment.save(update_fields=["status", "confirmed_at"])
        # Actor None (the system): the promoted person must get the notification.
        record_event(
            None,
            Event.Verb.EDITED,
            session,
            notify=[enrollment.person_id],
            change="promoted",
            person=enrollment.person.name,
            course=session.course.title[:200],
        )
    return promoted


# -- after the session ------------------------------------------------------------------------
@transaction.atomic
def do_mark_attendance(user, session, *, attended_ids, completed_ids):
    """Record who of the confirmed participants attended and who completed (completing
    implies attending). Everyone else confirmed is marked as not attended."""
    session = Session.objects.select_for_update().select_related("course").get(pk=session.pk)
    if not can_manage_session(user, session):
        raise PermissionDenied
    if session.is_cancelled:
        raise ValidationError(_("Tillfället är inställt."))
    if not session.has_started():
        raise ValidationError(_("Närvaro kan markeras först när tillfället har börjat."))
    enrollments = list(session.enrollments.confirmed())
    known = {e.pk for e in enrollments}
    attended_ids, completed_ids = set(attended_ids), set(completed_ids)
    if (attended_ids | completed_ids) - known:
        raise ValidationError(_("Markeringen gäller någon som inte är anmäld till tillfället."))
    for enrollment in enrollments:
        enrollment.completed = enrollment.pk in completed_ids
        enrollment.attended = enrollment.pk in attended_ids or enrollment.completed
    Enrollment.objects.bulk_update(enrollments, ["attended", "completed"])
    record_event(
        user,
        Event.Verb.EDITED,
        session,
        change="attendance_marked",
        attended=sum(e.attended for e in enrollments),
        completed=sum(e.completed for e in enrollments),
        confirmed=len(enrollments),
    )
    return enrollments


# -- the calendar feed ------------------------------------------------------------------------
def calendar_feed_for(user):
    """The user's calendar feed, created on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(person=user)
    return feed


@transaction.atomic
def do_renew_calendar_token(user):
    """A new secret address; the old one stops working at once."""
    feed = calendar_feed_for(user)
    feed.token = new_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed
