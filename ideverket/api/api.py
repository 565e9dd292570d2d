"""The open REST API (/api/): read what the token's owner may see, write ideas and comments.

Every list and detail starts from the same visibility queryset as the UI, so an item the owner
may not see answers 404 exactly like a missing one.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query, Status, Swagger
from ninja.errors import AuthenticationError, ValidationError

from ideverket.challenges.models import Challenge, Theme
from ideverket.effects.models import Effect
from ideverket.goals.models import Goal
from ideverket.ideas.actions import do_comment, do_create_idea
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.lib.search import search
from ideverket.lib.text import normalize_text
from ideverket.org.models import Unit
from ideverket.projects.models import Project
from ideverket.trials.models import Trial

from . import schemas as s
from .auth import TokenAuth
from .errors import swedish_errors

api = NinjaAPI(
    title="Idéverket API",
    version="1",
    description=_(
        "Läs utmaningar, idéer, tester, projekt, effekter och mål med samma synlighet som i "
        "Idéverket, och lämna idéer och kommentarer. Autentisering: "
        "`Authorization: Bearer <nyckel>`; skapa en nyckel under /api/nycklar/."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": False}),
)

NOT_FOUND = {404: s.ErrorOut}
ItemId = Path(..., ge=1, le=s.MAX_ID)


# -- errors: Swedish messages, JSON bodies -------------------------------------------------


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"detail": swedish_errors(exc.errors)}, status=422)


@api.exception_handler(DjangoValidationError)
def domain_validation_error(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = [
        {"loc": ["body", field], "msg": str(message), "type": "value_error"}
        for field, messages in errors.items()
        for message in messages
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    response = api.create_response(
        request, {"detail": _("Ogiltig, återkallad eller saknad API-nyckel.")}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Hittades inte.")}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": _("Du får inte göra det.")}, status=403)


def _page(queryset, params, as_dict):
    """One page of `queryset` (ordered, so pages do not overlap) and the total count."""
    rows = queryset[params.offset : params.offset + params.limit]
    return {"count": queryset.count(), "items": [as_dict(row) for row in rows]}


def _unit_or_none(unit_id):
    """The unit a filter names; an unknown id filters to nothing rather than erroring."""
    return Unit.objects.filter(pk=unit_id).only("id", "path").first()


def _unit(unit):
    return {"id": unit.pk, "name": unit.name}


# -- challenges: every logged-in person sees them all ----------------------------------------


def _challenges():
    return Challenge.objects.select_related("owner_unit").prefetch_related(
        Prefetch("themes", Theme.objects.only("id", "name"))
    )


def _challenge(challenge, detail=False):
    data = {
        "id": challenge.pk,
        "title": challenge.title,
        "question": challenge.question,
        "owner_unit": _unit(challenge.owner_unit),
        "step": challenge.step,
        "open_until": challenge.open_until,
        "is_open": challenge.is_open,
        "themes": [theme.name for theme in challenge.themes.all()],
        "created_at": challenge.created_at,
        "url": challenge.get_absolute_url(),
    }
    if detail:
        data.update(background=challenge.background, needs=challenge.needs)
    return data


@api.get(
    "/challenges",
    response=s.page_of(s.ChallengeOut),
    tags=["Utmaningar"],
    summary="Lista utmaningar",
)
def list_challenges(request, filters: Query[s.ChallengeFilters]):
    """Utmaningar, nyast först."""
    challenges = _challenges().defer("search_text").order_by("-created_at", "-pk")
    if filters.unit is not None:
        unit = _unit_or_none(filters.unit)
        challenges = (
            challenges.filter(owner_unit__path__startswith=unit.path) if unit else challenges.none()
        )
    if filters.open is True:
        challenges = challenges.open()
    elif filters.open is False:
        challenges = challenges.closed()
    challenges = search(challenges, filters.q)
    return _page(challenges, filters, _challenge)


@api.get(
    "/challenges/{id}",
    response={200: s.ChallengeDetail, **NOT_FOUND},
    tags=["Utmaningar"],
    summary="Hämta en utmaning",
)
def get_challenge(request, id: int = ItemId):
    return _challenge(get_object_or_404(_challenges(), pk=id), detail=True)


# -- ideas ---------------------------------------------------------------------------------


def _visible_ideas(user):
    return Idea.objects.visible_to(user).select_related("owner_unit").defer("search_text")


def _idea(idea, detail=False):
    data = {
        "id": idea.pk,
        "title": idea.title,
        "stage": idea.stage,
        "stage_label": str(Stage(idea.stage).label),
        "visibility": idea.visibility,
        "owner_unit": _unit(idea.owner_unit),
        "challenge_id": idea.challenge_id,
        "support_count": idea.support_count,
        "comment_count": idea.comment_count,
        "created_at": idea.created_at,
        "submitted_at": idea.submitted_at,
        "url": idea.get_absolute_url(),
    }
    if detail:
        data.update(problem=idea.problem, proposal=idea.proposal, benefit=idea.benefit)
    return data


@api.get("/ideas", response=s.page_of(s.IdeaOut), tags=["Idéer"], summary="Lista idéer")
def list_ideas(request, filters: Query[s.IdeaFilters]):
    """Idéer du får se, nyast först. Dina egna utkast ingår."""
    ideas = _visible_ideas(request.auth).order_by("-created_at", "-pk")
    if filters.stage is not None:
        ideas = ideas.filter(stage=filters.stage)
    if filters.unit is not None:
        unit = _unit_or_none(filters.unit)
        ideas = ideas.filter(owner_unit__path__startswith=unit.path) if unit else ideas.none()
    if filters.challenge is not None:
        ideas = ideas.filter(challenge_id=filters.challenge)
    ideas = search(ideas, filters.q)
    return _page(ideas, filters, _idea)


@api.get(
    "/ideas/{id}", response={200: s.IdeaDetail, **NOT_FOUND}, tags=["Idéer"], summary="Hämta en idé"
)
def get_idea(request, id: int = ItemId):
    return _idea(get_object_or_404(_visible_ideas(request.auth), pk=id), detail=True)


@api.post(
    "/ideas",
    response={201: s.IdeaDetail, 422: s.ValidationErrorOut},
    tags=["Idéer"],
    summary="Lämna en idé",
)
def create_idea(request, payload: s.IdeaIn):
    """Lämna en idé (submit=false sparar ett utkast). Du blir idéns förslagsställare."""
    errors = {}
    texts = {
        name: normalize_text(getattr(payload, name))
        for name in ("title", "problem", "proposal", "benefit")
    }
    for name, message in (
        ("title", _("Ge idén en rubrik.")),
        ("problem", _("Beskriv problemet.")),
        ("proposal", _("Beskriv förslaget.")),
    ):
        if not texts[name]:
            errors[name] = [message]
    owner_unit = (
        Unit.objects.active()
        .exclude(kind=Unit.Kind.MUNICIPALITY)
        .filter(pk=payload.owner_unit_id)
        .first()
    )
    if owner_unit is None:
        errors["owner_unit_id"] = [_("Välj en enhet som finns.")]
    challenge = None
    if payload.challenge_id is not None:
        challenge = Challenge.objects.open().filter(pk=payload.challenge_id).first()
        if challenge is None:
            errors["challenge_id"] = [_("Välj en utmaning som är öppen för idéer.")]
    if errors:
        raise DjangoValidationError(errors)
    idea = do_create_idea(
        request.auth,
        **texts,
        owner_unit=owner_unit,
        challenge=challenge,
        visibility=payload.visibility,
        submit=payload.submit,
    )
    return Status(201, _idea(_visible_ideas(request.auth).get(pk=idea.pk), detail=True))


@api.post(
    "/ideas/{id}/comments",
    response={201: s.CommentOut, 403: s.ErrorOut, 422: s.ValidationErrorOut, **NOT_FOUND},
    tags=["Idéer"],
    summary="Kommentera en idé",
)
def comment_idea(request, payload: s.CommentIn, id: int = ItemId):
    """Kommentera en idé du får se."""
    idea = get_object_or_404(_visible_ideas(request.auth), pk=id)
    comment = do_comment(request.auth, idea, payload.body)
    return Status(
        201,
        {
            "id": comment.pk,
            "idea_id": idea.pk,
            "author": request.auth.name,
            "body": comment.body,
            "created_at": comment.created_at,
        },
    )


# -- trials --------------------------------------------------------------------------------


def _visible_trials(user):
    return Trial.objects.visible_to(user).select_related("idea", "owner")


def _trial(trial, detail=False):
    data = {
        "id": trial.pk,
        "idea_id": trial.idea_id,
        "idea_title": trial.idea.title,
        "status": trial.status,
        "owner": trial.owner.name if trial.owner_id else None,
        "starts_on": trial.starts_on,
        "ends_on": trial.ends_on,
        "url": trial.get_absolute_url(),
    }
    if detail:
        data.update(hypothesis=trial.hypothesis, plan=trial.plan, summary=trial.summary)
    return data


@api.get("/trials", response=s.page_of(s.TrialOut), tags=["Tester"], summary="Lista tester")
def list_trials(request, filters: Query[s.TrialFilters]):
    """Tester av idéer du får se, nyast först."""
    trials = _visible_trials(request.auth).order_by("-created_at", "-pk")
    if filters.status is not None:
        trials = trials.filter(status=filters.status)
    if filters.idea is not None:
        trials = trials.filter(idea_id=filters.idea)
    return _page(trials, filters, _trial)


@api.get(
    "/trials/{id}",
    response={200: s.TrialDetail, **NOT_FOUND},
    tags=["Tester"],
    summary="Hämta ett test",
)
def get_trial(request, id: int = ItemId):
    return _trial(get_object_or_404(_visible_trials(request.auth), pk=id), detail=True)


# -- projects ------------------------------------------------------------------------------


def _visible_projects(user):
    return Project.objects.visible_to(user).select_related("lead_unit").defer("search_text")


def _project(project, detail=False):
    data = {
        "id": project.pk,
        "title": project.title,
        "status": project.status,
        "visibility": project.visibility,
        "lead_unit": _unit(project.lead_unit),
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
        "url": project.get_absolute_url(),
    }
    if detail:
        data.update(purpose=project.purpose, description=project.description)
    return data


@api.get("/projects", response=s.page_of(s.ProjectOut), tags=["Projekt"], summary="Lista projekt")
def list_projects(request, filters: Query[s.ProjectFilters]):
    """Projekt du får se, nyast först."""
    projects = _visible_projects(request.auth).order_by("-created_at", "-pk")
    if filters.status is not None:
        projects = projects.filter(status=filters.status)
    if filters.unit is not None:
        unit = _unit_or_none(filters.unit)
        projects = (
            projects.filter(lead_unit__path__startswith=unit.path) if unit else projects.none()
        )
    return _page(projects, filters, _project)


@api.get(
    "/projects/{id}",
    response={200: s.ProjectDetail, **NOT_FOUND},
    tags=["Projekt"],
    summary="Hämta ett projekt",
)
def get_project(request, id: int = ItemId):
    return _project(get_object_or_404(_visible_projects(request.auth), pk=id), detail=True)


# -- effects -------------------------------------------------------------------------------


def _visible_effects(user):
    return Effect.objects.visible_to(user).select_related("unit", "subject_type")


def _effect(effect):
    return {
        "id": effect.pk,
        "subject_type": f"{effect.subject_type.app_label}.{effect.subject_type.model}",
        "subject_id": effect.subject_id,
        "kind": effect.kind,
        "kind_label": str(Effect.Kind(effect.kind).label),
        "unit": _unit(effect.unit),
        "description": effect.description,
        "indicator": effect.indicator,
        "baseline": effect.baseline,
        "target": effect.target,
    }


@api.get("/effects", response=s.page_of(s.EffectOut), tags=["Effekter"], summary="Lista effekter")
def list_effects(request, filters: Query[s.EffectFilters]):
    """Förväntade effekter av det du får se, nyast först."""
    effects = _visible_effects(request.auth).order_by("-created_at", "-pk")
    if filters.kind is not None:
        effects = effects.filter(kind=filters.kind)
    if filters.unit is not None:
        unit = _unit_or_none(filters.unit)
        effects = effects.filter(unit__path__startswith=unit.path) if unit else effects.none()
    return _page(effects, filters, _effect)


@api.get(
    "/effects/{id}",
    response={200: s.EffectOut, **NOT_FOUND},
    tags=["Effekter"],
    summary="Hämta en effekt",
)
def get_effect(request, id: int = ItemId):
    return _effect(get_object_or_404(_visible_effects(request.auth), pk=id))


# -- goals: the goal model is public inside the municipality -------------------------------


def _goals():
    return Goal.objects.select_related("period", "owner_unit").defer("search_text")


def _goal(goal, detail=False):
    data = {
        "id": goal.pk,
        "period": goal.period.name,
        "period_id": goal.period_id,
        "level": goal.level,
        "reference": goal.reference,
        "title": goal.title,
        "owner_unit": _unit(goal.owner_unit) if goal.owner_unit_id else None,
        "parent_id": goal.parent_id,
        "is_active": goal.is_active,
        "url": goal.get_absolute_url(),
    }
    if detail:
        data["description"] = goal.description
    return data


@api.get("/goals", response=s.page_of(s.GoalOut), tags=["Mål"], summary="Lista mål")
def list_goals(request, filters: Query[s.GoalFilters]):
    """Mål i målträdets ordning."""
    goals = _goals().order_by("period_id", "path", "pk")
    if filters.period is not None:
        goals = goals.filter(period_id=filters.period)
    if filters.level is not None:
        goals = goals.filter(level=filters.level)
    return _page(goals, filters, _goal)


@api.get(
    "/goals/{id}", response={200: s.GoalDetail, **NOT_FOUND}, tags=["Mål"], summary="Hämta ett mål"
)
def get_goal(request, id: int = ItemId):
    return _goal(get_object_or_404(_goals(), pk=id), detail=True)


def _one_route_per_path(urls):
    """Ninja adds a URL pattern per operation, but one view serves every method of a path;
    keeping the first per route gives each path one name (and the URL sweep a pattern to
    reach, tests/test_urls.py)."""
    patterns, app_name, namespace = urls
    seen, unique = set(), []
    for pattern in patterns:
        if str(pattern.pattern) not in seen:
            seen.add(str(pattern.pattern))
            unique.append(pattern)
    return unique, app_name, namespace


urls = _one_route_per_path(api.urls)
