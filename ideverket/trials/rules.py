"""Who may do what with a trial. Views enforce these; templates only use them to hide buttons.

Seeing a trial is decided by `Trial.objects.visible_to(user)` (its idea's visibility); these
predicates assume the trial was loaded through that queryset, with its idea and owner unit.
"""

import rules

from ideverket.ideas.process import Stage
from ideverket.ideas.rules import can_decide, is_decider


@rules.predicate
def is_trial_owner(user, trial):
    return user.is_authenticated and user.pk == trial.owner_id


@rules.predicate
def is_idea_decider(user, trial):
    return is_decider(user, trial.idea)


@rules.predicate
def is_idea_handler(user, trial):
    return user.is_authenticated and user.pk == trial.idea.handler_id


@rules.predicate
def is_open(user, trial):
    return trial.is_open


@rules.predicate
def idea_in_trial(user, trial):
    return trial.idea.stage == Stage.TRIAL


@rules.predicate
def may_decide_on_idea(user, trial):
    return can_decide(user, trial.idea)


# The commitment owner, the idea's deciders and its handler run the trial day to day.
can_manage_trial = is_trial_owner | is_idea_decider | is_idea_handler

rules.add_perm("trials.manage_trial", can_manage_trial & is_open)
# The evaluation moves the idea on (an "evaluate" decision), so it takes a decider.
rules.add_perm("trials.evaluate_trial", is_open & idea_in_trial & may_decide_on_idea)
rules.add_perm("trials.reassign_trial", is_idea_decider & is_open)
