"""Recording lessons: atomic, permission-checked, on the source's timeline."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib import subjects
from ideverket.lib.text import normalize_text

from .models import Lesson
from .rules import can_write_lesson

# activity has no verb for lessons yet; an "edited" event says what happened in its data
# ("change"), until a verb such as LESSON_RECORDED is added there.
LESSON_VERB = Event.Verb.EDITED
TITLE_MAX = Lesson._meta.get_field("title").max_length


def _department_of(unit):
    ids = unit.ancestor_ids
    return ids[1] if len(ids) >= 2 else None


@transaction.atomic
def do_record_lesson(user, *, subject, title, text, unit, outcome=Lesson.Outcome.PARTLY):
    """Record what was learned from `subject`; `unit` None means the subject's own unit."""
    if not can_write_lesson(user, subject):
        raise PermissionDenied
    kind = subjects.kind_of(subject)
    unit = unit or kind.unit_of(subject)
    lesson = Lesson(
        title=normalize_text(title),
        text=normalize_text(text),
        outcome=outcome,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        unit=unit,
        department_id=_department_of(unit),
        created_by=user,
    )
    lesson.refresh_search_text()
    lesson.full_clean(exclude=["search_text"])  # derived from title and text
    lesson.save()
    record_event(
        user,
        LESSON_VERB,
        subject,
        notify=kind.followers(subject),
        change="lesson_recorded",
        lesson_id=lesson.pk,
        lesson=lesson.title,
    )
    return lesson


def record_lesson_from_decision(user, decision):
    """The idea's STOP decision carries its lessons as the reason: keep them as a Lesson.

    Meant for `ideas.process.FOLLOW_UPS[Outcome.STOP]`, called inside the decision's transaction.
    """
    idea = decision.idea
    # Stored text, so in the product's language, whatever language the decider reads.
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Lärdomar: %(title)s") % {"title": idea.title}
    return do_record_lesson(
        user,
        subject=idea,
        title=title[:TITLE_MAX],
        text=decision.reason,
        unit=None,
        outcome=Lesson.Outcome.DID_NOT_WORK,
    )
