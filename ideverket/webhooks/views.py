"""Webhook pages for the administrator and the coordinator: the endpoints and their logs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.lib.forms import is_id

from . import actions
from .forms import EndpointForm
from .models import Attempt, Delivery, Endpoint
from .rules import can_manage_webhooks

PAGE_SIZE = 50
SECRET_SESSION_KEY = "webhooks_new_secret"


def _require_manager_or_404(request):
    # The pages do not exist for anyone else (as /org/ for non-administrators).
    if not can_manage_webhooks(request.user):
        raise Http404


def get_endpoint_for_manager(request, pk):
    _require_manager_or_404(request)
    if not is_id(pk):
        raise Http404
    endpoint = Endpoint.objects.select_related("department").filter(pk=pk).first()
    if endpoint is None:
        raise Http404
    return endpoint


def _show_secret_once(request, endpoint, secret):
    # Kept in the session only until the next page has shown it.
    request.session[SECRET_SESSION_KEY] = {"endpoint": endpoint.pk, "secret": secret}


@require_GET
def endpoint_list(request):
    _require_manager_or_404(request)
    endpoints = (
        Endpoint.objects.select_related("department")
        .annotate(
            waiting=Count(
                "deliveries",
                filter=Q(deliveries__status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]),
            ),
            failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
            last_delivered=Max(
                "deliveries__finished_at",
                filter=Q(deliveries__status=Delivery.Status.DELIVERED),
            ),
        )
        .order_by("-is_active", "name", "pk")
    )
    return render(request, "webhooks/list.html", {"endpoints": endpoints, "nav": "webhooks"})


def _form_values(form):
    data = form.cleaned_data
    return {
        "name": data["name"],
        "url": data["url"].strip(),
        "events": data["events"],
        "department": data.get("department"),
    }


@require_http_methods(["GET", "POST"])
def endpoint_create(request):
    _require_manager_or_404(request)
    form = EndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = actions.do_create_endpoint(request.user, **_form_values(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _show_secret_once(request, endpoint, endpoint.secret)
            messages.success(request, _("Webhooken är tillagd."))
            return redirect("webhooks:log", endpoint.pk)
    return render(
        request,
        "webhooks/form.html",
        {"form": form, "endpoint": None, "nav": "webhooks"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def endpoint_edit(request, pk):
    endpoint = get_endpoint_for_manager(request, pk)
    form = EndpointForm(request.POST or None, endpoint=endpoint)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_endpoint(
                request.user,
                endpoint,
                is_active=form.cleaned_data["is_active"],
                **_form_values(form),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Webhooken är ändrad."))
            return redirect("webhooks:log", endpoint.pk)
    return render(
        request,
        "webhooks/form.html",
        {"form": form, "endpoint": endpoint, "nav": "webhooks"},
        status=422 if form.errors else 200,
    )


@require_POST
def endpoint_deactivate(request, pk):
    endpoint = get_endpoint_for_manager(request, pk)
    actions.do_deactivate_endpoint(request.user, endpoint)
    messages.success(request, _("Webhooken är inaktiverad. Inget mer skickas till den."))
    return redirect("webhooks:log", endpoint.pk)


@require_POST
def endpoint_new_secret(request, pk):
    endpoint = get_endpoint_for_manager(request, pk)
    secret = actions.do_regenerate_secret(request.user, endpoint)
    _show_secret_once(request, endpoint, secret)
    messages.success(request, _("En ny hemlighet är skapad. Den gamla gäller inte längre."))
    return redirect("webhooks:log", endpoint.pk)


@require_POST
def endpoint_test(request, pk):
    endpoint = get_endpoint_for_manager(request, pk)
    try:
        actions.do_send_test(request.user, endpoint)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Ett test är skickat. Svaret syns i leveransloggen när det har kommit.")
        )
    return redirect("webhooks:log", endpoint.pk)


@require_GET
def endpoint_log(request, pk):
    """The endpoint, its new secret (once, right after it was made) and its delivery log."""
    endpoint = get_endpoint_for_manager(request, pk)
    new_secret = None
    shown = request.session.get(SECRET_SESSION_KEY)
    if shown and shown.get("endpoint") == endpoint.pk:
        new_secret = shown["secret"]
        del request.session[SECRET_SESSION_KEY]
    attempts = (
        Attempt.objects.filter(delivery__endpoint=endpoint)
        .select_related("delivery")
        .order_by("-started_at", "-pk")
    )
    page = Paginator(attempts, PAGE_SIZE).get_page(request.GET.get("page"))
    waiting = list(
        Delivery.objects.filter(
            endpoint=endpoint,
            status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING],
        ).order_by("next_attempt_at", "pk")[:PAGE_SIZE]
    )
    return render(
        request,
        "webhooks/log.html",
        {
            "endpoint": endpoint,
            "new_secret": new_secret,
            "page_obj": page,
            "waiting": waiting,
            "nav": "webhooks",
        },
    )
