"""Who may do what with an implementation. Views enforce these; templates only hide buttons.

Seeing one is decided by `Implementation.objects.visible_to(user)` (its idea's visibility);
these predicates assume it was loaded through that queryset, with its idea and owner unit.
"""

import rules

from ideverket.ideas.process import Stage
from ideverket.ideas.rules import can_decide, is_decider


@rules.predicate
def is_owner(user, implementation):
    return user.is_authenticated and user.pk == implementation.owner_id


@rules.predicate
def is_idea_decider(user, implementation):
    return is_decider(user, implementation.idea)


@rules.predicate
def is_idea_handler(user, implementation):
    return user.is_authenticated and user.pk == implementation.idea.handler_id


@rules.predicate
def is_line_owner(user, implementation):
    handover = getattr(implementation, "handover", None)
    return user.is_authenticated and handover is not None and handover.line_owner_id == user.pk


@rules.predicate
def is_active(user, implementation):
    return implementation.is_active


@rules.predicate
def is_handed_over(user, implementation):
    return not implementation.is_active


@rules.predicate
def idea_implementing(user, implementation):
    return implementation.idea.stage == Stage.IMPLEMENTING


@rules.predicate
def may_decide_on_idea(user, implementation):
    return can_decide(user, implementation.idea)


# The owner, the idea's deciders and its handler run the implementation day to day.
can_manage_implementation = is_owner | is_idea_decider | is_idea_handler

rules.add_perm("implementation.manage_implementation", can_manage_implementation & is_active)
# The handover completes the idea (a "complete" decision), so it takes a decider.
rules.add_perm(
    "implementation.hand_over_implementation",
    is_active & idea_implementing & may_decide_on_idea,
)
rules.add_perm("implementation.reassign_implementation", is_idea_decider & is_active)
rules.add_perm(
    "implementation.follow_up_implementation",
    is_handed_over & (is_line_owner | can_manage_implementation),
)
