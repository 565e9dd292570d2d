"""The inbox: in-app notifications, read or not."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ideverket.lib.forms import is_id
from ideverket.lib.urls import safe_next

from .actions import do_mark_notifications_read
from .describe import attach_subjects
from .models import Notification


@require_GET
def notifications(request):
    queryset = Notification.objects.for_user(request.user).select_related("event__subject_type")
    page = Paginator(queryset, 30).get_page(request.GET.get("page"))
    items = attach_subjects(request.user, list(page.object_list))
    return render(
        request,
        "activity/notifications.html",
        {
            "page_obj": page,
            "items": items,
            "nav": "notifications",
            "querystring_without_page": "",
        },
    )


@require_POST
def mark_read(request):
    if request.POST.get("all"):
        count = do_mark_notifications_read(request.user)
    else:
        ids = [int(v) for v in request.POST.getlist("notification") if is_id(v)]
        count = do_mark_notifications_read(request.user, ids) if ids else 0
    if count:
        messages.success(request, _("Notiserna är markerade som lästa."))
    return redirect(safe_next(request, "activity:notifications"))
