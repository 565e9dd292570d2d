"""Signing up, the waiting list, cancelling, attendance: the rules the actions keep."""

import threading
import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction

from ideverket.activity.models import Event, Notification
from ideverket.training import actions
from ideverket.training.models import Enrollment, Session

from .builders import course, held, people, session, sign_up_before

S = Enrollment.Status


def statuses(s):
    return list(
        s.enrollments.exclude(status=S.CANCELLED)
        .order_by("signed_up_at", "pk")
        .values_list("person__name", "status")
    )


def test_only_the_coordinator_creates_and_edits_courses(cast):
    for key in ("employee", "lead", "manager", "director", "admin", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.do_create_course(
                cast.fresh(key), title="X", description="Y", audience="everyone", is_published=True
            )
    c = course(cast)
    with pytest.raises(PermissionDenied):
        actions.do_edit_course(
            cast.fresh("lead"),
            c,
            title="X",
            description="Y",
            audience="managers",
            is_published=True,
        )
    assert Event.objects.filter(verb=Event.Verb.CREATED, data__title=c.title).exists()


def test_only_the_coordinator_creates_sessions(cast):
    c = course(cast)
    with pytest.raises(PermissionDenied):
        actions.do_create_session(
            cast.fresh("lead"),
            c,
            starts_at=None,
            ends_at=None,
            place="x",
            online_url="",
            capacity=3,
            organiser=cast.lead,
        )


def test_session_needs_a_place_or_link_and_an_end_after_its_start(cast):
    c = course(cast)
    with pytest.raises(ValidationError) as place:
        session(cast, c, place="", online_url="")
    assert "place" in place.value.message_dict
    with pytest.raises(ValidationError):
        session(cast, c, place="", online_url="javascript:alert(1)")
    s = session(cast, c, place="", online_url="https://meet.example/abc")
    assert s.online_url == "https://meet.example/abc"
    assert Session.objects.count() == 1


def test_full_session_puts_people_on_the_waiting_list_in_order(cast):
    s = session(cast, capacity=2)
    a, b, c, d = people(cast.school, 4)
    for p in (a, b, c, d):
        actions.do_sign_up(p, s)
    assert [st for _n, st in statuses(s)] == [S.CONFIRMED, S.CONFIRMED, S.WAITING, S.WAITING]
    with pytest.raises(ValidationError, match="redan anmäld"):
        actions.do_sign_up(a, s)
    with pytest.raises(ValidationError, match="redan anmäld"):
        actions.do_sign_up(c, s)


def test_cancelling_a_seat_promotes_the_first_waiting_and_notifies_them(cast):
    s = session(cast, capacity=2)
    a, b, c, d = people(cast.school, 4)
    for p in (a, b, c, d):
        actions.do_sign_up(p, s)
    actions.do_cancel_sign_up(a, s)
    assert dict(statuses(s)) == {b.name: S.CONFIRMED, c.name: S.CONFIRMED, d.name: S.WAITING}
    note = Notification.objects.get(recipient=c)
    assert note.event.data["change"] == "promoted"
    assert note.event.actor is None
    assert not Notification.objects.filter(recipient=d).exists()
    # Someone waiting who leaves frees no seat: nobody moves.
    actions.do_cancel_sign_up(d, s)
    assert dict(statuses(s)) == {b.name: S.CONFIRMED, c.name: S.CONFIRMED}
    # A cancelled person may sign up again, last in line.
    actions.do_sign_up(a, s)
    assert dict(statuses(s))[a.name] == S.WAITING
    with pytest.raises(ValidationError, match="inte anmäld"):
        actions.do_cancel_sign_up(d, s)


def test_more_seats_move_people_up_and_fewer_than_taken_are_refused(cast):
    s = session(cast, capacity=1)
    a, b, c = people(cast.school, 3)
    for p in (a, b, c):
        actions.do_sign_up(p, s)
    kwargs = {
        "starts_at": s.starts_at,
        "ends_at": s.ends_at,
        "place": s.place,
        "online_url": "",
        "organiser": s.organiser,
    }
    actions.do_edit_session(cast.fresh("lead"), s, capacity=3, **kwargs)
    assert all(st == S.CONFIRMED for _n, st in statuses(s))
    with pytest.raises(ValidationError) as too_few:
        actions.do_edit_session(cast.fresh("coordinator"), s, capacity=2, **kwargs)
    assert "capacity" in too_few.value.message_dict
    with pytest.raises(PermissionDenied):
        actions.do_edit_session(cast.fresh("employee"), s, capacity=5, **kwargs)


def test_cancelling_a_session_notifies_everyone_signed_up_or_waiting(cast):
    s = session(cast, capacity=1)
    a, b = people(cast.school, 2)
    actions.do_sign_up(a, s)
    actions.do_sign_up(b, s)
    with pytest.raises(PermissionDenied):
        actions.do_cancel_session(cast.fresh("employee"), s)
    actions.do_cancel_session(cast.fresh("lead"), s, reason="Kursledaren är sjuk")
    notified = set(
        Notification.objects.filter(event__data__change="session_cancelled").values_list(
            "recipient_id", flat=True
        )
    )
    assert notified == {a.pk, b.pk}
    with pytest.raises(ValidationError):
        actions.do_sign_up(cast.fresh("employee"), s)


def test_unpublished_and_started_sessions_take_no_sign_ups(cast):
    hidden = session(cast, course(cast, is_published=False))
    with pytest.raises(ValidationError):
        actions.do_sign_up(cast.fresh("employee"), hidden)
    past = session(cast, days=-1)
    with pytest.raises(ValidationError):
        actions.do_sign_up(cast.fresh("employee"), past)


def test_one_active_enrollment_is_a_database_constraint(cast):
    s = session(cast)
    actions.do_sign_up(cast.employee, s)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(session=s, person=cast.employee, status=S.WAITING)


def test_attendance_after_the_session_by_organiser_or_coordinator(cast):
    s = session(cast, days=-2)
    a, b, c = people(cast.school, 3)
    for p in (a, b, c):
        sign_up_before(s, p)
    with pytest.raises(PermissionDenied):
        held(s, attended=[a], by=cast.fresh("manager"))
    held(s, attended=[a], completed=[b])
    rows = dict(s.enrollments.values_list("person_id", "attended"))
    assert rows == {a.pk: True, b.pk: True, c.pk: False}  # completing means attending
    assert list(s.enrollments.filter(completed=True).values_list("person_id", flat=True)) == [b.pk]
    held(s, completed=[a, c], by=cast.fresh("coordinator"))
    assert set(s.enrollments.filter(completed=True).values_list("person_id", flat=True)) == {
        a.pk,
        c.pk,
    }
    future = session(cast)
    with pytest.raises(ValidationError, match="börjat"):
        held(future)


def test_attendance_refuses_someone_not_confirmed(cast):
    s = session(cast, days=-2, capacity=1)
    a, b = people(cast.school, 2)
    sign_up_before(s, a)
    waiting = sign_up_before(s, b)
    with pytest.raises(ValidationError):
        actions.do_mark_attendance(s.organiser, s, attended_ids=[waiting.pk], completed_ids=[])


def test_renewing_the_calendar_token_changes_it(cast):
    feed = actions.calendar_feed_for(cast.employee)
    old = feed.token
    assert len(old) >= 40
    assert actions.do_renew_calendar_token(cast.employee).token != old


# -- at the same time -------------------------------------------------------------------------
def _race(fn, args_list):
    """Run `fn(*args)` for each args in threads released at the same moment; the errors.

    The SQLite test database is in memory with a shared cache, where a second writer gets
    "database table is locked" at once instead of waiting as busy_timeout makes it wait on a
    file; such an attempt rolled back whole, so it is tried again, as the wait would. On
    PostgreSQL the session row lock makes the others wait and nothing is retried.
    """
    barrier = threading.Barrier(len(args_list))
    errors = []

    def run(*args):
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    fn(*args)
                except OperationalError as exc:
                    if "locked" not in str(exc):
                        raise
                    time.sleep(0.01)
                else:
                    break
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_six_people_racing_for_three_seats():
    from conftest import Cast

    cast = Cast()
    s = session(cast, capacity=3)
    racers = people(cast.school, 6)
    errors = _race(actions.do_sign_up, [(p, s) for p in racers])
    assert errors == []
    counts = {st: n for st, n in _counts(s)}
    assert counts == {S.CONFIRMED: 3, S.WAITING: 3}

    # Three confirmed people cancel at once: exactly three move up, in order.
    confirmed = list(s.enrollments.confirmed().select_related("person"))
    waiting_order = list(s.enrollments.waiting().values_list("person_id", flat=True))
    errors = _race(actions.do_cancel_sign_up, [(e.person, s) for e in confirmed])
    assert errors == []
    counts = {st: n for st, n in _counts(s)}
    assert counts == {S.CONFIRMED: 3, S.CANCELLED: 3}
    assert set(s.enrollments.confirmed().values_list("person_id", flat=True)) == set(waiting_order)
    assert Notification.objects.filter(event__data__change="promoted").count() == 3


@pytest.mark.django_db(transaction=True)
def test_double_click_takes_one_seat():
    from conftest import Cast

    cast = Cast()
    s = session(cast, capacity=3)
    employee = cast.fresh("employee")
    errors = _race(actions.do_sign_up, [(employee, s), (employee, s)])
    assert s.enrollments.active().count() == 1
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)


def _counts(s):
    from django.db.models import Count

    return s.enrollments.values_list("status").annotate(n=Count("pk")).order_by()
