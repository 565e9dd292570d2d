"""Trials and implementations made the only way they can be: through the idea's decisions."""

from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import full_commitment, idea_in_stage
from ideverket.trials import actions
from ideverket.trials.models import Criterion, Trial

CRITERIA = "- Närvaron tas på under en minut per grupp\n\n2. Inga papperslistor kvar\n"


def commitment(cast, owner=None, receiving_unit=None, **changes):
    data = full_commitment(cast)
    data["success_criteria"] = CRITERIA
    if owner is not None:
        data["owner"] = owner
    if receiving_unit is not None:
        data["receiving_unit"] = receiving_unit
    data.update(changes)
    return data


def trial_for(cast, *, owner=None, receiving_unit=None, decider="lead", **idea_fields):
    """A running trial of a new idea owned by Skola Norr, started by a "test" decision."""
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT, **idea_fields)
    decision = idea_actions.do_decide(
        cast.fresh(decider),
        idea,
        Outcome.TEST,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Vi testar i två klasser först.",
        commitment=commitment(cast, owner=owner, receiving_unit=receiving_unit),
    )
    return load(decision.trial)


def load(trial):
    """The trial as the views load it (idea, owner unit and commitment joined in)."""
    return Trial.objects.select_related(
        "idea__owner_unit", "owner", "decision__commitment__receiving_unit"
    ).get(pk=trial.pk)


def all_met(trial, result=Criterion.Result.MET):
    return {c.pk: (result, "") for c in trial.criteria.all()}


def evaluated_trial(cast, evaluator="manager", **kwargs):
    trial = trial_for(cast, **kwargs)
    actions.do_evaluate_trial(
        cast.fresh(evaluator),
        trial,
        all_met(trial),
        "Det gick bra i båda klasserna.",
        "Börja med en klass; lärarna behöver en kort introduktion.",
    )
    return load(trial)


def implementing_idea(cast, owner=None, **idea_fields):
    """An idea that was tested, evaluated and then decided "implement" (owner: the manager)."""
    trial = evaluated_trial(cast, **idea_fields)
    idea = Idea.objects.get(pk=trial.idea_id)
    decision = idea_actions.do_decide(
        cast.fresh("director"),
        idea,
        Outcome.IMPLEMENT,
        seen_stage=Stage.EVALUATED,
        reason="Inför i alla klasser under våren.",
        commitment=commitment(cast, owner=owner),
    )
    return decision.implementation
