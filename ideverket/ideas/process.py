"""The idea process, declared as data.

`TRANSITIONS[stage][outcome]` is the stage an idea moves to when that outcome is decided, and
`REQUIREMENTS[outcome]` what the decision must carry. Forms, buttons, permission checks and
tests are all driven from these two tables; add an outcome here and everything follows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inskickad")
    IN_ASSESSMENT = "in_assessment", _("Bedöms")
    PARKED = "parked", _("Parkerad")
    DECLINED = "declined", _("Avslagen")
    MERGED = "merged", _("Sammanslagen")
    TRIAL = "trial", _("Testas")
    EVALUATED = "evaluated", _("Utvärderad")
    STOPPED = "stopped", _("Avslutad efter test")
    IMPLEMENTING = "implementing", _("Införs")
    IMPLEMENTED = "implemented", _("Införd")
    SPREAD = "spread", _("Spridd")


class Outcome(models.TextChoices):
    TAKE = "take", _("Ta upp för bedömning")
    DO_NOW = "do_now", _("Genomför direkt")
    TEST = "test", _("Testa")
    PARK = "park", _("Parkera")
    DECLINE = "decline", _("Avslå")
    HAND_OVER = "hand_over", _("Lämna över till annan enhet")
    MERGE = "merge", _("Slå samman med annan idé")
    REOPEN = "reopen", _("Ta upp igen")
    EVALUATE = "evaluate", _("Utvärdera testet")
    IMPLEMENT = "implement", _("Inför")
    TEST_AGAIN = "test_again", _("Testa igen")
    STOP = "stop", _("Avsluta")
    COMPLETE = "complete", _("Överlämnad till linjen")
    SPREAD = "spread", _("Spridd till fler enheter")


TRANSITIONS = {
    Stage.SUBMITTED: {
        Outcome.TAKE: Stage.IN_ASSESSMENT,
        Outcome.HAND_OVER: Stage.SUBMITTED,
        Outcome.MERGE: Stage.MERGED,
        Outcome.DECLINE: Stage.DECLINED,
    },
    Stage.IN_ASSESSMENT: {
        Outcome.DO_NOW: Stage.IMPLEMENTING,
        Outcome.TEST: Stage.TRIAL,
        Outcome.PARK: Stage.PARKED,
        Outcome.DECLINE: Stage.DECLINED,
        Outcome.HAND_OVER: Stage.SUBMITTED,
        Outcome.MERGE: Stage.MERGED,
    },
    Stage.PARKED: {
        Outcome.REOPEN: Stage.IN_ASSESSMENT,
        Outcome.DECLINE: Stage.DECLINED,
    },
    Stage.TRIAL: {
        Outcome.EVALUATE: Stage.EVALUATED,
    },
    Stage.EVALUATED: {
        Outcome.IMPLEMENT: Stage.IMPLEMENTING,
        Outcome.TEST_AGAIN: Stage.TRIAL,
        Outcome.STOP: Stage.STOPPED,
    },
    Stage.IMPLEMENTING: {
        Outcome.COMPLETE: Stage.IMPLEMENTED,
    },
    Stage.IMPLEMENTED: {
        Outcome.SPREAD: Stage.SPREAD,
    },
}


class Needs(models.TextChoices):
    """Things a decision must carry; each maps to fields on the decision form."""

    REASON = "reason", _("motivering")
    REVISIT_DATE = "revisit_date", _("datum att titta igen")
    TARGET_UNIT = "target_unit", _("mottagande enhet")
    TARGET_IDEA = "target_idea", _("idé att slå samman med")
    OWNER = "owner", _("ansvarig mottagare")
    COMMITMENT = "commitment", _("åtagande från mottagare med resurser")


REQUIREMENTS = {
    Outcome.TAKE: set(),
    Outcome.DO_NOW: {Needs.REASON, Needs.OWNER},
    Outcome.TEST: {Needs.REASON, Needs.COMMITMENT},
    Outcome.PARK: {Needs.REASON, Needs.REVISIT_DATE},
    Outcome.DECLINE: {Needs.REASON},
    Outcome.HAND_OVER: {Needs.REASON, Needs.TARGET_UNIT},
    Outcome.MERGE: {Needs.TARGET_IDEA},
    Outcome.REOPEN: set(),
    Outcome.EVALUATE: {Needs.REASON},
    Outcome.IMPLEMENT: {Needs.REASON, Needs.COMMITMENT},
    Outcome.TEST_AGAIN: {Needs.REASON, Needs.COMMITMENT},
    Outcome.STOP: {Needs.REASON},
    Outcome.COMPLETE: {Needs.REASON},
    Outcome.SPREAD: {Needs.REASON},
}

# What the reason field is called for each outcome, so the form asks the right question.
REASON_LABELS = {
    Outcome.DO_NOW: _("Hur ska förbättringen genomföras?"),
    Outcome.IMPLEMENT: _("Plan för införandet"),
    Outcome.TEST: _("Varför ska idén testas?"),
    Outcome.PARK: _("Varför parkeras idén?"),
    Outcome.DECLINE: _("Motivering till förslagsställaren"),
    Outcome.HAND_OVER: _("Varför lämnas idén över?"),
    Outcome.EVALUATE: _("Resultat mot framgångskriterierna"),
    Outcome.TEST_AGAIN: _("Vad ska testas annorlunda?"),
    Outcome.STOP: _("Lärdomar från testet"),
    Outcome.COMPLETE: _("Hur har överlämningen till linjen gått till?"),
    Outcome.SPREAD: _("Vilka fler enheter har infört idén?"),
}

# What other apps start when an outcome is decided: `function(user, decision)` by import path,
# called inside the decision's transaction (a Trial for a test, an Implementation for "do it
# now" …). Paths, not imports, so this app never imports the apps built on top of it.
FOLLOW_UPS = {
    Outcome.TEST: ("ideverket.trials.actions.start_trial_from_decision",),
    Outcome.TEST_AGAIN: ("ideverket.trials.actions.start_trial_from_decision",),
    # An evaluation taken on the idea's own decision page closes the trial as well.
    Outcome.EVALUATE: ("ideverket.trials.actions.close_trial_from_decision",),
    Outcome.DO_NOW: ("ideverket.implementation.actions.start_implementation_from_decision",),
    Outcome.IMPLEMENT: ("ideverket.implementation.actions.start_implementation_from_decision",),
    # "Complete" taken on the idea's own decision page still leaves a handover record.
    Outcome.COMPLETE: ("ideverket.implementation.actions.close_implementation_from_decision",),
    # A stopped trial keeps its lessons: the STOP decision's reason becomes a Lesson.
    Outcome.STOP: ("ideverket.lessons.actions.record_lesson_from_decision",),
}

# Stages where nothing more is decided; the idea's journey has ended.
FINAL_STAGES = {Stage.DECLINED, Stage.MERGED, Stage.STOPPED, Stage.SPREAD}
# Stages whose ideas wait for a decision-maker to act.
AWAITING_DECISION = {Stage.SUBMITTED, Stage.IN_ASSESSMENT, Stage.EVALUATED}
# Submitters may edit their idea until someone starts assessing it.
EDITABLE_STAGES = {Stage.DRAFT, Stage.SUBMITTED}


def outcomes_from(stage):
    """The outcomes that can be decided from `stage`, in table order."""
    return list(TRANSITIONS.get(stage, {}))


def next_stage(stage, outcome):
    """The stage after deciding `outcome` at `stage`, or None when that move does not exist."""
    return TRANSITIONS.get(stage, {}).get(outcome)


def needs(outcome, need):
    return need in REQUIREMENTS.get(outcome, set())
