"""Every change to the self-assessment: atomic, permission-checked; the coordinator's audited.

Answers are deliberately not written to the timeline: an event saying who answered when, next
to averages that move, would help anyone work out who answered what.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.goals.models import Period
from ideverket.lib.text import normalize_text

from .models import SCALE, Answer, Question, Response, Round, RoundQuestion
from .rules import can_answer, department_id_of, is_coordinator


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied


# -- the question set -------------------------------------------------------------------------
@transaction.atomic
def do_create_question(user, *, dimension, text):
    """Add a statement last in its dimension."""
    _require_coordinator(user)
    last = Question.objects.filter(dimension=dimension).aggregate(last=Max("order"))["last"]
    question = Question(
        dimension=dimension, text=normalize_text(text), order=0 if last is None else last + 1
    )
    question.full_clean()
    question.save()
    record_event(user, Event.Verb.CREATED, question, text=question.text[:300])
    return question


@transaction.atomic
def do_edit_question(user, question, *, text, dimension, is_active):
    """Change a statement's text, dimension or use; rounds already opened keep their copy."""
    _require_coordinator(user)
    before = {"text": question.text, "dimension": question.dimension.name}
    moved = dimension.pk != question.dimension_id
    question.text = normalize_text(text)
    question.dimension = dimension
    question.is_active = is_active
    if moved:
        last = Question.objects.filter(dimension=dimension).aggregate(last=Max("order"))["last"]
        question.order = 0 if last is None else last + 1
    question.full_clean()
    question.save()
    record_event(
        user,
        Event.Verb.EDITED,
        question,
        change="question_edited",
        old_text=before["text"][:300],
        text=question.text[:300],
        old_dimension=before["dimension"],
        dimension=dimension.name,
        is_active=is_active,
    )
    return question


@transaction.atomic
def do_move_question(user, question, direction):
    """Move a statement one step "up" or "down" within its dimension."""
    _require_coordinator(user)
    if direction not in ("up", "down"):
        raise ValidationError(_("Okänd riktning."))
    siblings = list(
        Question.objects.select_for_update().filter(dimension_id=question.dimension_id).in_order()
    )
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.order = position
    Question.objects.bulk_update(siblings, ["order"])
    record_event(user, Event.Verb.EDITED, question, change="question_moved", direction=direction)


# -- rounds -----------------------------------------------------------------------------------
@transaction.atomic
def do_create_round(user, *, year, opens_on, closes_on):
    """Prepare a year's round (a draft); it asks nothing until it is opened."""
    _require_coordinator(user)
    if Round.objects.filter(year=year).exists():
        raise ValidationError(
            {"year": _("Det finns redan en omgång för %(year)s.") % {"year": year}}
        )
    round = Round(
        year=year,
        period=Period.for_year(year),
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=user,
    )
    round.full_clean()
    round.save()
    record_event(user, Event.Verb.CREATED, round, year=year)
    return round


@transaction.atomic
def do_open_round(user, round):
    """Open a draft round: copy the active statements into it (the snapshot) and take answers."""
    _require_coordinator(user)
    round = Round.objects.select_for_update().get(pk=round.pk)
    if round.status != Round.Status.DRAFT:
        raise ValidationError(_("Bara en omgång i förberedelse kan öppnas."))
    if Round.objects.open().exists():
        raise ValidationError(_("En annan omgång är redan öppen. Stäng den först."))
    if round.closes_on < timezone.localdate():
        raise ValidationError(_("Stängningsdagen har redan passerat. Ändra datumen först."))
    questions = list(Question.objects.active().in_order())
    if not questions:
        raise ValidationError(_("Det finns inga påståenden som används."))
    RoundQuestion.objects.bulk_create(
        RoundQuestion(
            round=round, question=q, dimension_id=q.dimension_id, text=q.text, order=position
        )
        for position, q in enumerate(questions)
    )
    round.status = Round.Status.OPEN
    round.opened_at = timezone.now()
    try:
        with transaction.atomic():
            round.save(update_fields=["status", "opened_at"])
    except IntegrityError:
        raise ValidationError(_("En annan omgång är redan öppen. Stäng den först.")) from None
    record_event(user, Event.Verb.EDITED, round, change="round_opened", questions=len(questions))
    return round


@transaction.atomic
def do_close_round(user, round):
    """Close an open round: no more answers; its results become visible."""
    _require_coordinator(user)
    round = Round.objects.select_for_update().get(pk=round.pk)
    if round.status != Round.Status.OPEN:
        raise ValidationError(_("Bara en öppen omgång kan stängas."))
    round.status = Round.Status.CLOSED
    round.closed_at = timezone.now()
    round.save(update_fields=["status", "closed_at"])
    record_event(
        user,
        Event.Verb.EDITED,
        round,
        change="round_closed",
        responses=round.responses.count(),
    )
    return round


# -- answering --------------------------------------------------------------------------------
def answer_errors(round_question_ids, answers):
    """{round_question_id: message} for what is missing or off the scale in `answers`."""
    errors = {}
    for pk in round_question_ids:
        if pk not in answers:
            errors[pk] = _("Välj ett svar på påståendet, eller Vet inte.")
        elif answers[pk] is not None and answers[pk] not in SCALE:
            errors[pk] = _("Välj ett av svaren 1–5 eller Vet inte.")
    return errors


@transaction.atomic
def do_submit_response(user, round, answers):
    """Save (or change) the user's answers in `round`: {round_question_id: 1–5 or None}.

    Every statement of the round must be answered (None is "vet inte"), and only those. One
    response per person and round: a second submit, also a concurrent one, changes the first.
    The department is the person's when they first answered.
    """
    round = Round.objects.select_for_update().get(pk=round.pk)
    if not round.accepts_answers():
        raise ValidationError(_("Omgången är stängd och tar inte emot fler svar."))
    if not can_answer(user, round):
        raise PermissionDenied
    ids = set(round.questions.values_list("pk", flat=True))
    if set(answers) - ids:
        raise ValidationError(_("Svaren hör inte till den här omgången."))
    errors = answer_errors(ids, answers)
    if errors:
        raise ValidationError(_("Alla påståenden behöver ett svar."))
    now = timezone.now()
    try:
        with transaction.atomic():
            response, created = Response.objects.get_or_create(
                round=round,
                respondent=user,
                defaults={
                    "department_id": department_id_of(user),
                    "submitted_at": now,
                    "updated_at": now,
                },
            )
    except IntegrityError:
        # A concurrent submit created it between our look and our insert: change that one.
        response, created = Response.objects.get(round=round, respondent=user), False
    if not created:
        response.updated_at = now
        response.save(update_fields=["updated_at"])
    Answer.objects.bulk_create(
        [Answer(response=response, round_question_id=pk, value=v) for pk, v in answers.items()],
        update_conflicts=True,
        unique_fields=["response", "round_question"],
        update_fields=["value"],
    )
    return response
