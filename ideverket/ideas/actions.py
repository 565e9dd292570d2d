"""Every change to an idea goes through a function here: atomic, permission-checked, audited."""

from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.departments.actions import department_intake
from ideverket.lib.text import normalize_text
from ideverket.org.models import Unit
from ideverket.webhooks import dispatch as webhooks_dispatch

from .models import Comment, Commitment, Decision, Follow, Idea, Support
from .process import FOLLOW_UPS, REQUIREMENTS, Needs, Outcome, Stage, next_stage
from .rules import can_decide


class StaleDecision(ValidationError):
    """Someone else moved the idea after the decider loaded the page."""


def _follower_ids(idea):
    return list(Follow.objects.filter(idea=idea).values_list("user_id", flat=True))


def _follow(idea, user_ids):
    existing = set(
        Follow.objects.filter(idea=idea, user_id__in=user_ids).values_list("user_id", flat=True)
    )
    Follow.objects.bulk_create(
        [Follow(idea=idea, user_id=uid) for uid in user_ids if uid not in existing]
    )


def _clean_texts(fields, names):
    for name in names:
        if name in fields:
            fields[name] = normalize_text(fields[name])


IDEA_TEXT_FIELDS = ("title", "problem", "proposal", "benefit")


@transaction.atomic
def do_create_idea(
    user,
    *,
    title,
    problem,
    proposal,
    owner_unit,
    benefit="",
    challenge=None,
    themes=(),
    co_submitters=(),
    visibility=Idea.Visibility.OPEN,
    looking_for_partners=False,
    submit=True,
):
    """Create an idea (as a draft or submitted); its submitters follow it from the start."""
    fields = {"title": title, "problem": problem, "proposal": proposal, "benefit": benefit}
    _clean_texts(fields, IDEA_TEXT_FIELDS)
    now = timezone.now()
    idea = Idea(
        **fields,
        owner_unit=owner_unit,
        challenge=challenge,
        visibility=visibility,
        looking_for_partners=looking_for_partners,
        created_by=user,
        stage=Stage.SUBMITTED if submit else Stage.DRAFT,
        submitted_at=now if submit else None,
        stage_changed_at=now,
    )
    idea.refresh_search_text()
    idea.save()
    submitter_ids = [user.pk, *(u.pk for u in co_submitters if u.pk != user.pk)]
    idea.submitters.add(*submitter_ids)
    idea.themes.set(themes)
    _follow(idea, submitter_ids)
    record_event(user, Event.Verb.CREATED, idea, title=idea.title)
    if submit:
        intake = department_intake(idea)
        record_event(
            user, Event.Verb.SUBMITTED, idea, notify=[*submitter_ids, *intake.assessor_ids]
        )
        intake.assign_default_handler(idea)
    return idea


@transaction.atomic
def do_edit_idea(user, idea, *, seen_updated_at=None, themes=None, co_submitters=None, **changes):
    """Change an idea's text and details; refused once assessment has started or if stale."""
    if not user.has_perm("ideas.edit_idea", idea):
        raise PermissionDenied
    _clean_texts(changes, IDEA_TEXT_FIELDS)
    current = Idea.objects.select_for_update().get(pk=idea.pk)
    if seen_updated_at is not None and current.updated_at != seen_updated_at:
        raise StaleDecision(
            _(
                "Idén har ändrats av någon annan sedan du öppnade den. Ladda om sidan och gör om ändringen."
            )
        )
    changed = sorted(name for name, value in changes.items() if getattr(idea, name) != value)
    for name, value in changes.items():
        setattr(idea, name, value)
    idea.refresh_search_text()
    idea.save()
    if themes is not None:
        idea.themes.set(themes)
    if co_submitters is not None:
        submitter_ids = {user.pk, *(u.pk for u in co_submitters)}
        idea.submitters.set(submitter_ids)
        _follow(idea, submitter_ids)
        idea.__dict__.pop("submitter_ids", None)
    record_event(user, Event.Verb.EDITED, idea, fields=changed)
    return idea


