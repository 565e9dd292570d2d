"""A newly submitted idea meets its department: the assessors are told, the default handler
takes it when nobody has been named."""

from ideverket.activity.models import Event, Notification
from ideverket.departments.actions import do_update_department_settings
from ideverket.ideas import actions
from ideverket.ideas.models import Follow, Idea
from ideverket.ideas.tests.builders import new_idea


def configure(cast, **kwargs):
    return do_update_department_settings(cast.fresh("lead"), cast.education, **kwargs)


def notified(user, idea):
    return Notification.objects.filter(
        recipient=user, event__verb=Event.Verb.SUBMITTED, event__subject_id=idea.pk
    ).exists()


def test_submitting_a_draft_notifies_assessors_and_sets_the_default_handler(cast):
    configure(cast, assessors=[cast.director, cast.inspirer], default_handler=cast.lead)
    draft = new_idea(cast, submit=False)
    actions.do_submit_idea(cast.employee, draft)
    idea = Idea.objects.get(pk=draft.pk)
    assert idea.handler == cast.lead
    assert notified(cast.director, idea) and notified(cast.inspirer, idea)
    assert not notified(cast.social_lead, idea)
    # In the timeline as any handler change, after the submission; the handler follows it.
    events = list(Event.objects.for_subject(idea).order_by("pk").values_list("verb", "data"))
    assert events[-2][0] == Event.Verb.SUBMITTED
    assert events[-1] == (Event.Verb.HANDLER_SET, {"name": cast.lead.name})
    assert Follow.objects.filter(idea=idea, user=cast.lead).exists()
    assert Notification.objects.filter(
        recipient=cast.lead, event__verb=Event.Verb.HANDLER_SET
    ).exists()


def test_submitting_straight_from_the_form_does_the_same(cast):
    configure(cast, assessors=[cast.director], default_handler=cast.lead)
    idea = new_idea(cast)  # do_create_idea(submit=True), as the "Ny idé" form does
    assert Idea.objects.get(pk=idea.pk).handler == cast.lead
    assert notified(cast.director, idea)


def test_a_named_handler_is_kept(cast):
    configure(cast, default_handler=cast.lead)
    draft = new_idea(cast, submit=False)
    Idea.objects.filter(pk=draft.pk).update(handler=cast.director)
    draft.refresh_from_db()
    actions.do_submit_idea(cast.employee, draft)
    assert Idea.objects.get(pk=draft.pk).handler == cast.director
    assert not Event.objects.for_subject(draft).filter(verb=Event.Verb.HANDLER_SET).exists()


def test_other_departments_and_inactive_people_are_left_alone(cast):
    configure(cast, assessors=[cast.director], default_handler=cast.lead)
    other = new_idea(cast, owner_unit=cast.homecare, user=cast.outsider)
    assert Idea.objects.get(pk=other.pk).handler is None
    assert not notified(cast.director, other)

    cast.lead.is_active = False
    cast.lead.save(update_fields=["is_active"])
    cast.director.is_active = False
    cast.director.save(update_fields=["is_active"])
    idea = new_idea(cast)
    assert Idea.objects.get(pk=idea.pk).handler is None
    assert not notified(cast.director, idea)


def test_without_settings_nothing_changes(cast):
    idea = new_idea(cast)
    assert Idea.objects.get(pk=idea.pk).handler is None
    assert set(
        Notification.objects.filter(event__subject_id=idea.pk).values_list(
            "recipient_id", flat=True
        )
    ) <= {cast.employee.pk}


def test_the_submitter_is_not_told_of_their_own_idea(cast):
    configure(cast, assessors=[cast.employee])
    idea = new_idea(cast)
    assert not notified(cast.employee, idea)
