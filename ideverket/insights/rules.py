"""Who may open the municipality-wide insights. The view enforces this; the menu hides the link.

What the figures count is decided separately, by the visible querysets the figures start from
(`Idea.objects.visible_to`, `Effect.objects.visible_to`), so a manager sees the same page as the
coordinator, computed over what the manager may see.
"""

import rules

from ideverket.org.models import RoleAssignment


@rules.predicate
def can_view_insights(user):
    """The coordinator, and anyone who manages or leads innovation somewhere."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_coordinator or bool(user.role_units(*RoleAssignment.DECIDERS))


rules.add_perm("insights.view_insights", can_view_insights)
