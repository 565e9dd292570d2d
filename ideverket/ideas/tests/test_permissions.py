"""Role × stage × action matrix for the idea pages, driven from process.TRANSITIONS.

Seeing comes first (404 for what `visible_to` hides), then the permission (403), and a refused
request leaves no trace: no Decision, no stage change, no edited text.
"""

import pytest
from django.urls import reverse

from ideverket.ideas.models import Decision, Idea
from ideverket.ideas.process import FINAL_STAGES, TRANSITIONS, Outcome, Stage

from .builders import (
    decision_form_data,
    idea_in_stage,
    ideas_in_every_stage,
    merge_target,
    new_idea,
)

# Everyone who may not decide on an idea owned by Skola Norr; the employee is its submitter.
NON_DECIDERS = [
    "employee",
    "colleague",
    "inspirer",
    "outsider",
    "social_lead",
    "hr_person",
    "admin",
]
# Manager of Skola Norr, lead and director of Utbildningsförvaltningen, the coordinator.
DECIDERS = ["manager", "lead", "director", "coordinator"]
# People who never see a restricted Skola Norr idea (other departments, no role above it).
OTHER_DEPARTMENTS = ["outsider", "social_lead", "hr_person"]

PAIRS = [(stage, outcome) for stage, outcomes in TRANSITIONS.items() for outcome in outcomes]


def pair_id(pair):
    return f"{pair[0]}-{pair[1]}"


def decide_url(idea, outcome):
    return reverse("ideas:decide", args=[idea.pk, str(outcome)])


def assert_untouched(idea, decisions_before, stage):
    idea.refresh_from_db()
    assert idea.stage == stage
    assert Decision.objects.filter(idea=idea).count() == decisions_before


# Outcomes whose form lives on the trial or implementation page (see ideas.views).
RECORD_FORMS = {Outcome.EVALUATE: "/utvardera/", Outcome.COMPLETE: "/overlamna/"}


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_decide_matrix(cast, login, pair):
    """One (stage, outcome) pair: every non-decider refused, every decider served, and the
    very body the non-deciders posted is then accepted from a decider, so their refusal was
    about who they are, not about the data."""
    stage, outcome = pair
    target = merge_target(cast)
    idea = idea_in_stage(cast, stage, target_idea=target)
    before = Decision.objects.filter(idea=idea).count()
    data = decision_form_data(cast, idea, outcome, target)
    url = decide_url(idea, outcome)

    def refused(persona, expected):
        client = login(cast.fresh(persona))
        got = client.get(url).status_code
        assert got == expected, f"GET as {persona}: {got}, expected {expected}"
        got = client.post(url, data).status_code
        assert got == expected, f"POST as {persona}: {got}, expected {expected}"

    # An open idea is seen by everyone, so refusing is a 403 for each of them.
    for persona in NON_DECIDERS:
        refused(persona, 403)
    # Restricted, it is hidden from other departments: 404, so its existence does not leak.
    Idea.objects.filter(pk=idea.pk).update(visibility=Idea.Visibility.RESTRICTED)
    for persona in OTHER_DEPARTMENTS:
        refused(persona, 404)
    assert_untouched(idea, before, stage)

    if outcome in RECORD_FORMS:
        # Evaluating a trial and handing over to the line have their own pages (criteria,
        # follow-up dates); deciders are sent there, and those pages' tests take it on.
        for persona in DECIDERS:
            response = login(cast.fresh(persona)).get(url)
            assert response.status_code == 302, persona
            assert RECORD_FORMS[outcome] in response["Location"]
        return

    for persona in DECIDERS:
        response = login(cast.fresh(persona)).get(url)
        assert response.status_code == 200, persona
        assert 'name="seen_stage"' in response.text

    decider = cast.fresh(DECIDERS[PAIRS.index(pair) % len(DECIDERS)])
    response = login(decider).post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    idea.refresh_from_db()
    assert idea.stage == TRANSITIONS[stage][outcome]
    decision = Decision.objects.filter(idea=idea).first()
    assert decision.outcome == outcome and decision.decided_by == decider
    assert Decision.objects.filter(idea=idea).count() == before + 1


