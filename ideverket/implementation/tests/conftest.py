import pytest

from ideverket.ideas import actions as idea_actions
from ideverket.implementation import actions
from ideverket.implementation.models import Implementation
from ideverket.trials.tests.builders import implementing_idea
from ideverket.trials.tests.conftest import PERSONAS  # noqa: F401 - re-exported for the tests


def load(implementation):
    """As the views load it: idea, owner unit, owner, receiving unit and handover joined in."""
    return Implementation.objects.select_related(
        "idea__owner_unit", "owner", "receiving_unit", "handover__line_owner"
    ).get(pk=implementation.pk)


@pytest.fixture
def active(cast):
    """An active implementation owned by Cecilia (no role); Sara (social_lead) is the handler."""
    implementation = implementing_idea(cast, owner=cast.colleague)
    idea_actions.do_set_handler(cast.fresh("lead"), implementation.idea, cast.social_lead)
    return load(implementation)


@pytest.fixture
def handed_over(cast):
    """Owned by Maja (manager), handed over to Ines (inspirer, Skola Norr) in the line."""
    implementation = load(implementing_idea(cast))
    actions.do_handover(
        cast.fresh("manager"),
        implementation,
        line_owner=cast.inspirer,
        line_unit=cast.school,
        runs_from=implementation.starts_on,
        follow_up_dates=[implementation.starts_on.replace(year=implementation.starts_on.year + 1)],
        note="Skolan driver det.",
    )
    return load(implementation)