@transaction.atomic
def do_submit_idea(user, idea):
    """Send a draft in for assessment."""
    if not user.has_perm("ideas.submit_idea", idea):
        raise PermissionDenied
    now = timezone.now()
    updated = Idea.objects.filter(pk=idea.pk, stage=Stage.DRAFT).update(
        stage=Stage.SUBMITTED,
        submitted_at=now,
        stage_changed_at=now,
        updated_at=now,
    )
    if not updated:
        raise StaleDecision(_("Idén är redan inskickad."))
    idea.stage, idea.submitted_at, idea.stage_changed_at = Stage.SUBMITTED, now, now
    # The department's assessors hear of it; its default handler takes it when nobody has.
    intake = department_intake(idea)
    record_event(
        user, Event.Verb.SUBMITTED, idea, notify=[*_follower_ids(idea), *intake.assessor_ids]
    )
    intake.assign_default_handler(idea)
    return idea


def commitment_errors(commitment, *, with_resources=True):
    """Field errors for a receiving unit's commitment (the resource gate), {} when it holds.

    Shared by every decision that needs one: an idea's test or implementation, a project gate.
    """
    commitment = commitment or {}
    errors = {}
    owner, receiving_unit = commitment.get("owner"), commitment.get("receiving_unit")
    if not receiving_unit:
        errors["receiving_unit"] = _("Ange den mottagande enhet som tar över resultatet.")
    if not owner:
        errors["owner"] = _("Ange en namngiven ansvarig hos mottagaren.")
    elif receiving_unit and not (
        (owner.unit is not None and owner.unit.is_within(receiving_unit))
        or owner.has_role_over(receiving_unit)
    ):
        errors["owner"] = _("Den ansvariga måste höra till den mottagande enheten.")
    if with_resources:
        if commitment.get("hours") is None and commitment.get("kronor") is None:
            errors["hours"] = _(
                "Skriv in de resurser mottagaren avsätter: timmar, kronor eller båda."
            )
        if not commitment.get("until"):
            errors["until"] = _("Ange hur länge resurserna är avsatta.")
        elif commitment["until"] < timezone.localdate():
            errors["until"] = _("Datumet har redan passerat.")
        if not normalize_text(commitment.get("success_criteria", "")):
            errors["success_criteria"] = _(
                "Skriv framgångskriterierna: hur vet ni att det lyckades?"
            )
    return errors


def _require(outcome, *, reason, revisit_on, target_unit, target_idea, commitment, idea):
    """Check that the decision carries what its outcome needs; raise field-level errors."""
    required = REQUIREMENTS[outcome]
    errors = {}
    if Needs.REASON in required and not reason:
        errors["reason"] = _("Skriv en motivering.")
    if Needs.REVISIT_DATE in required:
        if not revisit_on:
            errors["revisit_on"] = _("Ange när idén ska tas upp igen.")
        elif revisit_on <= timezone.localdate():
            errors["revisit_on"] = _("Datumet måste ligga framåt i tiden.")
    if Needs.TARGET_UNIT in required:
        if target_unit is None:
            errors["target_unit"] = _("Välj den enhet som ska ta över idén.")
        elif target_unit.pk == idea.owner_unit_id:
            errors["target_unit"] = _("Idén ägs redan av den enheten. Välj en annan enhet.")
    if Needs.TARGET_IDEA in required:
        if target_idea is None:
            errors["target_idea"] = _("Välj den idé som idén ska slås samman med.")
        elif target_idea.pk == idea.pk:
            errors["target_idea"] = _("En idé kan inte slås samman med sig själv.")
        elif target_idea.stage in (Stage.DRAFT, Stage.MERGED):
            errors["target_idea"] = _("Den idén går inte att slå samman med.")
    if Needs.OWNER in required or Needs.COMMITMENT in required:
        errors.update(commitment_errors(commitment, with_resources=Needs.COMMITMENT in required))
    if errors:
        raise ValidationError(errors)


def stale_message(idea):
    """Tell a decider who moved the idea first, and when."""
    latest = idea.decisions.select_related("decided_by").first()
    if latest is None:
        return _("Idén har ändrats sedan du öppnade sidan. Ladda om sidan.")
    return _("%(who)s har redan beslutat ”%(what)s” %(when)s. Ladda om sidan.") % {
        "who": latest.decided_by,
        "what": latest.get_outcome_display(),
        "when": formats.date_format(timezone.localtime(latest.decided_at), "DATETIME_FORMAT"),
    }


