import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideverket.activity.models import Event, Notification
from ideverket.ideas import actions
from ideverket.ideas.models import Commitment, Decision, Follow, Idea, Support
from ideverket.ideas.process import Outcome, Stage


def future():
    """120 days from today, read when the test runs (not when this module is imported)."""
    return timezone.localdate() + datetime.timedelta(days=120)


def new_idea(cast, user=None, **kwargs):
    fields = {
        "title": "Digital närvarolista",
        "problem": "Lärarna för närvaro på papper.",
        "proposal": "En enkel app i skolans system.",
        "owner_unit": cast.school,
    }
    fields.update(kwargs)
    return actions.do_create_idea(user or cast.employee, **fields)


def gate(cast, **overrides):
    commitment = {
        "receiving_unit": cast.school,
        "owner": cast.manager,
        "hours": 80,
        "kronor": 20000,
        "until": future(),
        "success_criteria": "Halverad tid för närvaro.",
    }
    commitment.update(overrides)
    return commitment


def taken(cast, idea):
    actions.do_decide(cast.fresh("lead"), idea, Outcome.TAKE, seen_stage=Stage.SUBMITTED)
    idea.refresh_from_db()
    return idea


def test_create_submits_follows_and_records(cast):
    idea = new_idea(cast, co_submitters=[cast.colleague])
    assert idea.stage == Stage.SUBMITTED
    assert set(idea.submitters.values_list("pk", flat=True)) == {
        cast.employee.pk,
        cast.colleague.pk,
    }
    assert Follow.objects.filter(idea=idea).count() == 2
    verbs = list(Event.objects.for_subject(idea).values_list("verb", flat=True))
    assert verbs == [Event.Verb.CREATED, Event.Verb.SUBMITTED]


def test_text_is_normalised(cast):
    idea = new_idea(cast, title="  A\u030angest\u202e\x00 ", problem="p")
    assert idea.title == "Ångest"
    assert "ångest" in idea.search_text


def test_draft_then_submit(cast):
    idea = new_idea(cast, submit=False)
    assert idea.stage == Stage.DRAFT and idea.submitted_at is None
    with pytest.raises(PermissionDenied):
        actions.do_submit_idea(cast.colleague, idea)
    actions.do_submit_idea(cast.employee, idea)
    idea.refresh_from_db()
    assert idea.stage == Stage.SUBMITTED and idea.submitted_at is not None


def test_take_sets_handler_and_notifies_submitter(cast):
    idea = taken(cast, new_idea(cast))
    assert idea.stage == Stage.IN_ASSESSMENT
    assert idea.handler == cast.lead
    assert Notification.objects.filter(
        recipient=cast.employee, event__verb=Event.Verb.DECIDED
    ).exists()
    assert not Notification.objects.filter(recipient=cast.lead).exists()


def test_test_decision_refused_without_commitment(cast):
    idea = taken(cast, new_idea(cast))
    with pytest.raises(ValidationError) as exc:
        actions.do_decide(
            cast.fresh("manager"),
            idea,
            Outcome.TEST,
            seen_stage=Stage.IN_ASSESSMENT,
            reason="Lovande",
        )
    errors = exc.value.message_dict
    assert set(errors) >= {"receiving_unit", "owner", "hours", "until", "success_criteria"}
    idea.refresh_from_db()
    assert idea.stage == Stage.IN_ASSESSMENT
    assert Decision.objects.filter(idea=idea, outcome=Outcome.TEST).count() == 0


def test_test_decision_refused_when_owner_outside_receiving_unit(cast):
    idea = taken(cast, new_idea(cast))
    with pytest.raises(ValidationError) as exc:
        actions.do_decide(
            cast.fresh("manager"),
            idea,
            Outcome.TEST,
            seen_stage=Stage.IN_ASSESSMENT,
            reason="Lovande",
            commitment=gate(cast, owner=cast.outsider),
        )
    assert "owner" in exc.value.message_dict


def test_test_decision_with_commitment(cast):
    idea = taken(cast, new_idea(cast))
    decision = actions.do_decide(
        cast.fresh("manager"),
        idea,
        Outcome.TEST,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Lovande",
        commitment=gate(cast),
    )
    idea.refresh_from_db()
    assert idea.stage == Stage.TRIAL
    commitment = Commitment.objects.get(decision=decision)
    assert commitment.owner == cast.manager and commitment.hours == 80


def test_two_deciders_at_once_leave_one_decision(cast):
    idea = taken(cast, new_idea(cast))
    stale_copy = Idea.objects.get(pk=idea.pk)
    actions.do_decide(
        cast.fresh("manager"), idea, Outcome.DECLINE, seen_stage=Stage.IN_ASSESSMENT, reason="Nej"
    )
    with pytest.raises(actions.StaleDecision) as exc:
        actions.do_decide(
            cast.fresh("lead"),
            stale_copy,
            Outcome.PARK,
            seen_stage=Stage.IN_ASSESSMENT,
            reason="Senare",
            revisit_on=future(),
        )
    assert "Maja Chef" in exc.value.messages[0]
    assert Decision.objects.filter(idea=idea).exclude(outcome=Outcome.TAKE).count() == 1


def test_stage_cannot_be_skipped(cast):
    idea = new_idea(cast)
    with pytest.raises(ValidationError):
        actions.do_decide(
            cast.fresh("lead"), idea, Outcome.COMPLETE, seen_stage=Stage.SUBMITTED, reason="x"
        )


