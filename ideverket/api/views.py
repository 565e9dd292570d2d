"""The person's own API tokens: create one (shown once), see when each was used, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .actions import do_create_api_token, do_revoke_api_token
from .forms import TokenForm
from .models import ApiToken


def _page(request, form, new_token=None, status=200):
    tokens = ApiToken.objects.of(request.user).only(
        "id", "name", "created_at", "last_used_at", "revoked_at", "user_id"
    )
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token, "nav": "api"},
        status=status,
    )


# /api/ is a public prefix (the API answers 401 itself), so these pages ask for a login here.
@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """GET lists the tokens; POST creates one and shows it this one time (no redirect)."""
    if request.method == "GET":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            api_token, token = do_create_api_token(request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Nyckeln ”%(name)s” är skapad.") % {"name": api_token.name})
            return _page(request, TokenForm(), new_token=token)
    return _page(request, form, status=422)


@login_required
@require_POST
def revoke(request, pk):
    """Revoke one of one's own tokens; someone else's answers 404."""
    api_token = get_object_or_404(ApiToken.objects.of(request.user), pk=pk)
    if do_revoke_api_token(request.user, api_token):
        messages.success(request, _("Nyckeln ”%(name)s” är återkallad.") % {"name": api_token.name})
    return redirect("api_tokens:index")
