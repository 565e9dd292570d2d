"""The implementation section on an idea's page (registered in apps.py)."""

from ideverket.ideas.process import Stage

from .models import Implementation

# The stages an idea can be in once a "do it now" or "implement" decision has been taken
# (tests/test_panels.py checks this against the process table); elsewhere no query is made.
AFTER_IMPLEMENT = frozenset({Stage.IMPLEMENTING, Stage.IMPLEMENTED, Stage.SPREAD})


def load_implementation_panel(request, idea):
    """The idea's implementations with owner, handover and progress: one query."""
    if idea.stage not in AFTER_IMPLEMENT:
        return None
    implementations = list(
        Implementation.objects.filter(idea=idea)
        .select_related("owner", "receiving_unit", "handover__line_owner", "handover__line_unit")
        .with_flag()
        .with_progress()
        .order_by("-created_at", "-pk")
    )
    if not implementations:
        return None
    return {"implementations": implementations, "idea": idea}