def test_nobody_decides_on_drafts_or_finished_ideas(cast, login):
    """Drafts are hidden from deciders (404); finished ideas refuse every outcome (403)."""
    ideas = ideas_in_every_stage(cast)
    closed = [Stage.DRAFT, *sorted(FINAL_STAGES)]
    before = {stage: Decision.objects.filter(idea=ideas[stage]).count() for stage in closed}

    def refused(persona, outcomes, get_outcome=None):
        client = login(cast.fresh(persona))
        for stage in closed:
            expected = 404 if stage == Stage.DRAFT else 403
            if get_outcome:
                url = decide_url(ideas[stage], get_outcome)
                assert client.get(url).status_code == expected, (persona, stage)
            for outcome in outcomes:
                data = {"seen_stage": stage, "reason": "x"}
                got = client.post(decide_url(ideas[stage], outcome), data).status_code
                assert got == expected, (persona, stage, outcome)

    # The coordinator may decide everywhere else, so every outcome is tried; the other deciders
    # pass the same single check (can_decide), so one outcome each is enough.
    refused("coordinator", Outcome.values, get_outcome=Outcome.TAKE)
    for persona in ("manager", "lead", "director"):
        refused(persona, [Outcome.REOPEN])
    for stage in closed:
        assert_untouched(ideas[stage], before[stage], stage)


def test_outcome_from_another_stage_is_refused_for_deciders(cast, login):
    """The URL cannot skip a step: an outcome not in TRANSITIONS[stage] decides nothing."""
    ideas = ideas_in_every_stage(cast)
    client = login(cast.fresh("coordinator"))
    for stage, outcomes in TRANSITIONS.items():
        idea = ideas[stage]
        before = Decision.objects.filter(idea=idea).count()
        for outcome in set(Outcome.values) - set(outcomes):
            data = {"seen_stage": stage, "reason": "Hoppa över", "hours": 1}
            response = client.post(decide_url(idea, outcome), data)
            assert response.status_code == 302, (stage, outcome)
            assert response.headers["Location"] == idea.get_absolute_url()
        assert_untouched(idea, before, stage)


def test_unknown_outcome_is_404(cast, login):
    idea = new_idea(cast)
    client = login(cast.fresh("coordinator"))
    assert client.get(decide_url(idea, "approve_everything")).status_code == 404
    assert client.post(decide_url(idea, "approve_everything")).status_code == 404


# -- edit ------------------------------------------------------------------------------------

EDIT_PERSONAS = ["employee", "co_submitter", "colleague", "manager", "lead", "coordinator"]


@pytest.fixture
def every_stage(cast):
    """One idea per stage, submitted by the employee with a co-submitter from HR."""
    return ideas_in_every_stage(cast, co_submitters=[cast.hr_person])


def persona_user(cast, persona):
    return cast.fresh("hr_person" if persona == "co_submitter" else persona)


def edit_data(idea, user, title):
    """The edit form as a browser posts it, keeping the other submitters."""
    return {
        "title": title,
        "co_submitters": [pk for pk in idea.submitter_ids if pk != user.pk],
        "problem": idea.problem,
        "proposal": idea.proposal,
        "owner_unit": idea.owner_unit_id,
        "visibility": idea.visibility,
        "seen_updated_at": idea.updated_at.isoformat(),
    }


def test_edit_only_for_submitters_while_draft_or_submitted(cast, login, every_stage):
    for persona in EDIT_PERSONAS:
        user = persona_user(cast, persona)
        is_submitter = persona in ("employee", "co_submitter")
        client = login(user)
        for stage, idea in every_stage.items():
            idea = Idea.objects.get(pk=idea.pk)
            url = reverse("ideas:edit", args=[idea.pk])
            if is_submitter and stage in (Stage.DRAFT, Stage.SUBMITTED):
                expected = 200
            elif stage == Stage.DRAFT:
                expected = 404
            else:
                expected = 403
            assert client.get(url).status_code == expected, (persona, stage)
            response = client.post(url, edit_data(idea, user, f"Ändrad av {persona}"))
            title = Idea.objects.get(pk=idea.pk).title
            if expected == 200:
                assert response.status_code == 302, (persona, stage)
                assert title == f"Ändrad av {persona}"
            else:
                assert response.status_code == expected, (persona, stage)
                assert title == idea.title, (persona, stage)


