"""The trial section on an idea's page (registered in apps.py)."""

from ideverket.ideas.process import Stage

from .models import Trial

# Stages that come before any test decision in TRANSITIONS: no trial can exist yet, so the
# panel costs no query there (tests/test_panels.py checks this against the process table).
BEFORE_ANY_TRIAL = frozenset(
    {
        Stage.DRAFT,
        Stage.SUBMITTED,
        Stage.IN_ASSESSMENT,
        Stage.PARKED,
        Stage.DECLINED,
        Stage.MERGED,
    }
)


def load_trials_panel(request, idea):
    """The idea's trials, newest first, with criteria counts and flags: one query."""
    if idea.stage in BEFORE_ANY_TRIAL:
        return None
    trials = list(
        Trial.objects.filter(idea=idea)
        .select_related("owner")
        .only("id", "idea_id", "status", "starts_on", "ends_on", "owner__name", "owner__is_active")
        .with_flag()
        .with_criteria_counts()
        .order_by("-created_at", "-pk")
    )
    if not trials:
        return None
    return {"trials": trials, "idea": idea}
