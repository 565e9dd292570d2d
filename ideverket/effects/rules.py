"""Who may add effects and record measurements. Views enforce these; templates hide buttons.

Seeing an effect is decided by its subject (`Effect.objects.visible_to(user)`); changing it by
the subject kind's `can_edit` (for an idea: its deciders, handler, coach and commitment
owners). These predicates assume the subject or effect was loaded through visibility first.
"""

import rules

from ideverket.lib import subjects


@rules.predicate
def can_edit_subject(user, subject):
    """May add effects to `subject` (an idea, trial, project …)."""
    if subject is None or not user.is_authenticated:
        return False
    return bool(subjects.kind_of(subject).can_edit(user, subject))


@rules.predicate
def can_edit_effect_subject(user, effect):
    """May record measurements for `effect`: the same people who may edit its subject."""
    return can_edit_subject(user, effect.subject)


rules.add_perm("effects.add_effect", can_edit_subject)
rules.add_perm("effects.record_measurement", can_edit_effect_subject)
