"""Who may manage, import and link, per role (docs/roles.md, "Goals")."""

import pytest

from ideverket.goals import links
from ideverket.goals.rules import can_create_goal, can_manage_goal
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage

from .builders import goal_tree

pytestmark = pytest.mark.django_db

ROLES = ["employee", "inspirer", "manager", "lead", "social_lead", "outsider", "coordinator"]


@pytest.mark.parametrize(
    "key, council, committee, department, create, import_",
    [
        ("coordinator", True, True, True, True, True),
        ("lead", False, True, True, True, False),  # education's innovation lead
        ("director", False, True, True, True, False),
        ("manager", False, False, True, True, False),  # Skola Norr's manager
        ("social_lead", False, False, False, True, False),
        ("employee", False, False, False, False, False),
        ("inspirer", False, False, False, False, False),
        ("outsider", False, False, False, False, False),
    ],
)
def test_goal_rules(cast, key, council, committee, department, create, import_):
    goals = goal_tree(cast)
    user = cast.fresh(key)
    assert [bool(can_manage_goal(user, g)) for g in goals] == [council, committee, department]
    assert bool(can_create_goal(user)) is create
    assert user.has_perm("goals.import_goals") is import_
    assert user.has_perm("goals.manage_periods") is import_


@pytest.mark.parametrize(
    "key, expected",
    [
        ("lead", True),
        ("manager", True),
        ("coordinator", True),
        ("employee", False),  # the submitter, not a decider
        ("social_lead", False),
        ("outsider", False),
    ],
)
def test_idea_link_rule(cast, key, expected):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    kind = links.get_kind("ideas.idea")
    assert kind.can_link(cast.fresh(key), idea) is expected


def test_idea_handler_may_link(cast):
    from ideverket.ideas.actions import do_set_handler

    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    do_set_handler(cast.fresh("lead"), idea, cast.colleague)
    idea.refresh_from_db()
    assert links.get_kind("ideas.idea").can_link(cast.fresh("colleague"), idea)
