"""Every change to a trial goes through a function here: atomic, permission-checked, audited.

Trials are never created on their own: an idea's "test" or "test again" decision starts one
(`start_trial_from_decision`, named in `FOLLOW_UPS` in ideverket/ideas/process.py), and the
evaluation is itself the idea's "evaluate" decision.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Follow
from ideverket.ideas.process import Outcome, Stage
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson
from ideverket.lib.text import normalize_text

from .models import Criterion, Trial, TrialUpdate

# A criterion per line; list markers people type ("- ", "• ", "1. ", "2) ") are dropped.
_LIST_MARKER = re.compile(r"^(?:[-–•*]|\d{1,2}[.)])\s+")
MAX_CRITERIA = 30
CRITERION_MAX_LENGTH = Criterion._meta.get_field("text").max_length
NOTE_MAX_LENGTH = 2000
TEXT_MAX_LENGTH = 5000
LESSON_TITLE_MAX_LENGTH = Lesson._meta.get_field("title").max_length

# Shared with the evaluation form, so a missing answer reads the same from either.
RESULT_REQUIRED = gettext_lazy("Ange hur det gick för kriteriet.")
SUMMARY_REQUIRED = gettext_lazy("Sammanfatta resultatet mot framgångskriterierna.")
LESSONS_REQUIRED = gettext_lazy(
    "Skriv vad ni lärde er – också det som inte gick som tänkt är värt att spara."
)


def criteria_from_text(text):
    """The success criteria written one per line, without list markers or empty lines."""
    criteria = []
    for line in normalize_text(text).splitlines():
        line = _LIST_MARKER.sub("", line.strip()).strip()
        if line:
            criteria.append(line[:CRITERION_MAX_LENGTH])
    return criteria[:MAX_CRITERIA]


def follower_ids(idea):
    return list(Follow.objects.filter(idea=idea).values_list("user_id", flat=True))


def _date(value):
    return value.isoformat() if value else ""


def start_trial_from_decision(user, decision):
    """Start the trial a test decision promised (a FOLLOW_UP, inside the decision's transaction).

    The commitment (the resource gate) gives the owner, the end date and the success criteria,
    one criterion per non-empty line. The owner starts following the idea.
    """
    commitment = getattr(decision, "commitment", None)
    if commitment is None:
        raise ValidationError(_("Ett test kräver ett åtagande från den mottagande enheten."))
    idea = decision.idea
    starts_on = timezone.localdate(decision.decided_at)
    ends_on = commitment.until
    if ends_on is not None and ends_on < starts_on:
        ends_on = starts_on
    trial = Trial.objects.create(
        idea=idea,
        decision=decision,
        owner=commitment.owner,
        status=Trial.Status.RUNNING,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    Criterion.objects.bulk_create(
        [
            Criterion(trial=trial, text=text, position=position)
            for position, text in enumerate(criteria_from_text(commitment.success_criteria), 1)
        ]
    )
    idea_actions.do_follow(commitment.owner, idea)
    record_event(
        user,
        Event.Verb.CREATED,
        trial,
        notify=follower_ids(idea),
        change="started",
        owner=str(commitment.owner),
        starts_on=_date(starts_on),
        ends_on=_date(ends_on),
        again=decision.outcome == Outcome.TEST_AGAIN,
    )
    return trial


def close_trial_from_decision(user, decision):
    """A FOLLOW_UP for "evaluate": an idea evaluated straight from its decision page closes its
    open trial too, with the decision's reason as the summary, so the two never disagree.

    `do_evaluate_trial` closes the trial itself before deciding, so this finds nothing then.
    """
    now = timezone.now()
    for trial in Trial.objects.select_for_update().filter(idea=decision.idea).open():
        trial.status = Trial.Status.EVALUATED
        trial.summary = decision.reason
        trial.evaluated_at = now
        trial.evaluated_by = user
        trial.save(
            update_fields=["status", "summary", "evaluated_at", "evaluated_by", "updated_at"]
        )
        record_event(
            user,
            Event.Verb.EDITED,
            trial,
            change="evaluated",
            **_result_counts(trial),
        )


def _result_counts(trial):
    results = list(trial.criteria.values_list("result", flat=True))
    return {
        "total": len(results),
        "met": results.count(Criterion.Result.MET),
        "partly": results.count(Criterion.Result.PARTLY),
        "not_met": results.count(Criterion.Result.NOT_MET),
    }


def _lesson_outcome(counts):
    """Did it work? All criteria met: yes; none even partly: no; otherwise partly."""
    if counts["total"] and counts["met"] == counts["total"]:
        return Lesson.Outcome.WORKED
    if counts["total"] and counts["met"] == 0 and counts["partly"] == 0:
        return Lesson.Outcome.DID_NOT_WORK
    return Lesson.Outcome.PARTLY


def _check_length(errors, name, value, limit):
    if len(value) > limit:
        errors[name] = _("Texten är för lång: högst %(limit)s tecken.") % {"limit": limit}


def _locked(trial):
    return Trial.objects.select_for_update().get(pk=trial.pk)


@transaction.atomic
def do_edit_trial(
    user,
    trial,
    *,
    hypothesis,
    plan,
    participants,
    starts_on,
    ends_on,
    seen_updated_at=None,
):
    """Change a trial's hypothesis, plan, participants and period (the people running it)."""
    if not user.has_perm("trials.manage_trial", trial):
        raise PermissionDenied
    fields = {
        "hypothesis": normalize_text(hypothesis),
        "plan": normalize_text(plan),
        "participants": normalize_text(participants),
    }
    errors = {}
    for name, value in fields.items():
        _check_length(errors, name, value, Trial._meta.get_field(name).max_length)
    if not starts_on:
        errors["starts_on"] = _("Ange när testet startar.")
    if not ends_on:
        errors["ends_on"] = _("Ange när testet slutar.")
    elif starts_on and ends_on < starts_on:
        errors["ends_on"] = _("Testet kan inte sluta före det startar.")
    if errors:
        raise ValidationError(errors)
    current = _locked(trial)
    if seen_updated_at is not None and current.updated_at != seen_updated_at:
        raise ValidationError(
            _("Testet har ändrats av någon annan sedan du öppnade sidan. Ladda om och gör om.")
        )
    if not current.is_open:
        raise ValidationError(_("Testet är redan utvärderat och kan inte ändras."))
    fields.update(starts_on=starts_on, ends_on=ends_on)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    for name, value in fields.items():
        setattr(trial, name, value)
    # A start date ahead means the trial is still being prepared.
    trial.status = (
        Trial.Status.PLANNED if starts_on > timezone.localdate() else Trial.Status.RUNNING
    )
    trial.save(update_fields=[*fields, "status", "updated_at"])
    record_event(user, Event.Verb.EDITED, trial, change="plan", fields=changed)
    return trial


@transaction.atomic
def do_report_trial(user, trial, *, text, health):
    """Write a status update (green / yellow / red and a text) while the trial runs."""
    if not user.has_perm("trials.manage_trial", trial):
        raise PermissionDenied
    text = normalize_text(text)
    errors = {}
    if not text:
        errors["text"] = _("Skriv hur testet går.")
    _check_length(errors, "text", text, 3000)
    if health not in TrialUpdate.Health.values:
        errors["health"] = _("Välj hur testet går: grönt, gult eller rött.")
    if errors:
        raise ValidationError(errors)
    update = TrialUpdate.objects.create(trial=trial, author=user, text=text, health=health)
    notify = {trial.owner_id, trial.idea.handler_id} - {None}
    record_event(
        user,
        Event.Verb.COMMENTED,
        trial,
        notify=sorted(notify),
        change="status_update",
        health=health,
        update_id=update.pk,
    )
    return update


def _already_evaluated(trial):
    who = trial.evaluated_by or _("någon annan")
    when = formats.date_format(timezone.localtime(trial.evaluated_at), "DATETIME_FORMAT")
    return _("%(who)s har redan utvärderat testet %(when)s. Ladda om sidan.") % {
        "who": who,
        "when": when,
    }


@transaction.atomic
def do_evaluate_trial(user, trial, results, summary, lessons_text):
    """Evaluate a trial: a result per criterion, a summary and the lessons learned.

    `results` maps criterion id → (result, note). In the same transaction the idea gets its
    "evaluate" decision (summary as the reason) and moves to "evaluated", where deciders choose
    implement, test again or stop. Nothing is saved unless all of it is.
    """
    current = _locked(trial)
    if not current.is_open:
        if current.evaluated_at is not None:
            raise ValidationError(_already_evaluated(current))
        raise ValidationError(_("Testet är redan utvärderat."))
    if not user.has_perm("trials.evaluate_trial", trial):
        raise PermissionDenied
    summary = normalize_text(summary)
    lessons_text = normalize_text(lessons_text)
    criteria = list(Criterion.objects.filter(trial=trial))
    errors = {}
    for criterion in criteria:
        result, note = results.get(criterion.pk, ("", ""))
        if result not in Criterion.Result.values or not result:
            errors[criterion.result_key] = RESULT_REQUIRED
        criterion.result = result or ""
        criterion.result_note = normalize_text(note)
        _check_length(errors, criterion.note_key, criterion.result_note, NOTE_MAX_LENGTH)
    if not summary:
        errors["summary"] = SUMMARY_REQUIRED
    _check_length(errors, "summary", summary, TEXT_MAX_LENGTH)
    if not lessons_text:
        errors["lessons"] = LESSONS_REQUIRED
    _check_length(errors, "lessons", lessons_text, TEXT_MAX_LENGTH)
    if errors:
        raise ValidationError(errors)

    Criterion.objects.bulk_update(criteria, ["result", "result_note"])
    trial.status = Trial.Status.EVALUATED
    trial.summary = summary
    trial.lessons = lessons_text
    trial.evaluated_at = timezone.now()
    trial.evaluated_by = user
    trial.save(
        update_fields=[
            "status",
            "summary",
            "lessons",
            "evaluated_at",
            "evaluated_by",
            "updated_at",
        ]
    )
    counts = _result_counts(trial)
    record_event(
        user,
        Event.Verb.EDITED,
        trial,
        notify=follower_ids(trial.idea),
        change="evaluated",
        **counts,
    )
    do_record_lesson(
        user,
        subject=trial,
        title=(_("Lärdomar från testet: %(title)s") % {"title": trial.idea.title})[
            :LESSON_TITLE_MAX_LENGTH
        ],
        text=lessons_text,
        unit=trial.idea.owner_unit,
        outcome=_lesson_outcome(counts),
    )
    idea_actions.do_decide(
        user, trial.idea, Outcome.EVALUATE, seen_stage=Stage.TRIAL, reason=summary
    )
    return trial


@transaction.atomic
def do_set_trial_owner(user, trial, owner):
    """Hand an open trial to another person in the receiving unit (e.g. when the owner left)."""
    if not user.has_perm("trials.reassign_trial", trial):
        raise PermissionDenied
    receiving_unit = trial.decision.commitment.receiving_unit
    errors = idea_actions.commitment_errors(
        {"owner": owner, "receiving_unit": receiving_unit}, with_resources=False
    )
    if owner is not None and not owner.is_active:
        errors["owner"] = _("Personen är inte längre aktiv. Välj någon annan.")
    if errors:
        raise ValidationError({"owner": errors.get("owner") or errors.get("receiving_unit")})
    if owner.pk == trial.owner_id:
        return trial
    trial.owner = owner
    trial.save(update_fields=["owner", "updated_at"])
    idea_actions.do_follow(owner, trial.idea)
    record_event(user, Event.Verb.EDITED, trial, notify=[owner.pk], change="owner", name=str(owner))
    return trial
