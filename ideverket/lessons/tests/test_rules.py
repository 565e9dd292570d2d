"""Who may write lessons: the same people who carry the idea (its subject kind's can_edit)."""

import pytest

from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea

# Deciders over the owner unit (Skola Norr) and the coordinator may; nobody else, the submitter
# included. Handler, coach and commitment owners may too (ideverket/effects/tests/test_rules.py).
ROLES = {
    "lead": True,
    "director": True,
    "manager": True,
    "coordinator": True,
    "employee": False,
    "colleague": False,
    "inspirer": False,
    "social_lead": False,
    "outsider": False,
    "hr_person": False,
    "admin": False,
}
STAGES = [Stage.SUBMITTED, Stage.TRIAL, Stage.EVALUATED, Stage.STOPPED, Stage.DECLINED]


@pytest.mark.parametrize("stage", STAGES)
def test_role_matrix(cast, stage):
    idea = idea_in_stage(cast, stage, visibility=Idea.Visibility.RESTRICTED)
    for key, allowed in ROLES.items():
        assert cast.fresh(key).has_perm("lessons.add_lesson", idea) is allowed, (key, stage)


def test_nobody_on_a_draft(cast):
    draft = new_idea(cast, user=cast.lead, submit=False)
    for key in ROLES:
        assert not cast.fresh(key).has_perm("lessons.add_lesson", draft)
