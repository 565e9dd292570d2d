"""Actions: who may change pages and reports, what is stored, what the timeline says."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideverket.activity.models import Event, Notification
from ideverket.guidance import actions
from ideverket.guidance.models import DefectReport, PageFeedback

from .builders import a_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["employee", "lead", "manager", "admin", "outsider"])
def test_only_the_coordinator_writes_pages(cast, who):
    with pytest.raises(PermissionDenied):
        actions.do_create_guide_page(
            getattr(cast, who), title="x", slug="x", body="x", contact=cast.lead
        )
    page = a_page(cast)
    with pytest.raises(PermissionDenied):
        actions.do_edit_guide_page(getattr(cast, who), page, title="Annat")


def test_create_and_edit_are_on_the_timeline(cast):
    page = a_page(cast, published=False)
    actions.do_edit_guide_page(cast.coordinator, page, title="Ny rubrik", is_published=True)
    events = list(Event.objects.for_subject(page).timeline())
    assert [e.verb for e in events] == [Event.Verb.CREATED, Event.Verb.EDITED]
    assert events[1].data["fields"] == ["title", "is_published"]
    assert events[1].data["old_title"] == "Sidan sa-fungerar"
    assert events[1].data["is_published"] is True
    page.refresh_from_db()
    assert page.updated_by == cast.coordinator


def test_an_edit_that_changes_nothing_writes_no_event(cast):
    page = a_page(cast)
    actions.do_edit_guide_page(cast.coordinator, page, title=page.title)
    assert Event.objects.for_subject(page).count() == 1


def test_slug_rules(cast):
    a_page(cast, "forsta")
    with pytest.raises(ValidationError):
        a_page(cast, "forsta")
    with pytest.raises(ValidationError):
        a_page(cast, "tillganglighet")


def test_a_page_cannot_sit_under_itself(cast):
    top = a_page(cast, "topp")
    child = a_page(cast, "barn", parent=top)
    with pytest.raises(ValidationError):
        actions.do_edit_guide_page(cast.coordinator, top, parent=child)


def test_feedback_is_anonymous_unless_the_person_chooses(cast):
    page = a_page(cast)
    actions.do_give_feedback(cast.employee, page, helpful=True)
    actions.do_give_feedback(
        cast.employee, page, helpful=False, comment="  Oklart\u202e ", anonymous=False
    )
    anonymous, named = PageFeedback.objects.order_by("pk")
    assert anonymous.user is None
    assert named.user == cast.employee
    assert named.comment == "Oklart"
    # No timeline entry: an event with the answerer as actor would undo the anonymity.
    assert not Event.objects.filter(subject_type__model="pagefeedback").exists()


def test_feedback_refused_on_drafts_and_overlong_comments(cast):
    with pytest.raises(PermissionDenied):
        actions.do_give_feedback(None, a_page(cast, "utkast", published=False), helpful=True)
    with pytest.raises(ValidationError):
        actions.do_give_feedback(None, a_page(cast), helpful=True, comment="x" * 1001)
    assert not PageFeedback.objects.exists()


def test_defect_report_notifies_the_coordinator_and_is_handled(cast):
    report = actions.do_report_defect(None, page_url="/ideer/ny/", description="Låg kontrast")
    assert Notification.objects.filter(recipient=cast.coordinator).count() == 1
    with pytest.raises(PermissionDenied):
        actions.do_handle_defect_report(cast.lead, report, status="fixed", reply="Klart")
    with pytest.raises(ValidationError):
        actions.do_handle_defect_report(cast.coordinator, report, status="fixed", reply="")
    actions.do_handle_defect_report(cast.coordinator, report, status="fixed", reply="Ny färg.")
    report.refresh_from_db()
    assert report.status == DefectReport.Status.FIXED
    assert report.handled_by == cast.coordinator
    event = Event.objects.for_subject(report).timeline().last()
    assert event.data == {"change": "defect_handled", "old_status": "new", "status": "fixed"}
