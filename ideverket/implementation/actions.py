"""Every change to an implementation goes through a function here: atomic, checked, audited.

Implementations are never created on their own: an idea's "do it now" or "implement" decision
starts one (`start_implementation_from_decision`, named in `FOLLOW_UPS` in
ideverket/ideas/process.py), and the handover to the line is itself the idea's "complete"
decision.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Follow
from ideverket.ideas.process import Outcome, Stage
from ideverket.lib.text import normalize_text

from .models import FollowUp, Handover, Implementation, Milestone

MAX_FOLLOW_UPS = 12
TITLE_MAX_LENGTH = Milestone._meta.get_field("title").max_length
TEXT_MAX_LENGTH = 5000

# Shared with the forms, so a message reads the same whichever of them finds the problem.
PROGRESS_INVALID = gettext_lazy("Ange hur långt delmålet har kommit: ett heltal från 0 till 100.")
FOLLOW_UP_MISSING = gettext_lazy("Ange minst ett datum för uppföljning.")
FOLLOW_UP_BEFORE_START = gettext_lazy("Uppföljningen måste ligga efter datumet då linjen tar över.")
FOLLOW_UP_PAST = gettext_lazy("Datumet för uppföljningen har redan passerat.")


def follower_ids(idea):
    return list(Follow.objects.filter(idea=idea).values_list("user_id", flat=True))


def _date(value):
    return value.isoformat() if value else ""


def _check_length(errors, name, value, limit):
    if len(value) > limit:
        errors[name] = _("Texten är för lång: högst %(limit)s tecken.") % {"limit": limit}


def start_implementation_from_decision(user, decision):
    """Start the implementation a "do it now" or "implement" decision promised (a FOLLOW_UP,
    inside the decision's transaction): owner and receiving unit from the commitment, the plan
    from the decision's reason, resources and end date from the commitment."""
    commitment = getattr(decision, "commitment", None)
    errors = {}
    if commitment is None:
        errors["owner"] = _("Ett införande kräver en namngiven ansvarig i den mottagande enheten.")
    plan = normalize_text(decision.reason)
    if not plan:
        errors["reason"] = _("Ett införande kräver en plan.")
    if errors:
        raise ValidationError(errors)
    idea = decision.idea
    starts_on = timezone.localdate(decision.decided_at)
    ends_on = commitment.until if commitment.until and commitment.until >= starts_on else None
    implementation = Implementation.objects.create(
        idea=idea,
        decision=decision,
        owner=commitment.owner,
        receiving_unit=commitment.receiving_unit,
        plan=plan,
        starts_on=starts_on,
        ends_on=ends_on,
        hours=commitment.hours,
        kronor=commitment.kronor,
    )
    idea_actions.do_follow(commitment.owner, idea)
    record_event(
        user,
        Event.Verb.CREATED,
        implementation,
        notify=follower_ids(idea),
        change="started",
        owner=str(commitment.owner),
        unit=str(commitment.receiving_unit),
    )
    return implementation


def close_implementation_from_decision(user, decision):
    """A FOLLOW_UP for "complete": an idea completed straight from its decision page still gets
    a handover record (the owner's unit runs it from today), so the two never disagree.

    `do_handover` writes its own record before deciding, so this finds nothing then.
    """
    today = timezone.localdate()
    active = Implementation.objects.select_for_update().filter(
        idea=decision.idea, status=Implementation.Status.ACTIVE
    )
    for implementation in active:
        Handover.objects.create(
            implementation=implementation,
            line_owner_id=implementation.owner_id,
            line_unit_id=implementation.receiving_unit_id,
            runs_from=today,
            note=decision.reason,
            created_by=user,
        )
        implementation.status = Implementation.Status.HANDED_OVER
        implementation.save(update_fields=["status", "updated_at"])
        record_event(
            user, Event.Verb.EDITED, implementation, change="handed_over", runs_from=_date(today)
        )


def _locked(implementation):
    return Implementation.objects.select_for_update().get(pk=implementation.pk)


def _require_manager(user, implementation):
    if not user.has_perm("implementation.manage_implementation", implementation):
        raise PermissionDenied


@transaction.atomic
def do_edit_implementation(user, implementation, *, plan, starts_on, ends_on, seen_updated_at=None):
    """Change the plan and the dates of an active implementation."""
    _require_manager(user, implementation)
    plan = normalize_text(plan)
    errors = {}
    if not plan:
        errors["plan"] = _("Skriv planen för införandet.")
    _check_length(errors, "plan", plan, TEXT_MAX_LENGTH)
    if not starts_on:
        errors["starts_on"] = _("Ange när införandet startar.")
    elif ends_on and ends_on < starts_on:
        errors["ends_on"] = _("Införandet kan inte vara klart före det startar.")
    if errors:
        raise ValidationError(errors)
    current = _locked(implementation)
    if seen_updated_at is not None and current.updated_at != seen_updated_at:
        raise ValidationError(
            _("Införandet har ändrats av någon annan sedan du öppnade sidan. Ladda om och gör om.")
        )
    fields = {"plan": plan, "starts_on": starts_on, "ends_on": ends_on}
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    for name, value in fields.items():
        setattr(implementation, name, value)
    implementation.save(update_fields=[*fields, "updated_at"])
    record_event(user, Event.Verb.EDITED, implementation, change="plan", fields=changed)
    return implementation


def _milestone_errors(title, progress):
    errors = {}
    if not title:
        errors["title"] = _("Skriv vad delmålet är.")
    _check_length(errors, "title", title, TITLE_MAX_LENGTH)
    if progress is None or isinstance(progress, bool) or not 0 <= progress <= 100:
        errors["progress"] = PROGRESS_INVALID
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def do_add_milestone(user, implementation, *, title, due_on=None, progress=0):
    """Add a milestone at the end of the implementation's list."""
    _require_manager(user, implementation)
    title = normalize_text(title)
    _milestone_errors(title, progress)
    _locked(implementation)  # one position each, however many people add at once
    last = implementation.milestones.aggregate(last=Max("position"))["last"] or 0
    milestone = Milestone.objects.create(
        implementation=implementation,
        title=title,
        due_on=due_on,
        progress=progress,
        done_on=timezone.localdate() if progress == 100 else None,
        position=last + 1,
    )
    Implementation.objects.filter(pk=implementation.pk).update(updated_at=timezone.now())
    record_event(
        user,
        Event.Verb.EDITED,
        implementation,
        change="milestone_added",
        title=title,
        progress=progress,
    )
    return milestone


@transaction.atomic
def do_update_milestone(user, milestone, *, title, due_on, progress):
    """Change a milestone; at 100 percent it counts as done (today), below that as not done."""
    implementation = milestone.implementation
    _require_manager(user, implementation)
    title = normalize_text(title)
    _milestone_errors(title, progress)
    milestone.title, milestone.due_on, milestone.progress = title, due_on, progress
    if progress == 100 and milestone.done_on is None:
        milestone.done_on = timezone.localdate()
    elif progress < 100:
        milestone.done_on = None
    milestone.save(update_fields=["title", "due_on", "progress", "done_on"])
    Implementation.objects.filter(pk=implementation.pk).update(updated_at=timezone.now())
    record_event(
        user,
        Event.Verb.EDITED,
        implementation,
        change="milestone_done" if progress == 100 else "milestone_updated",
        title=title,
        progress=progress,
    )
    return milestone


@transaction.atomic
def do_complete_milestone(user, milestone):
    """Mark a milestone done today (100 percent)."""
    return do_update_milestone(
        user, milestone, title=milestone.title, due_on=milestone.due_on, progress=100
    )


def _handover_errors(*, line_owner, line_unit, runs_from, follow_up_dates, note):
    errors = {}
    if line_unit is None:
        errors["line_unit"] = _("Ange vilken enhet i linjen som driver det vidare.")
    elif not line_unit.is_active:
        errors["line_unit"] = _("Enheten är inte längre aktiv. Välj en annan.")
    if line_owner is None:
        errors["line_owner"] = _("Ange vem i linjen som ansvarar från och med nu.")
    elif not line_owner.is_active:
        errors["line_owner"] = _("Personen är inte längre aktiv. Välj någon annan.")
    elif line_unit is not None and not (
        (line_owner.unit is not None and line_owner.unit.is_within(line_unit))
        or line_owner.has_role_over(line_unit)
    ):
        errors["line_owner"] = _("Den ansvariga måste höra till enheten som driver det vidare.")
    if runs_from is None:
        errors["runs_from"] = _("Ange från vilket datum linjen driver det.")
    today = timezone.localdate()
    if not follow_up_dates:
        errors["follow_up_dates"] = FOLLOW_UP_MISSING
    elif len(follow_up_dates) > MAX_FOLLOW_UPS:
        errors["follow_up_dates"] = _("Högst %(count)s uppföljningar.") % {"count": MAX_FOLLOW_UPS}
    elif runs_from is not None and any(d <= runs_from for d in follow_up_dates):
        errors["follow_up_dates"] = FOLLOW_UP_BEFORE_START
    elif any(d < today for d in follow_up_dates):
        errors["follow_up_dates"] = FOLLOW_UP_PAST
    if not note:
        errors["note"] = _("Beskriv hur överlämningen har gått till och vad linjen tar över.")
    _check_length(errors, "note", note, TEXT_MAX_LENGTH)
    return errors


@transaction.atomic
def do_handover(user, implementation, *, line_owner, line_unit, runs_from, follow_up_dates, note):
    """Hand the implementation over to the line: a Handover with its follow-up dates, and the
    idea's "complete" decision (note as the reason), all in one transaction."""
    current = _locked(implementation)
    if current.status != Implementation.Status.ACTIVE:
        raise ValidationError(_("Införandet är redan överlämnat till linjen. Ladda om sidan."))
    if not user.has_perm("implementation.hand_over_implementation", implementation):
        raise PermissionDenied
    note = normalize_text(note)
    dates = sorted(set(follow_up_dates or ()))
    errors = _handover_errors(
        line_owner=line_owner,
        line_unit=line_unit,
        runs_from=runs_from,
        follow_up_dates=dates,
        note=note,
    )
    if errors:
        raise ValidationError(errors)
    handover = Handover.objects.create(
        implementation=implementation,
        line_owner=line_owner,
        line_unit=line_unit,
        runs_from=runs_from,
        note=note,
        created_by=user,
    )
    FollowUp.objects.bulk_create([FollowUp(handover=handover, due_on=d) for d in dates])
    implementation.status = Implementation.Status.HANDED_OVER
    implementation.save(update_fields=["status", "updated_at"])
    idea = implementation.idea
    idea_actions.do_follow(line_owner, idea)
    record_event(
        user,
        Event.Verb.EDITED,
        implementation,
        notify=follower_ids(idea),
        change="handed_over",
        line_owner=str(line_owner),
        line_unit=str(line_unit),
        runs_from=_date(runs_from),
        follow_ups=[_date(d) for d in dates],
    )
    idea_actions.do_decide(user, idea, Outcome.COMPLETE, seen_stage=Stage.IMPLEMENTING, reason=note)
    return handover


@transaction.atomic
def do_record_follow_up(user, follow_up, *, note=""):
    """Mark a follow-up of a handed-over implementation as done today, with a note."""
    implementation = follow_up.handover.implementation
    if not user.has_perm("implementation.follow_up_implementation", implementation):
        raise PermissionDenied
    note = normalize_text(note)
    errors = {}
    _check_length(errors, "note", note, 3000)
    if errors:
        raise ValidationError(errors)
    updated = FollowUp.objects.filter(pk=follow_up.pk, done_on__isnull=True).update(
        done_on=timezone.localdate(), note=note, done_by=user
    )
    if not updated:
        raise ValidationError(_("Uppföljningen är redan gjord."))
    follow_up.refresh_from_db()
    record_event(
        user,
        Event.Verb.EDITED,
        implementation,
        change="followed_up",
        due_on=_date(follow_up.due_on),
    )
    return follow_up


@transaction.atomic
def do_set_implementation_owner(user, implementation, owner):
    """Hand an active implementation to another person in the receiving unit."""
    if not user.has_perm("implementation.reassign_implementation", implementation):
        raise PermissionDenied
    errors = idea_actions.commitment_errors(
        {"owner": owner, "receiving_unit": implementation.receiving_unit}, with_resources=False
    )
    if owner is not None and not owner.is_active:
        errors["owner"] = _("Personen är inte längre aktiv. Välj någon annan.")
    if errors:
        raise ValidationError({"owner": errors.get("owner") or errors.get("receiving_unit")})
    if owner.pk == implementation.owner_id:
        return implementation
    implementation.owner = owner
    implementation.save(update_fields=["owner", "updated_at"])
    idea_actions.do_follow(owner, implementation.idea)
    record_event(
        user,
        Event.Verb.EDITED,
        implementation,
        notify=[owner.pk],
        change="owner",
        name=str(owner),
    )
    return implementation