@transaction.atomic
def do_decide(
    user,
    idea,
    outcome,
    *,
    seen_stage,
    reason="",
    revisit_on=None,
    target_unit=None,
    target_idea=None,
    commitment=None,
):
    """Take a decision on an idea: one Decision, one Event, notifications, in one transaction.

    The update is conditional on the stage the decider saw, so of two people deciding at the
    same moment exactly one succeeds; the other is told who was first.
    """
    if not can_decide(user, idea):
        raise PermissionDenied
    outcome = Outcome(outcome)
    to_stage = next_stage(seen_stage, outcome)
    if to_stage is None:
        raise ValidationError(_("Det beslutet går inte att ta i idéns nuvarande steg."))
    reason = normalize_text(reason)
    _require(
        outcome,
        reason=reason,
        revisit_on=revisit_on,
        target_unit=target_unit,
        target_idea=target_idea,
        commitment=commitment,
        idea=idea,
    )

    now = timezone.now()
    entered_at = idea.stage_changed_at or idea.submitted_at
    changes = {"stage": to_stage, "stage_changed_at": now, "updated_at": now}
    if outcome == Outcome.TAKE and idea.handler_id is None:
        changes["handler"] = user
    if outcome == Outcome.PARK:
        changes["revisit_on"] = revisit_on
    if outcome == Outcome.REOPEN:
        changes["revisit_on"] = None
    if outcome == Outcome.HAND_OVER:
        changes["owner_unit"] = target_unit
        changes["handler"] = None
    if outcome == Outcome.MERGE:
        changes["merged_into"] = target_idea

    updated = Idea.objects.filter(pk=idea.pk, stage=seen_stage).update(**changes)
    if not updated:
        raise StaleDecision(stale_message(idea))
    for name, value in changes.items():
        setattr(idea, name, value)

    decision = Decision.objects.create(
        idea=idea,
        outcome=outcome,
        from_stage=seen_stage,
        to_stage=to_stage,
        stage_entered_at=entered_at,
        decided_by=user,
        reason=reason,
        revisit_on=revisit_on if outcome == Outcome.PARK else None,
        target_unit=target_unit if outcome == Outcome.HAND_OVER else None,
        target_idea=target_idea if outcome == Outcome.MERGE else None,
    )
    if commitment and commitment.get("receiving_unit"):
        Commitment.objects.create(
            decision=decision,
            receiving_unit=commitment["receiving_unit"],
            owner=commitment["owner"],
            hours=commitment.get("hours"),
            kronor=commitment.get("kronor"),
            until=commitment.get("until"),
            success_criteria=normalize_text(commitment.get("success_criteria", "")),
        )
    if outcome == Outcome.MERGE:
        _carry_over(idea, target_idea, user)
    for path in FOLLOW_UPS.get(outcome, ()):
        import_string(path)(user, decision)
    record_event(
        user,
        Event.Verb.DECIDED,
        idea,
        notify=_follower_ids(idea),
        decision_id=decision.pk,
        outcome=str(outcome),
        from_stage=str(seen_stage),
        to_stage=str(to_stage),
        reason=reason,
    )
    webhooks_dispatch.queue(
        "idea.decided",
        partial(_decided_payload, idea, decision),
        partial(_department_id, idea.owner_unit_id),
        restricted=idea.is_restricted,
    )
    return decision


def _decided_payload(idea, decision):
    """What a webhook receiver is told about a decision (built only if someone listens)."""
    unit = Unit.objects.select_related("department").get(pk=idea.owner_unit_id)
    with translation.override(settings.LANGUAGE_CODE):  # one language for every receiver
        return {
            "idea": {
                "id": idea.pk,
                "title": idea.title,
                "stage": str(decision.to_stage),
                "stage_label": str(Stage(decision.to_stage).label),
                "url": settings.SITE_URL + idea.get_absolute_url(),
                "unit": unit.name,
                "department": unit.department.name if unit.department else "",
                "restricted": idea.is_restricted,
            },
            "decision": {
                "id": decision.pk,
                "outcome": str(decision.outcome),
                "outcome_label": str(Outcome(decision.outcome).label),
                "from_stage": str(decision.from_stage),
                "decided_by": decision.decided_by.name if decision.decided_by else "",
                "decided_at": decision.decided_at.isoformat(),
                "reason": decision.reason,
            },
        }


