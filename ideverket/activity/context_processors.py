from django.utils.functional import SimpleLazyObject

from .describe import attach_subjects
from .models import Notification

BADGE_LIMIT = 99


def unread_notifications(request):
    """The unread badge in the header, counted only if a template asks for it.

    Counts only notifications whose subject the person may still see (at most BADGE_LIMIT,
    so the cost stays bounded), and asks nothing when the person's stored count says none.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count():
        if not user.unread_notification_count:
            return 0  # kept on the person's row (activity.actions): no query
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
        latest = unread.select_related("event__subject_type").order_by("-pk")[:BADGE_LIMIT]
        return len(attach_subjects(user, list(latest)))

    return {"unread_notification_count": SimpleLazyObject(count)}
