import pytest

from ideverket.ideas import actions as idea_actions

from .builders import evaluated_trial, load, trial_for

PERSONAS = (
    "employee",
    "colleague",
    "inspirer",
    "manager",
    "lead",
    "director",
    "social_lead",
    "outsider",
    "hr_person",
    "coordinator",
    "admin",
)


@pytest.fixture
def running(cast):
    """A running trial owned by Cecilia (no role), Sara from another department as handler."""
    trial = trial_for(cast, owner=cast.colleague)
    idea_actions.do_set_handler(cast.fresh("lead"), trial.idea, cast.social_lead)
    return load(trial)


@pytest.fixture
def evaluated(cast):
    return evaluated_trial(cast)
