"""Ideas in any stage, walked there through the same actions the views call.

The route to a stage is found in `TRANSITIONS` (shortest path from "submitted"), so a new stage
or outcome in process.py is reachable here without touching this file.
"""

import datetime
from collections import deque

from django.utils import timezone

from ideverket.ideas import actions
from ideverket.ideas.models import Idea
from ideverket.ideas.process import REQUIREMENTS, TRANSITIONS, Needs, Stage
from ideverket.org.actions import do_create_user, do_grant_role


def future():
    """120 days from today, read when the test runs (not when this module is imported)."""
    return timezone.localdate() + datetime.timedelta(days=120)


# The people who take the decisions on the way, in turn.
DECIDERS_ON_THE_WAY = ("lead", "manager", "coordinator")


def new_idea(cast, user=None, **kwargs):
    """A submitted (or, with submit=False, draft) idea owned by Skola Norr."""
    fields = {
        "title": "Digital närvarolista",
        "problem": "Lärarna för närvaro på papper.",
        "proposal": "En enkel app i skolans system.",
        "owner_unit": cast.school,
    }
    fields.update(kwargs)
    return actions.do_create_idea(user or cast.employee, **fields)


def full_commitment(cast):
    return {
        "receiving_unit": cast.school,
        "owner": cast.manager,
        "hours": 80,
        "kronor": 20000,
        "until": future(),
        "success_criteria": "Halverad tid för närvaro.",
    }


def merge_target(cast):
    """A submitted idea other ideas can be merged into."""
    return new_idea(cast, title="Närvaro i appen", user=cast.colleague)


def decision_kwargs(cast, idea, outcome, target_idea=None):
    """Everything `do_decide` needs for `outcome` (REQUIREMENTS), all of it valid."""
    required = REQUIREMENTS[outcome]
    kwargs = {"reason": "Motiverat beslut."}
    if Needs.REVISIT_DATE in required:
        kwargs["revisit_on"] = future()
    if Needs.TARGET_UNIT in required:
        kwargs["target_unit"] = (
            cast.homecare if idea.owner_unit_id != cast.homecare.pk else cast.school
        )
    if Needs.TARGET_IDEA in required:
        kwargs["target_idea"] = target_idea or merge_target(cast)
    if Needs.OWNER in required or Needs.COMMITMENT in required:
        kwargs["commitment"] = full_commitment(cast)
    return kwargs


def decision_form_data(cast, idea, outcome, target_idea):
    """The POST body of the decision page for `outcome`, complete and valid."""
    data = {
        "seen_stage": idea.stage,
        "reason": "Motiverat beslut.",
        "revisit_on": future().isoformat(),
        "target_unit": cast.homecare.pk,
        "target_idea": target_idea.pk,
    }
    if REQUIREMENTS[outcome] & {Needs.OWNER, Needs.COMMITMENT}:
        commitment = full_commitment(cast)
        data.update(
            receiving_unit=commitment["receiving_unit"].pk,
            owner=commitment["owner"].pk,
            hours=commitment["hours"],
            kronor=commitment["kronor"],
            until=commitment["until"].isoformat(),
            success_criteria=commitment["success_criteria"],
        )
    return data


def path_to(stage):
    """The outcomes that lead from "submitted" to `stage`, shortest first (from TRANSITIONS)."""
    if stage in (Stage.DRAFT, Stage.SUBMITTED):
        return []
    seen = {Stage.SUBMITTED}
    queue = deque([(Stage.SUBMITTED, [])])
    while queue:
        current, outcomes = queue.popleft()
        for outcome, following in TRANSITIONS.get(current, {}).items():
            if following == stage:
                return [*outcomes, outcome]
            if following not in seen:
                seen.add(following)
                queue.append((following, [*outcomes, outcome]))
    raise ValueError(f"No way to reach {stage} in TRANSITIONS")


def idea_in_stage(cast, stage, user=None, target_idea=None, **kwargs):
    """A new idea walked to `stage` through do_decide, deciders taking turns."""
    idea = new_idea(cast, user=user, submit=stage != Stage.DRAFT, **kwargs)
    for step, outcome in enumerate(path_to(stage)):
        decider = cast.fresh(DECIDERS_ON_THE_WAY[step % len(DECIDERS_ON_THE_WAY)])
        actions.do_decide(
            decider,
            idea,
            outcome,
            seen_stage=idea.stage,
            **decision_kwargs(cast, idea, outcome, target_idea),
        )
        idea.refresh_from_db()
    assert idea.stage == stage
    return Idea.objects.get(pk=idea.pk)


def ideas_in_every_stage(cast, **kwargs):
    """{stage: idea} for every stage of the process, sharing one merge target."""
    target = merge_target(cast)
    return {
        stage: idea_in_stage(cast, stage, target_idea=target, **kwargs) for stage in Stage.values
    }


def make_person(key, name, unit, *roles):
    """A person outside the standard cast, optionally with roles: (role, unit) pairs."""
    user = do_create_user(None, email=f"{key}@test.example", name=name, unit=unit)
    for role, role_unit in roles:
        do_grant_role(None, user, role_unit, role)
    return user
