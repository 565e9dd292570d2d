"""Who may add effects and record measurements: role × stage, through the idea's subject kind.

The same rule (the idea kind's `can_edit`) decides who may write lessons; see
ideverket/lessons/tests/test_rules.py.
"""

import pytest

from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import future, idea_in_stage, new_idea

from .builders import hours_effect

ROLES = {
    # Deciders over the owner unit (Skola Norr) and the coordinator.
    "lead": True,
    "director": True,
    "manager": True,
    "coordinator": True,
    # Everyone else, however close to the idea.
    "employee": False,  # the submitter
    "colleague": False,
    "inspirer": False,
    "social_lead": False,
    "outsider": False,
    "hr_person": False,
    "admin": False,
}
STAGES = [Stage.SUBMITTED, Stage.IN_ASSESSMENT, Stage.TRIAL, Stage.IMPLEMENTED, Stage.STOPPED]


@pytest.mark.parametrize("stage", STAGES)
def test_role_matrix(cast, stage):
    idea = idea_in_stage(cast, stage, visibility=Idea.Visibility.RESTRICTED)
    effect = hours_effect(cast, idea, user=cast.fresh("coordinator"))
    for key, allowed in ROLES.items():
        user = cast.fresh(key)
        assert user.has_perm("effects.add_effect", idea) is allowed, (key, stage)
        assert user.has_perm("effects.record_measurement", effect) is allowed, (key, stage)


def test_nobody_on_a_draft(cast):
    draft = new_idea(cast, user=cast.lead, submit=False)
    for key in ROLES:
        assert not cast.fresh(key).has_perm("effects.add_effect", draft)


def test_handler_and_coach_may(cast):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    lead = cast.fresh("lead")
    idea_actions.do_set_handler(lead, idea, cast.colleague)
    idea_actions.do_set_coach(lead, idea, cast.inspirer)
    idea = Idea.objects.get(pk=idea.pk)
    assert cast.fresh("colleague").has_perm("effects.add_effect", idea)
    assert cast.fresh("inspirer").has_perm("effects.add_effect", idea)
    assert not cast.fresh("employee").has_perm("effects.add_effect", idea)


def test_the_owner_of_a_commitment_may(cast):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    idea_actions.do_decide(
        cast.fresh("lead"),
        idea,
        Outcome.TEST,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Testa",
        commitment={
            "receiving_unit": cast.school,
            "owner": cast.colleague,
            "kronor": 1000,
            "until": future(),
            "success_criteria": "Nöjda lärare",
        },
    )
    idea = Idea.objects.get(pk=idea.pk)
    assert cast.fresh("colleague").has_perm("effects.add_effect", idea)
    assert not cast.fresh("employee").has_perm("effects.add_effect", idea)


def test_anonymous_may_not(cast):
    from django.contrib.auth.models import AnonymousUser

    idea = idea_in_stage(cast, Stage.TRIAL)
    assert not AnonymousUser().has_perm("effects.add_effect", idea)


def test_commitment_owners_are_read_once_per_idea(cast, django_assert_num_queries):
    idea = idea_in_stage(cast, Stage.TRIAL)
    idea = Idea.objects.select_related("owner_unit").get(pk=idea.pk)
    employee = cast.fresh("employee")
    employee.role_assignments  # noqa: B018 - load the roles first
    with django_assert_num_queries(1):
        assert not employee.has_perm("effects.add_effect", idea)
        assert not employee.has_perm("lessons.add_lesson", idea)
