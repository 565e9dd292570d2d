"""The inbox: in-app notifications, read or not."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.lib.forms import is_id
from ideverket.lib.urls import safe_next

from .actions import do_mark_notifications_read, do_set_email_frequency
from .describe import attach_subjects
from .email import user_id_from_token
from .forms import EmailPreferenceForm
from .models import EmailPreference, Notification

Frequency = EmailPreference.Frequency


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


def _frequency_of(user):
    preference = EmailPreference.objects.filter(user=user).only("frequency").first()
    return preference.frequency if preference else Frequency.DAILY


@require_http_methods(["GET", "POST"])
def email_settings(request):
    """The person's own choice: e-mail at once, a daily digest, or none."""
    current = _frequency_of(request.user)
    data = request.POST if request.method == "POST" else None
    form = EmailPreferenceForm(data, initial={"frequency": current})
    if request.method == "POST" and form.is_valid():
        do_set_email_frequency(request.user, request.user, form.cleaned_data["frequency"])
        messages.success(request, _("Dina e-postinställningar är sparade."))
        return redirect("activity:email_settings")
    return render(
        request,
        "activity/email_settings.html",
        {"form": form, "nav": "notifications"},
        status=422 if form.errors else 200,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every e-mail: no login needed, the signed token names the person.

    GET only shows a confirmation (mail scanners follow links); the POST button unsubscribes.
    """
    try:
        user_id = user_id_from_token(token)
    except signing.BadSignature:
        return render(request, "activity/unsubscribe_invalid.html", status=400)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise Http404
    if request.method == "POST":
        do_set_email_frequency(user, user, Frequency.NONE, via="unsubscribe")
        return redirect("activity:unsubscribe", token=token)
    return render(
        request,
        "activity/unsubscribe.html",
        {"person": user, "unsubscribed": _frequency_of(user) == Frequency.NONE},
    )
