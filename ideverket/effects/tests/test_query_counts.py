"""Query budgets: effect pages cost the same for 3 effects as for 23, measured or not.

Every full page pays for "the request": session; user with their unit; role assignments, read
only for someone who holds a role (the person's row says whether they hold any): 3 for someone
with a role, 2 for someone without. The unread badge asks nothing when nothing is unread (a stored count on the person's row).
"""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.actions import recount_unread
from ideverket.activity.models import Notification
from ideverket.effects.models import Effect
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea

from .builders import hours_effect, measure

MORE = 20


def count(client, url, params=None):
    """Queries of one GET, after a warm-up GET (content types and other process caches).

    Notifications are marked read first: the badge's cost depends on which kinds of item the
    unread ones are about, and is measured with the idea pages.
    """
    Notification.objects.update(read_at=timezone.now())
    recount_unread()  # the stored counts too: nothing unread
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response, "\n".join(q["sql"][:150] for q in queries.captured_queries)


def grow(cast, idea, n, user=None, **kwargs):
    """`n` more effects on `idea`, each measured twice."""
    for i in range(n):
        effect = hours_effect(cast, idea, user=user, description=f"Effekt {i}", **kwargs)
        measure(cast, effect, "1100", user=user)
        measure(cast, effect, "1200", user=user)


def panel(response, name):
    return next(context for p, context in response.context["panels"] if p.name == name)


# The idea page's panels add, to the idea page's own queries: the effects with their latest
# measurement (one statement) and the idea's lessons; for a viewer who is not a decider,
# handler or coach, the idea's commitment owners once (shared by both panels): +3 for the
# employee, +2 for the lead.
@pytest.mark.parametrize("viewer", ["employee", "lead"])
def test_idea_page_with_effects(cast, login, viewer):
    idea = idea_in_stage(cast, Stage.TRIAL)
    grow(cast, idea, 3)
    client = login(cast.fresh(viewer))
    small = count(client, idea.get_absolute_url())
    grow(cast, idea, MORE)
    large = count(client, idea.get_absolute_url())
    assert len(panel(large[1], "effects")["effects"]) == 3 + MORE
    assert small[0] == large[0], large[2]


def test_idea_page_panel_queries(cast, login):
    """The two panels' own cost, measured against the same page with no effects or lessons."""
    idea = idea_in_stage(cast, Stage.TRIAL)
    client = login(cast.fresh("employee"))
    without = count(client, idea.get_absolute_url())[0]
    grow(cast, idea, 3)
    with_effects = count(client, idea.get_absolute_url())[0]
    # The panels query whether or not they end up shown; showing them costs nothing more.
    assert with_effects == without


# The sums page: the request (3, or 2 without a role); the department choices; the grouped sums
# (one statement, visibility as subqueries): 5, or 4 without a role. With a department chosen,
# its lookup too: +1.
@pytest.mark.parametrize(
    ("viewer", "params", "expected"),
    [
        ("coordinator", {}, 5),
        ("coordinator", "department", 6),
        ("coordinator", "kind", 5),
        ("employee", {}, 4),
        ("employee", "department", 5),
    ],
)
def test_sums_page(cast, login, viewer, params, expected):
    if params == "department":
        params = {"department": cast.education.pk}
    elif params == "kind":
        params = {"kind": Effect.Kind.HOURS_PER_YEAR}
    idea = idea_in_stage(cast, Stage.TRIAL)
    grow(cast, idea, 3)
    client = login(cast.fresh(viewer))
    small = count(client, reverse("effects:sums"), params)
    grow(cast, idea, MORE, unit=cast.homecare)
    other = new_idea(cast, user=cast.outsider, owner_unit=cast.homecare)
    grow(cast, other, MORE // 2, kind=Effect.Kind.FTE_FREED, user=cast.fresh("social_lead"))
    for n in range(MORE // 2):
        hours_effect(cast, other, user=cast.fresh("social_lead"), target=Decimal(2000 + n))
    large = count(client, reverse("effects:sums"), params)
    assert small[0] == large[0] == expected, large[2]


# The measurement page: the request (3); the effect (visibility and latest
# measurement in one statement, unit joined in); its idea through the idea's visibility (owner
# unit joined in, for the decider check); the history: 6.
def test_measurement_page(cast, login):
    idea = idea_in_stage(cast, Stage.TRIAL)
    effect = hours_effect(cast, idea)
    measure(cast, effect, "1100")
    client = login(cast.fresh("lead"))
    url = reverse("effects:measure", args=[effect.pk])
    small = count(client, url)
    for _ in range(MORE):
        measure(cast, effect, "1150")
    large = count(client, url)
    assert len(large[1].context["history"]) == 1 + MORE
    assert small[0] == large[0] == 6, large[2]


# The add page: the request (3); the idea through its visibility (owner unit joined in); the
# unit choices: 5.
def test_add_page(cast, login):
    idea = idea_in_stage(cast, Stage.TRIAL)
    client = login(cast.fresh("lead"))
    url = reverse("effects:create", args=["ideas.idea", idea.pk])
    assert count(client, url)[0] == 5
