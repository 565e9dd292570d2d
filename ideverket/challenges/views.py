"""Challenge pages: the filtered list, detail with its ideas, create/edit, and themes."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from ideverket.ideas.models import Idea
from ideverket.lib import exports
from ideverket.lib.forms import querystring_without_page
from ideverket.lib.htmx import partial_or_page

from . import actions, panels
from .forms import ChallengeFilterForm, ChallengeForm, ThemeForm
from .models import Challenge, Theme

User = get_user_model()

PAGE_SIZE = 20
DETAIL_IDEAS_LIMIT = 50


def get_challenge(pk):
    """Any challenge (every logged-in user may see them all), or 404."""
    queryset = Challenge.objects.select_related("owner_unit", "created_by").prefetch_related(
        Prefetch("responsible", User.objects.select_related("unit").order_by("name")),
        "themes",
    )
    return get_object_or_404(queryset, pk=pk)


def get_challenge_for_edit(request, pk):
    """The challenge if the user may edit it; 404 otherwise, so nothing leaks by status code."""
    challenge = get_challenge(pk)
    if not request.user.has_perm("challenges.change_challenge", challenge):
        raise Http404
    return challenge


def _challenge_columns(request):
    """The columns of the challenge list's download; "Idéer" counts the ideas the user sees."""
    return [
        (gettext_lazy("Id"), lambda challenge: challenge.pk),
        (gettext_lazy("Rubrik"), lambda challenge: challenge.title),
        (gettext_lazy("Hur kan vi …?"), lambda challenge: challenge.question),
        (gettext_lazy("Steg"), lambda challenge: challenge.get_step_display()),
        (
            gettext_lazy("Förvaltning"),
            lambda challenge: exports.name_of(challenge.owner_unit.department),
        ),
        (gettext_lazy("Ägande enhet"), lambda challenge: challenge.owner_unit.name),
        (
            gettext_lazy("Teman"),
            lambda challenge: ", ".join(theme.name for theme in challenge.themes.all()),
        ),
        (gettext_lazy("Öppen för idéer till och med"), lambda challenge: challenge.open_until),
        (gettext_lazy("Idéer"), lambda challenge: challenge.idea_count),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def challenge_list(request):
    form = ChallengeFilterForm(request.GET or None)
    form.is_valid()  # invalid values are left out of cleaned_data, so filter() ignores them
    challenges = form.filter(Challenge.objects.for_list().with_idea_count(request.user))
    # The download: the challenges (department joined in) and their themes, two queries.
    rows = challenges.select_related("owner_unit__department")
    if response := exports.download(request, _("utmaningar"), _challenge_columns(request), rows):
        return response
    page = Paginator(challenges, PAGE_SIZE).get_page(request.GET.get("page"))
    if request.htmx and request.htmx.history_restore_request:
        template = "challenges/list.html"
    else:
        template = partial_or_page(request, "challenges/list.html", "results")
    context = {
        "form": form,
        "page_obj": page,
        "querystring_without_page": querystring_without_page(form),
        "is_partial": template.endswith("#results"),
        "may_create": request.user.has_perm("challenges.add_challenge"),
        "may_manage_themes": request.user.has_perm("challenges.manage_themes"),
        "nav": "challenges",
    }
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))  # the same URL answers page or partial
    return response


@require_GET
def challenge_detail(request, pk):
    challenge = get_challenge(pk)
    ideas = Idea.objects.visible_to(request.user).filter(challenge=challenge)
    current = Challenge.Step.values.index(challenge.step)
    steps = [
        {"label": label, "current": index == current, "done": index < current}
        for index, label in enumerate(Challenge.Step.labels)
    ]
    context = {
        "challenge": challenge,
        "responsible": list(challenge.responsible.all()),
        "themes": list(challenge.themes.all()),
        "steps": steps,
        "idea_count": ideas.count(),
        "ideas": list(ideas.for_list().order_by("-created_at", "-pk")[:DETAIL_IDEAS_LIMIT]),
        "ideas_limit": DETAIL_IDEAS_LIMIT,
        "may_edit": request.user.has_perm("challenges.change_challenge", challenge),
        "panels": panels.render_context(request, challenge),
        "nav": "challenges",
    }
    return render(request, "challenges/detail.html", context)


@require_http_methods(["GET", "POST"])
def challenge_create(request):
    if not request.user.has_perm("challenges.add_challenge"):
        raise Http404
    form = ChallengeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            challenge = actions.do_create_challenge(request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Utmaningen är skapad."))
            return redirect(challenge)
    return render(
        request,
        "challenges/form.html",
        {
            "form": form,
            "creating": True,
            "nav": "challenges",
        },
    )


@require_http_methods(["GET", "POST"])
def challenge_edit(request, pk):
    challenge = get_challenge_for_edit(request, pk)
    form = ChallengeForm(request.POST or None, user=request.user, challenge=challenge)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_challenge(request.user, challenge, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Ändringarna är sparade."))
            return redirect(challenge)
    return render(
        request,
        "challenges/form.html",
        {
            "form": form,
            "challenge": challenge,
            "creating": False,
            "nav": "challenges",
        },
    )


def _require_theme_manager(request):
    if not request.user.has_perm("challenges.manage_themes"):
        raise Http404


@require_http_methods(["GET", "POST"])
def theme_list(request):
    _require_theme_manager(request)
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = actions.do_create_theme(request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Temat ”%(name)s” är tillagt.") % {"name": theme.name})
            return redirect("challenges:themes")
    themes = Theme.objects.annotate(challenge_count=Count("challenges")).order_by("name")
    return render(
        request,
        "challenges/themes.html",
        {
            "form": form,
            "themes": themes,
            "nav": "challenges",
        },
    )


@require_http_methods(["GET", "POST"])
def theme_edit(request, pk):
    _require_theme_manager(request)
    theme = get_object_or_404(Theme, pk=pk)
    initial = {"name": theme.name, "description": theme.description, "is_active": theme.is_active}
    form = ThemeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_theme(request.user, theme, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Temat är sparat."))
            return redirect("challenges:themes")
    return render(
        request,
        "challenges/theme_form.html",
        {
            "form": form,
            "theme": theme,
            "nav": "challenges",
        },
    )
