"""The network's actions: who may, what is refused, what the timeline says."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideverket.activity.models import Event, Notification
from ideverket.network import actions
from ideverket.network.models import InspirerProfile, Participation
from ideverket.org.models import RoleAssignment

from .builders import activity, attended, profile

pytestmark = pytest.mark.django_db


def network_events():
    return Event.objects.filter(subject_type__app_label="network")


def test_an_inspirer_writes_their_own_profile(cast):
    saved = profile(cast.fresh("inspirer"), help_with="  Idéverkstäder\u200b ")
    assert saved.user == cast.inspirer
    assert saved.help_with == "Idéverkstäder"
    event = network_events().get()
    assert event.verb == Event.Verb.CREATED
    assert not Notification.objects.exists()  # one's own change notifies nobody


def test_saving_again_changes_the_one_profile(cast):
    inspirer = cast.fresh("inspirer")
    profile(inspirer)
    profile(inspirer, is_available=False, contact="Drop-in tisdagar 14–15 i personalrummet.")
    saved = InspirerProfile.objects.get()
    assert not saved.is_available
    assert saved.contact.startswith("Drop-in")
    event = network_events().filter(verb=Event.Verb.EDITED).get()
    assert sorted(event.data["fields"]) == ["contact", "is_available"]


def test_the_coordinator_edits_anyones_profile_and_the_inspirer_is_told(cast):
    profile(cast.fresh("inspirer"), actor=cast.fresh("coordinator"))
    assert Notification.objects.get().recipient == cast.inspirer


@pytest.mark.parametrize(
    "who", ["employee", "colleague", "manager", "lead", "director", "admin", "outsider"]
)
def test_nobody_else_edits_an_inspirers_profile(cast, who):
    with pytest.raises(PermissionDenied):
        profile(cast.fresh("inspirer"), actor=cast.fresh(who))
    assert not InspirerProfile.objects.exists()


def test_only_inspirers_have_profiles(cast):
    with pytest.raises(ValidationError):
        profile(cast.fresh("employee"), actor=cast.fresh("coordinator"))
    with pytest.raises(PermissionDenied):
        profile(cast.fresh("employee"))


def test_the_coordinator_organises_for_the_whole_network(cast):
    made = activity(cast.fresh("coordinator"), title="  Nätverksträff  ")
    assert made.title == "Nätverksträff"
    assert made.department is None and made.organiser == cast.coordinator
    assert network_events().get(verb=Event.Verb.CREATED).data["title"] == "Nätverksträff"


def test_a_lead_organises_only_for_their_department(cast):
    lead = cast.fresh("lead")
    made = activity(lead, department=cast.education)
    assert made.department == cast.education
    for department in (None, cast.social):
        with pytest.raises(ValidationError):
            activity(lead, department=department)


@pytest.mark.parametrize(
    "who", ["employee", "inspirer", "manager", "director", "admin", "outsider"]
)
def test_others_do_not_organise(cast, who):
    with pytest.raises(PermissionDenied):
        activity(cast.fresh(who), department=cast.education)


def test_an_activity_must_end_after_it_starts(cast):
    start = timezone.now()
    with pytest.raises(ValidationError):
        activity(cast.fresh("coordinator"), starts_at=start, ends_at=start - datetime.timedelta(1))


def test_editing_tells_those_signed_up_when_the_time_moves(cast):
    coordinator = cast.fresh("coordinator")
    made = activity(coordinator, days=10)
    actions.do_register(cast.fresh("employee"), made)
    actions.do_register(cast.fresh("inspirer"), made)
    actions.do_edit_activity(coordinator, made, description="Ny text.")
    assert not Notification.objects.exists()
    later = made.starts_at + datetime.timedelta(days=1)
    actions.do_edit_activity(coordinator, made, starts_at=later, ends_at=None)
    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        cast.employee.pk,
        cast.inspirer.pk,
    }


def test_only_managers_of_an_activity_edit_it(cast):
    made = activity(cast.fresh("lead"), department=cast.education, days=5)
    actions.do_edit_activity(cast.fresh("coordinator"), made, title="Workshop")
    with pytest.raises(PermissionDenied):
        actions.do_edit_activity(cast.fresh("social_lead"), made, title="Annat")
    with pytest.raises(PermissionDenied):
        actions.do_edit_activity(cast.fresh("inspirer"), made, title="Annat")


def test_register_and_unregister_before_the_start(cast):
    made = activity(cast.fresh("coordinator"), days=3)
    employee = cast.fresh("employee")
    actions.do_register(employee, made)
    actions.do_register(employee, made)  # twice is once
    assert Participation.objects.get().registered
    assert actions.do_unregister(employee, made)
    assert not Participation.objects.get().registered
    changes = list(
        network_events()
        .filter(verb=Event.Verb.EDITED)
        .order_by("pk")
        .values_list("data", flat=True)
    )
    assert [c["change"] for c in changes] == ["registered", "unregistered"]


def test_no_sign_up_once_started(cast):
    made = activity(cast.fresh("coordinator"), days=-1)
    with pytest.raises(ValidationError):
        actions.do_register(cast.fresh("employee"), made)


def test_attendance_is_set_exactly(cast):
    coordinator = cast.fresh("coordinator")
    made = activity(coordinator, days=2)
    actions.do_register(cast.fresh("employee"), made)
    made.starts_at = timezone.now() - datetime.timedelta(hours=1)
    made.ends_at = None
    made.save()
    attended(coordinator, made, cast.inspirer, cast.employee)
    assert set(Participation.objects.filter(attended=True).values_list("user", flat=True)) == {
        cast.inspirer.pk,
        cast.employee.pk,
    }
    attended(coordinator, made, cast.inspirer)
    assert list(Participation.objects.filter(attended=True).values_list("user", flat=True)) == [
        cast.inspirer.pk
    ]
    assert Participation.objects.get(user=cast.employee).registered  # the sign-up stays


def test_attendance_only_from_the_list_and_after_the_start(cast):
    coordinator = cast.fresh("coordinator")
    future = activity(coordinator, days=2)
    with pytest.raises(ValidationError):
        attended(coordinator, future, cast.inspirer)
    past = activity(coordinator, days=-2)
    with pytest.raises(ValidationError):  # not an inspirer, not signed up
        attended(coordinator, past, cast.outsider)
    with pytest.raises(PermissionDenied):
        attended(cast.fresh("inspirer"), past, cast.inspirer)
    assert not Participation.objects.exists()


def test_a_lead_marks_attendance_for_their_departments_activity(cast):
    made = activity(cast.fresh("coordinator"), department=cast.education, days=-1)
    attended(cast.fresh("lead"), made, cast.inspirer)
    with pytest.raises(PermissionDenied):
        attended(cast.fresh("social_lead"), made, cast.inspirer)


def test_an_inspirer_who_lost_the_role_no_longer_edits(cast):
    RoleAssignment.objects.filter(user=cast.inspirer).delete()
    with pytest.raises(PermissionDenied):
        profile(cast.fresh("inspirer"))
