"""What the main menu shows to whom: the predicates themselves, not has_perm (which reads the
permission tables on every page), evaluated only when the template asks; the roles they read are
cached on the user."""

from django.utils.functional import SimpleLazyObject

from ideverket.insights.rules import can_view_insights
from ideverket.network.rules import can_view_overview, is_inspirer_user
from ideverket.training.rules import can_view_coverage


def menu(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "can_view_insights": SimpleLazyObject(lambda: can_view_insights(user)),
        "can_view_network_overview": SimpleLazyObject(lambda: can_view_overview(user)),
        "is_inspirer": SimpleLazyObject(lambda: is_inspirer_user(user)),
        "can_view_training_coverage": SimpleLazyObject(lambda: can_view_coverage(user)),
    }