# -- submit ----------------------------------------------------------------------------------


def test_submit_only_for_submitters_of_a_draft(cast, login, every_stage):
    def submit(persona, stage):
        client = login(persona_user(cast, persona))
        response = client.post(reverse("ideas:submit", args=[every_stage[stage].pk]))
        return response.status_code, Idea.objects.get(pk=every_stage[stage].pk).stage

    # Everyone else first, while the draft is still a draft; then the co-submitter on the ideas
    # that are no longer drafts; last the employee sends the draft in.
    for persona in ("colleague", "manager", "lead", "coordinator", "co_submitter"):
        for stage in every_stage:
            if persona == "co_submitter" and stage == Stage.DRAFT:
                continue
            expected = 404 if stage == Stage.DRAFT else 403
            assert submit(persona, stage) == (expected, stage), (persona, stage)
    assert submit("employee", Stage.DRAFT) == (302, Stage.SUBMITTED)
    # Once sent in, sending it again is refused (the rule needs a draft).
    assert submit("co_submitter", Stage.DRAFT) == (403, Stage.SUBMITTED)


def test_submit_is_post_only(cast, login):
    idea = new_idea(cast, submit=False)
    response = login(cast.employee).get(reverse("ideas:submit", args=[idea.pk]))
    assert response.status_code == 405
    idea.refresh_from_db()
    assert idea.stage == Stage.DRAFT


# -- assign ----------------------------------------------------------------------------------


def test_assign_refused_for_non_deciders(cast, login):
    idea = new_idea(cast)
    url = reverse("ideas:assign", args=[idea.pk])
    for persona in NON_DECIDERS:
        client = login(cast.fresh(persona))
        response = client.post(url, {"handler": cast.lead.pk, "coach": cast.inspirer.pk})
        assert response.status_code == 403, persona
        # Only an idea inspirer may name themself coach.
        if persona != "inspirer":
            response = client.post(url, {"coach_self": "1"})
            assert response.status_code == 403, persona
        idea.refresh_from_db()
        assert idea.handler_id is None and idea.coach_id is None, persona


def test_inspirer_may_coach_themself_only(cast, login):
    idea = new_idea(cast)
    client = login(cast.fresh("inspirer"))
    url = reverse("ideas:assign", args=[idea.pk])
    # Posting someone else (or a handler) alongside coach_self still only sets themself.
    response = client.post(url, {"coach_self": "1", "handler": cast.outsider.pk})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.coach == cast.inspirer and idea.handler_id is None


def test_inspirer_may_not_coach_finished_ideas(cast, login):
    idea = idea_in_stage(cast, Stage.DECLINED)
    response = login(cast.fresh("inspirer")).post(
        reverse("ideas:assign", args=[idea.pk]), {"coach_self": "1"}
    )
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.coach_id is None


def test_deciders_assign_handler_and_coach(cast, login):
    idea = new_idea(cast)
    url = reverse("ideas:assign", args=[idea.pk])
    for persona in DECIDERS:
        # Each decider names themself; the coordinator is not on the handler list (it holds
        # managers and innovation leads), so names the manager.
        handler = cast.fresh("manager" if persona == "coordinator" else persona)
        response = login(handler).post(url, {"handler": handler.pk, "coach": cast.inspirer.pk})
        assert response.status_code == 302, persona
        idea.refresh_from_db()
        assert idea.handler == handler and idea.coach == cast.inspirer, persona


def test_assign_on_restricted_idea_is_404_for_other_departments(cast, login):
    idea = new_idea(cast, visibility=Idea.Visibility.RESTRICTED)
    for persona in OTHER_DEPARTMENTS:
        response = login(cast.fresh(persona)).post(
            reverse("ideas:assign", args=[idea.pk]), {"coach_self": "1"}
        )
        assert response.status_code == 404, persona


def test_assign_refused_on_a_draft_even_for_its_deciding_submitter(cast, login):
    idea = new_idea(cast, user=cast.manager, submit=False)
    response = login(cast.fresh("manager")).post(
        reverse("ideas:assign", args=[idea.pk]), {"handler": cast.lead.pk}
    )
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.handler_id is None