def test_park_needs_future_date(cast):
    idea = taken(cast, new_idea(cast))
    with pytest.raises(ValidationError) as exc:
        actions.do_decide(
            cast.fresh("lead"),
            idea,
            Outcome.PARK,
            seen_stage=Stage.IN_ASSESSMENT,
            reason="Senare",
            revisit_on=timezone.localdate(),
        )
    assert "revisit_on" in exc.value.message_dict


def test_hand_over_moves_ownership(cast):
    idea = new_idea(cast)
    actions.do_decide(
        cast.fresh("lead"),
        idea,
        Outcome.HAND_OVER,
        seen_stage=Stage.SUBMITTED,
        reason="Gäller hemtjänsten",
        target_unit=cast.homecare,
    )
    idea.refresh_from_db()
    assert idea.owner_unit == cast.homecare and idea.stage == Stage.SUBMITTED
    # Now the social department decides, no longer education.
    from ideverket.ideas.rules import can_decide

    assert can_decide(cast.fresh("social_lead"), idea)
    assert not can_decide(cast.fresh("lead"), idea)


def test_merge_carries_supporters_and_followers(cast):
    target = new_idea(cast, title="Närvaro i appen")
    source = new_idea(cast, title="Närvarolista digitalt", user=cast.colleague)
    actions.do_support(cast.inspirer, source)
    actions.do_support(cast.outsider, source)
    actions.do_support(cast.outsider, target)
    actions.do_decide(
        cast.fresh("lead"), source, Outcome.MERGE, seen_stage=Stage.SUBMITTED, target_idea=target
    )
    source.refresh_from_db()
    target.refresh_from_db()
    assert source.stage == Stage.MERGED and source.merged_into == target
    assert set(Support.objects.filter(idea=target).values_list("user_id", flat=True)) == {
        cast.inspirer.pk,
        cast.outsider.pk,
    }
    assert target.support_count == 2
    assert Follow.objects.filter(idea=target, user=cast.colleague).exists()


def test_decline_shows_reason_to_submitter(cast):
    idea = new_idea(cast)
    actions.do_decide(
        cast.fresh("manager"),
        idea,
        Outcome.DECLINE,
        seen_stage=Stage.SUBMITTED,
        reason="Finns redan",
    )
    event = Notification.objects.get(recipient=cast.employee, event__verb=Event.Verb.DECIDED).event
    assert event.data["reason"] == "Finns redan"


@pytest.mark.parametrize(
    "persona",
    ["employee", "colleague", "inspirer", "outsider", "social_lead", "hr_person", "admin"],
)
def test_non_deciders_refused(cast, persona):
    idea = new_idea(cast)
    with pytest.raises(PermissionDenied):
        actions.do_decide(cast.fresh(persona), idea, Outcome.TAKE, seen_stage=Stage.SUBMITTED)


def test_support_once_and_comment(cast):
    idea = new_idea(cast)
    assert actions.do_support(cast.colleague, idea) is True
    assert actions.do_support(cast.colleague, idea) is False
    idea.refresh_from_db()
    assert idea.support_count == 1
    actions.do_comment(cast.colleague, idea, "Bra idé!")
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert Notification.objects.filter(
        recipient=cast.employee, event__verb=Event.Verb.COMMENTED
    ).exists()
    with pytest.raises(ValidationError):
        actions.do_comment(cast.colleague, idea, "   \u200b ".strip())
    assert actions.do_unsupport(cast.colleague, idea) is True
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_edit_refused_after_assessment_starts(cast):
    idea = new_idea(cast)
    actions.do_edit_idea(cast.employee, idea, title="Ny rubrik")
    taken(cast, idea)
    with pytest.raises(PermissionDenied):
        actions.do_edit_idea(cast.employee, idea, title="För sent")


def test_stale_edit_refused(cast):
    idea = new_idea(cast)
    seen = idea.updated_at
    actions.do_edit_idea(cast.employee, Idea.objects.get(pk=idea.pk), title="Först")
    with pytest.raises(actions.StaleDecision):
        actions.do_edit_idea(
            cast.employee, Idea.objects.get(pk=idea.pk), seen_updated_at=seen, title="Sen"
        )
    assert Idea.objects.get(pk=idea.pk).title == "Först"


def test_full_journey_to_spread(cast):
    manager = cast.fresh("manager")
    idea = taken(cast, new_idea(cast))
    actions.do_decide(
        manager,
        idea,
        Outcome.TEST,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Testa",
        commitment=gate(cast),
    )
    actions.do_decide(
        manager, idea, Outcome.EVALUATE, seen_stage=Stage.TRIAL, reason="Kriterierna uppfyllda"
    )
    with pytest.raises(ValidationError):
        actions.do_decide(
            manager, idea, Outcome.IMPLEMENT, seen_stage=Stage.EVALUATED, reason="Inför"
        )
    actions.do_decide(
        manager,
        idea,
        Outcome.IMPLEMENT,
        seen_stage=Stage.EVALUATED,
        reason="Inför",
        commitment=gate(cast),
    )
    actions.do_decide(manager, idea, Outcome.COMPLETE, seen_stage=Stage.IMPLEMENTING, reason="Klar")
    actions.do_decide(
        manager, idea, Outcome.SPREAD, seen_stage=Stage.IMPLEMENTED, reason="Två skolor till"
    )
    idea.refresh_from_db()
    assert idea.stage == Stage.SPREAD
    assert idea.decisions.count() == 6
