"""Who may write lessons. Views enforce this; templates only hide the buttons.

Seeing a lesson is decided by its source (`Lesson.objects.visible_to(user)`); writing one by the
source kind's `can_edit` (for an idea: its deciders, handler, coach and commitment owners).
"""

import rules

from ideverket.lib import subjects


@rules.predicate
def can_write_lesson(user, subject):
    """May record a lesson learned from `subject` (an idea, trial, project …)."""
    if subject is None or not user.is_authenticated:
        return False
    return bool(subjects.kind_of(subject).can_edit(user, subject))


rules.add_perm("lessons.add_lesson", can_write_lesson)
