"""Who may run, hand over and follow up an implementation: persona × state (docs/roles.md)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from .conftest import PERSONAS

# Owned by Cecilia (colleague, no role); Sara (social_lead) is the idea's handler.
MANAGERS = {"colleague", "manager", "lead", "director", "social_lead", "coordinator"}
DECIDERS = {"manager", "lead", "director", "coordinator"}

ACTIVE = {
    "implementation.manage_implementation": MANAGERS,
    "implementation.hand_over_implementation": DECIDERS,
    "implementation.reassign_implementation": DECIDERS,
    "implementation.follow_up_implementation": set(),
}
# Owned by Maja (manager); handed over to Ines (inspirer) in the line.
HANDED_OVER = {
    "implementation.manage_implementation": set(),
    "implementation.hand_over_implementation": set(),
    "implementation.reassign_implementation": set(),
    "implementation.follow_up_implementation": {
        "inspirer",
        "manager",
        "lead",
        "director",
        "coordinator",
    },
}


@pytest.mark.parametrize("perm", ACTIVE)
@pytest.mark.parametrize("persona", PERSONAS)
def test_active(cast, active, persona, perm):
    assert cast.fresh(persona).has_perm(perm, active) == (persona in ACTIVE[perm])


@pytest.mark.parametrize("perm", HANDED_OVER)
@pytest.mark.parametrize("persona", PERSONAS)
def test_handed_over(cast, handed_over, persona, perm):
    assert cast.fresh(persona).has_perm(perm, handed_over) == (persona in HANDED_OVER[perm])


def test_anonymous_may_nothing(active, handed_over):
    for perm in ACTIVE:
        assert not AnonymousUser().has_perm(perm, active)
        assert not AnonymousUser().has_perm(perm, handed_over)
