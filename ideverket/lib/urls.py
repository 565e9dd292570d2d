"""Redirect-target safety for `next=` parameters."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback):
    """The `next` parameter if it points at our own host, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
