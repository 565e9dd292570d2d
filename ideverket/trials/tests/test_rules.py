"""Who may run, evaluate and hand on a trial: persona × state (docs/roles.md)."""

import pytest

from .conftest import PERSONAS

# The trial is owned by Cecilia (colleague, no role); Sara (social_lead) is the idea's handler.
MANAGERS = {"colleague", "manager", "lead", "director", "social_lead", "coordinator"}
DECIDERS = {"manager", "lead", "director", "coordinator"}

RUNNING = {
    "trials.manage_trial": MANAGERS,
    "trials.evaluate_trial": DECIDERS,
    "trials.reassign_trial": DECIDERS,
}


@pytest.mark.parametrize("perm", RUNNING)
@pytest.mark.parametrize("persona", PERSONAS)
def test_running_trial(cast, running, persona, perm):
    allowed = cast.fresh(persona).has_perm(perm, running)
    assert allowed == (persona in RUNNING[perm])


@pytest.mark.parametrize("perm", RUNNING)
@pytest.mark.parametrize("persona", PERSONAS)
def test_nothing_changes_after_evaluation(cast, evaluated, persona, perm):
    assert not cast.fresh(persona).has_perm(perm, evaluated)


def test_anonymous_may_nothing(running):
    from django.contrib.auth.models import AnonymousUser

    for perm in RUNNING:
        assert not AnonymousUser().has_perm(perm, running)