def _department_id(unit_id):
    return Unit.objects.filter(pk=unit_id).values_list("department_id", flat=True).first()


def _carry_over(source, target, user):
    """Move supporters and followers of a merged idea to the idea it joined."""
    target_supporters = set(Support.objects.filter(idea=target).values_list("user_id", flat=True))
    moved = Support.objects.filter(idea=source).exclude(user_id__in=target_supporters)
    moved_count = moved.count()
    Support.objects.bulk_create(
        [Support(idea=target, user_id=uid) for uid in moved.values_list("user_id", flat=True)]
    )
    Idea.objects.filter(pk=target.pk).update(support_count=F("support_count") + moved_count)
    _follow(target, list(Follow.objects.filter(idea=source).values_list("user_id", flat=True)))
    record_event(
        user,
        Event.Verb.MERGED_IN,
        target,
        notify=_follower_ids(target),
        merged_id=source.pk,  # no title: the merged idea may be restricted, this one open
    )


@transaction.atomic
def do_comment(user, idea, body):
    """Comment on an idea; followers are notified and the commenter starts following."""
    if not user.has_perm("ideas.comment_idea", idea):
        raise PermissionDenied
    body = normalize_text(body)
    if not body:
        raise ValidationError({"body": _("Skriv något i kommentaren.")})
    comment = Comment.objects.create(idea=idea, author=user, body=body)
    Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    notify = _follower_ids(idea)
    _follow(idea, [user.pk])
    record_event(user, Event.Verb.COMMENTED, idea, notify=notify, comment_id=comment.pk)
    return comment


@transaction.atomic
def do_support(user, idea):
    """Support an idea once; supporting twice changes nothing. Returns True if it was new."""
    if not user.has_perm("ideas.support_idea", idea):
        raise PermissionDenied
    try:
        with transaction.atomic():
            Support.objects.create(idea=idea, user=user)
    except IntegrityError:
        return False
    Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    record_event(user, Event.Verb.SUPPORTED, idea)
    return True


@transaction.atomic
def do_unsupport(user, idea):
    """Take one's support back. Returns True if there was support to remove."""
    deleted, _rows = Support.objects.filter(idea=idea, user=user).delete()
    if not deleted:
        return False
    Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    record_event(user, Event.Verb.UNSUPPORTED, idea)
    return True


@transaction.atomic
def do_follow(user, idea):
    if not user.has_perm("ideas.follow_idea", idea):
        raise PermissionDenied
    _follow(idea, [user.pk])


@transaction.atomic
def do_unfollow(user, idea):
    Follow.objects.filter(idea=idea, user=user).delete()


@transaction.atomic
def do_set_handler(user, idea, handler):
    """Assign (or clear) the person handling an idea; only deciders may, once it is submitted."""
    if not user.has_perm("ideas.assign_idea", idea):
        raise PermissionDenied
    Idea.objects.filter(pk=idea.pk).update(handler=handler, updated_at=timezone.now())
    idea.handler = handler
    if handler is not None:
        _follow(idea, [handler.pk])
    record_event(
        user,
        Event.Verb.HANDLER_SET,
        idea,
        notify=[handler.pk] if handler else (),
        name=str(handler) if handler else "",
    )


@transaction.atomic
def do_set_coach(user, idea, coach):
    """Set the idea inspirer coaching an idea: deciders choose anyone, an inspirer themself."""
    allowed = user.has_perm("ideas.assign_idea", idea) or (
        user.has_perm("ideas.coach_idea", idea) and coach is not None and coach.pk == user.pk
    )
    if not allowed:
        raise PermissionDenied
    Idea.objects.filter(pk=idea.pk).update(coach=coach, updated_at=timezone.now())
    idea.coach = coach
    if coach is not None:
        _follow(idea, [coach.pk])
    record_event(
        user,
        Event.Verb.COACH_SET,
        idea,
        notify=[*idea.submitter_ids, *([coach.pk] if coach else [])],
        name=str(coach) if coach else "",
    )
