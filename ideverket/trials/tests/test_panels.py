"""The trial panel skips its query only where the process table says no trial can exist."""

from ideverket.ideas.process import TRANSITIONS, Stage
from ideverket.trials.panels import BEFORE_ANY_TRIAL


def reachable_from(stage):
    seen, todo = {stage}, [stage]
    while todo:
        for following in TRANSITIONS.get(todo.pop(), {}).values():
            if following not in seen:
                seen.add(following)
                todo.append(following)
    return seen


def test_no_stage_after_a_trial_skips_the_query():
    assert not reachable_from(Stage.TRIAL) & BEFORE_ANY_TRIAL


def test_drafts_and_new_ideas_skip_it():
    assert {Stage.DRAFT, Stage.SUBMITTED, Stage.IN_ASSESSMENT} <= BEFORE_ANY_TRIAL
