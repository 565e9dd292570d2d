"""Idea pages: list, submit, detail with decisions, comments, support and follow, Min sida."""

import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.activity.describe import attach_subjects
from ideverket.activity.models import Event, Notification
from ideverket.challenges.models import Challenge, Theme
from ideverket.lib import exports, json_lists
from ideverket.lib.forms import is_id, parse_seen, querystring_without_page
from ideverket.lib.htmx import partial_or_page
from ideverket.lib.json_lists import json_list
from ideverket.org.models import RoleAssignment

from . import actions, paging, panels
from .forms import AssignForm, CommentForm, DecisionForm, IdeaFilterForm, IdeaForm
from .models import Comment, Decision, Follow, Idea, Support, stage_limits
from .process import FINAL_STAGES, Outcome, Stage, outcomes_from
from .rules import can_decide, is_decider

User = get_user_model()


def get_idea_for_user(request, pk, *related, queryset=None):
    """The idea if the user may see it; 404 both when it is missing and when it is hidden."""
    queryset = (Idea.objects.all() if queryset is None else queryset).visible_to(request.user)
    return get_object_or_404(queryset.select_related("owner_unit", *related), pk=pk)


def paginate(request, queryset, per_page=None):
    paginator = Paginator(queryset, per_page or settings.IDEVERKET["PAGE_SIZE"])
    return paginator.get_page(request.GET.get("page"))


def _names(objects):
    return ", ".join(obj.name for obj in objects)


def _idea_columns(request):
    """The columns of an idea list's download: what the card shows, and a little more."""
    return [
        (gettext_lazy("Id"), lambda idea: idea.pk),
        (gettext_lazy("Rubrik"), lambda idea: idea.title),
        (gettext_lazy("Steg"), lambda idea: idea.get_stage_display()),
        (gettext_lazy("Förvaltning"), lambda idea: exports.name_of(idea.owner_unit.department)),
        (gettext_lazy("Enhet"), lambda idea: idea.owner_unit.name),
        (gettext_lazy("Utmaning"), lambda idea: idea.challenge.title if idea.challenge_id else ""),
        (gettext_lazy("Teman"), lambda idea: _names(idea.themes.all())),
        (gettext_lazy("Synlighet"), lambda idea: idea.get_visibility_display()),
        (gettext_lazy("Söker samarbetspartner"), lambda idea: idea.looking_for_partners),
        (gettext_lazy("Inskickad"), lambda idea: idea.submitted_at),
        (gettext_lazy("Senast ändrat steg"), lambda idea: idea.stage_changed_at),
        (gettext_lazy("Titta igen"), lambda idea: idea.revisit_on),
        (gettext_lazy("Stöd"), lambda idea: idea.support_count),
        (gettext_lazy("Kommentarer"), lambda idea: idea.comment_count),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


def _download_ideas(request, name, ideas):
    """The CSV/XLSX of `ideas` (the page's filtered, visible queryset) when asked for, else
    None. Queries: the ideas with unit, department and challenge joined in; their themes."""
    ideas = ideas.select_related("owner_unit__department", "challenge").prefetch_related(
        Prefetch("themes", Theme.objects.only("id", "name").order_by("name"))
    )
    return exports.download(request, name, _idea_columns(request), ideas)


@require_GET
def idea_list(request):
    form = IdeaFilterForm(request.GET or None)
    form.is_valid()  # invalid values are dropped by filter(); their errors are shown
    ideas = form.filter(Idea.objects.visible_to(request.user).exclude(stage=Stage.DRAFT))
    if response := _download_ideas(request, _("idéer"), ideas):
        return response
    page = paging.bounded_page(
        ideas.for_list(), request.GET.get("page"), settings.IDEVERKET["PAGE_SIZE"]
    )
    context = {
        "form": form,
        "page_obj": page,
        "cards_key": "\x1e".join(idea.card_key for idea in page.object_list),
        "nav": "ideas",
        "querystring_without_page": querystring_without_page(form),
    }
    return render(request, partial_or_page(request, "ideas/list.html", "results"), context)


@require_http_methods(["GET", "POST"])
def idea_create(request):
    initial = {}
    challenge_id = request.GET.get("challenge", "")
    if is_id(challenge_id):
        challenge = Challenge.objects.open().filter(pk=challenge_id).first()
        if challenge is not None:
            initial = {"challenge": challenge, "themes": list(challenge.themes.all())}
    form = IdeaForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        submit = "save_draft" not in request.POST
        idea = actions.do_create_idea(
            request.user,
            title=data["title"],
            problem=data["problem"],
            proposal=data["proposal"],
            benefit=data["benefit"],
            owner_unit=data["owner_unit"],
            challenge=data["challenge"],
            themes=data["themes"],
            co_submitters=data["co_submitters"],
            visibility=data["visibility"],
            looking_for_partners=data["looking_for_partners"],
            submit=submit,
        )
        if submit:
            messages.success(
                request, _("Tack! Din idé är inskickad. Du får en notis när något händer med den.")
            )
        else:
            messages.success(
                request, _("Utkastet är sparat. Bara du och dina medförslagsställare ser det.")
            )
        return redirect(idea)
    return render(request, "ideas/form.html", {"form": form, "nav": "new", "creating": True})


@require_GET
def similar_ideas(request):
    """Ideas whose text matches the title being typed, so duplicates are found before filing."""
    title = request.GET.get("title", "")[:150]
    ideas = []
    words = [w for w in title.split() if len(w) >= 4]
    if words:
        visible = Idea.objects.visible_to(request.user).exclude(stage=Stage.DRAFT)
        # Any-word match: a duplicate rarely uses the same words, so match on each long word.
        candidates = Idea.objects.none()
        for word in sorted(words, key=len, reverse=True)[:3]:
            candidates = candidates | visible.search(word)
        ideas = list(
            candidates.for_list().order_by("-support_count", "-pk")[
                : settings.IDEVERKET["SIMILAR_IDEAS_LIMIT"]
            ]
        )
    return render(request, "ideas/form.html#similar", {"similar": ideas, "title": title})


def _flag(idea, name, model, user):
    if hasattr(idea, name):
        return getattr(idea, name)
    return model.objects.filter(idea=idea, user=user).exists()


@functools.cache
def _name_lists():
    """The idea page's JSON arrays that are the same for every viewer (comments, submitters,
    themes), built once per process: annotate() resolves a copy of each, leaving these
    untouched."""
    return {
        "comment_rows": json_list(
            Comment.objects.filter(idea=OuterRef("pk")),
            "idea",
            pk="pk",
            body="body",
            created_at="created_at",
            author_id="author_id",
            author_name="author__name",
        ),
        "submitter_rows": json_list(
            Idea.submitters.through.objects.filter(idea=OuterRef("pk")),
            "idea",
            pk="user_id",
            name="user__name",
        ),
        "theme_rows": json_list(
            Idea.themes.through.objects.filter(idea=OuterRef("pk")),
            "idea",
            pk="theme_id",
            name="theme__name",
        ),
    }


def with_names(queryset, user):
    """Annotate the idea's submitters, themes, (visible) merged ideas and comments as JSON
    arrays, so the idea page reads them in the idea's own row (_names_around, _comments)."""
    return queryset.annotate(
        **_name_lists(),
        merged_rows=json_list(
            # The merged ideas picked by merged_into first: with the visibility rule beside it
            # in one WHERE, SQLite read every idea instead of the merged_into index.
            Idea.objects.visible_to(user).filter(
                pk__in=Idea.objects.filter(merged_into=OuterRef(OuterRef("pk"))).values("pk")
            ),
            "merged_into",
            pk="id",
            name="title",
        ),
    )


def _comments(idea):
    """The idea's comments, oldest first, with their authors' names: from the idea's row when
    it was read with_names(), else one query."""
    if not hasattr(idea, "comment_rows"):
        return list(Comment.objects.filter(idea=idea).select_related("author"))
    comments = [
        Comment(
            pk=row["pk"],
            idea=idea,
            body=row["body"],
            created_at=json_lists.moment(row["created_at"]),
            author=User(pk=row["author_id"], name=row["author_name"]) if row["author_id"] else None,
        )
        for row in json_lists.rows(idea.comment_rows)
    ]
    return sorted(comments, key=lambda comment: (comment.created_at, comment.pk))


def _names_around(idea):
    """The idea's submitters, themes and (visible) merged ideas, sorted by name, from the JSON
    arrays in its row (with_names)."""
    found = [
        (row["pk"], row["name"], kind)
        for kind, text in (
            ("submitter", idea.submitter_rows),
            ("theme", idea.theme_rows),
            ("merged", idea.merged_rows),
        )
        for row in json_lists.rows(text)
    ]
    names = {"submitter": [], "theme": [], "merged": []}
    for pk, name, kind in sorted(found, key=lambda row: row[1]):
        names[kind].append((pk, name))
    return (
        [User(pk=pk, name=name) for pk, name in names["submitter"]],
        [Theme(pk=pk, name=name) for pk, name in names["theme"]],
        [Idea(pk=pk, title=title) for pk, title in names["merged"]],
    )


def _detail_context(request, idea):
    """For an idea from _page_idea(), whose row carries its names and comments. Queries: its
    decisions when it has any (with_page_flags()); the timeline; the panels of other apps."""
    user = request.user
    submitters, themes, merged_ideas = _names_around(idea)
    idea.__dict__["submitter_ids"] = {u.pk for u in submitters}
    decisions = []
    if getattr(idea, "has_decisions", True):
        decisions = list(
            Decision.objects.filter(idea=idea)
            .select_related(
                "decided_by",
                "target_unit",
                "target_idea",
                "commitment",
                "commitment__receiving_unit",
                "commitment__owner",
            )
            .order_by("-decided_at", "-pk")
        )
    # The commitment owners may record results (apps.may_record_results): known from here.
    idea.__dict__["_commitment_owner_ids"] = {
        d.commitment.owner_id for d in decisions if hasattr(d, "commitment")
    }
    comments = _comments(idea)
    timeline = list(Event.objects.for_subject(idea).timeline())
    may_decide = can_decide(user, idea)
    return {
        "idea": idea,
        "submitters": submitters,
        "themes": themes,
        "decisions": decisions,
        "latest_commitment": next(
            (d.commitment for d in decisions if hasattr(d, "commitment")), None
        ),
        "comments": comments,
        "timeline": timeline,
        "supported": _flag(idea, "viewer_supports", Support, user),
        "following": _flag(idea, "viewer_follows", Follow, user),
        "merged_ideas": merged_ideas,
        "outcomes": [Outcome(o) for o in outcomes_from(idea.stage)] if may_decide else [],
        "may_decide": may_decide,
        "may_assign": is_decider(user, idea) and idea.stage != Stage.DRAFT,
        "may_edit": user.has_perm("ideas.edit_idea", idea),
        "may_submit": user.has_perm("ideas.submit_idea", idea),
        "may_coach": user.has_perm("ideas.coach_idea", idea) and idea.coach_id != user.pk,
        "is_final": idea.stage in FINAL_STAGES,
        "comment_form": CommentForm(),
        "panels": panels.render_context(request, idea),
        "nav": "ideas",
    }


def _page_idea(request, pk):
    """The idea as its page shows it: related rows joined in, the viewer's and the page's flags,
    its names and comments in its own row."""
    return get_idea_for_user(
        request,
        pk,
        "challenge",
        "handler",
        "coach",
        "merged_into",
        queryset=with_names(
            Idea.objects.with_viewer_flags(request.user).with_page_flags(), request.user
        ),
    )


@require_GET
def idea_detail(request, pk):
    idea = _page_idea(request, pk)
    context = _detail_context(request, idea)
    if context["may_assign"]:
        context["assign_form"] = AssignForm(
            initial={"handler": idea.handler_id, "coach": idea.coach_id}
        )
    return render(request, "ideas/detail.html", context)


@require_http_methods(["GET", "POST"])
def idea_edit(request, pk):
    idea = get_idea_for_user(request, pk)
    if not request.user.has_perm("ideas.edit_idea", idea):
        raise PermissionDenied
    # Validating a posted form writes its values onto the instance: give it a copy of its own,
    # so the action still sees the idea as it was. Showing the form changes nothing.
    instance = Idea.objects.get(pk=idea.pk) if request.method == "POST" else idea
    form = IdeaForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_edit_idea(
                request.user,
                idea,
                seen_updated_at=parse_seen(request.POST.get("seen_updated_at")),
                themes=data["themes"],
                co_submitters=data["co_submitters"],
                **{
                    k: data[k]
                    for k in (
                        "title",
                        "problem",
                        "proposal",
                        "benefit",
                        "owner_unit",
                        "challenge",
                        "visibility",
                        "looking_for_partners",
                    )
                },
            )
        except actions.StaleDecision as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Ändringarna är sparade."))
            return redirect(idea)
    return render(
        request,
        "ideas/form.html",
        {
            "form": form,
            "idea": idea,
            "nav": "ideas",
            "creating": False,
            "seen_updated_at": request.POST.get("seen_updated_at") or idea.updated_at.isoformat(),
        },
    )


@require_POST
def idea_submit(request, pk):
    idea = get_idea_for_user(request, pk)
    try:
        actions.do_submit_idea(request.user, idea)
    except actions.StaleDecision as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Idén är inskickad."))
    return redirect(idea)


def _record_page_for(idea, outcome):
    """The trial's evaluation or the implementation's handover page, where that is the form."""
    if outcome == Outcome.EVALUATE:
        from ideverket.trials.models import Trial

        trial = Trial.objects.filter(idea=idea).open().only("pk").first()
        return trial and reverse("trials:evaluate", args=[trial.pk])
    if outcome == Outcome.COMPLETE:
        from ideverket.implementation.models import Implementation

        implementation = Implementation.objects.filter(idea=idea).active().only("pk").first()
        return implementation and reverse("implementation:handover", args=[implementation.pk])
    return None


@require_http_methods(["GET", "POST"])
def idea_decide(request, pk, outcome):
    idea = get_idea_for_user(request, pk, "handler")
    if outcome not in Outcome.values:
        raise Http404
    seen_stage = request.POST.get("seen_stage") or idea.stage
    if request.method == "POST" and seen_stage != idea.stage and is_decider(request.user, idea):
        # Someone decided while this decider had the form open: say who, not "forbidden".
        messages.error(request, actions.stale_message(idea))
        return redirect(idea)
    if not can_decide(request.user, idea):
        raise PermissionDenied
    record_page = _record_page_for(idea, outcome)
    if record_page is not None:
        # Evaluating and handing over have their own forms (criteria, follow-up dates).
        return redirect(record_page)
    if outcome not in outcomes_from(seen_stage):
        messages.error(request, _("Det beslutet går inte att ta i idéns nuvarande steg."))
        return redirect(idea)
    form = DecisionForm(request.POST or None, outcome=outcome, idea=idea)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target_idea = None
        if data.get("target_idea"):
            target_idea = (
                Idea.objects.visible_to(request.user).filter(pk=data["target_idea"]).first()
            )
            if target_idea is None:
                form.add_error(
                    "target_idea", _("Det finns ingen idé med det numret som du kan se.")
                )
        if not form.errors:
            try:
                decision = actions.do_decide(
                    request.user,
                    idea,
                    outcome,
                    seen_stage=data["seen_stage"],
                    reason=data.get("reason", ""),
                    revisit_on=data.get("revisit_on"),
                    target_unit=data.get("target_unit"),
                    target_idea=target_idea,
                    commitment=form.commitment(),
                )
            except actions.StaleDecision as exc:
                form.add_error(None, exc)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Beslutet är registrerat: %(outcome)s.")
                    % {"outcome": decision.get_outcome_display()},
                )
                return redirect(idea)
    return render(
        request,
        "ideas/decide.html",
        {
            "idea": idea,
            "form": form,
            "outcome": Outcome(outcome),
            "nav": "ideas",
        },
    )


@require_POST
def idea_comment(request, pk):
    idea = get_idea_for_user(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            actions.do_comment(request.user, idea, form.cleaned_data["body"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if not request.htmx:
                messages.success(request, _("Din kommentar är publicerad."))
                return redirect(f"{idea.get_absolute_url()}#kommentarer")
            form = CommentForm()
    if not request.htmx:
        context = _detail_context(request, _page_idea(request, pk))
        context["comment_form"] = form
        return render(request, "ideas/detail.html", context, status=200 if not form.errors else 422)
    comments = _comments(idea)
    return render(
        request,
        "ideas/detail.html#comments",
        {
            "idea": idea,
            "comments": comments,
            "comment_form": form,
            "comment_count": len(comments),
            "just_commented": not form.errors,
        },
    )


@require_POST
def idea_support(request, pk):
    idea = get_idea_for_user(request, pk)
    if request.POST.get("action") == "remove":
        actions.do_unsupport(request.user, idea)
        supported = False
    else:
        actions.do_support(request.user, idea)
        supported = True
    if request.htmx:
        idea.refresh_from_db(fields=["support_count"])
        return render(request, "ideas/detail.html#support", {"idea": idea, "supported": supported})
    return redirect(idea)


@require_POST
def idea_follow(request, pk):
    idea = get_idea_for_user(request, pk)
    if request.POST.get("action") == "remove":
        actions.do_unfollow(request.user, idea)
        following = False
    else:
        actions.do_follow(request.user, idea)
        following = True
    if request.htmx:
        return render(request, "ideas/detail.html#follow", {"idea": idea, "following": following})
    return redirect(idea)


@require_POST
def idea_assign(request, pk):
    idea = get_idea_for_user(request, pk)
    if request.POST.get("coach_self"):
        actions.do_set_coach(request.user, idea, request.user)
        messages.success(request, _("Du är nu coach för idén."))
        return redirect(idea)
    if not request.user.has_perm("ideas.assign_idea", idea):
        raise PermissionDenied
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Välj en handläggare och coach från listorna."))
        return redirect(idea)
    if form.cleaned_data["handler"] != idea.handler:
        actions.do_set_handler(request.user, idea, form.cleaned_data["handler"])
    if form.cleaned_data["coach"] != idea.coach:
        actions.do_set_coach(request.user, idea, form.cleaned_data["coach"])
    messages.success(request, _("Handläggare och coach är sparade."))
    return redirect(idea)


MINE_LIMIT = 20


def _decider_scope(user, queryset):
    """The part of `queryset` under units where `user` decides (everything for coordinators)."""
    if user.is_coordinator:
        return queryset
    return queryset.filter(user.units_with_role_filter("owner_unit", *RoleAssignment.DECIDERS))


@require_GET
def waiting(request):
    """Ideas waiting too long in their stage, for the people who decide on them."""
    user = request.user
    if not (user.is_coordinator or user.role_units(*RoleAssignment.DECIDERS)):
        raise Http404
    form = IdeaFilterForm(request.GET or None)
    form.is_valid()
    ideas = _decider_scope(user, Idea.objects.visible_to(user).waiting_too_long())
    ideas = form.filter(ideas).order_by("stage_changed_at", "pk")
    if response := _download_ideas(request, _("idéer som väntat för länge"), ideas):
        return response
    context = {
        "form": form,
        "page_obj": paginate(request, ideas.for_list()),
        "nav": "mine",
        "querystring_without_page": querystring_without_page(form),
        "limits": [(Stage(stage).label, days) for stage, days in stage_limits().items()],
    }
    return render(request, "ideas/waiting.html", context)


@require_GET
def mine(request):
    """Min sida: my ideas, what I follow, what waits for my decision or handling."""
    user = request.user
    visible = Idea.objects.visible_to(user)
    my_ideas = visible.submitted_by(user).for_list().order_by("-created_at", "-pk")
    awaiting = visible.awaiting_decision_by(user).for_list().order_by("stage_changed_at", "pk")
    may_decide = user.is_coordinator or bool(user.role_units(*RoleAssignment.DECIDERS))
    to_move_on = Q(handler=user)
    if may_decide:
        to_move_on |= Q(pk__in=_decider_scope(user, Idea.objects.all()).values("pk"))
    overdue = visible.waiting_too_long().filter(to_move_on)
    handling = (
        visible.filter(handler=user)
        .exclude(stage__in=FINAL_STAGES)
        .for_list()
        .order_by("stage_changed_at", "pk")
    )
    coaching = visible.filter(coach=user).exclude(stage__in=FINAL_STAGES).for_list()
    # What I follow, without my own ideas (NOT EXISTS: PostgreSQL makes NOT IN a scan of all).
    following = (
        visible.followed_by(user)
        .exclude(Exists(Idea.submitters.through.objects.filter(idea=OuterRef("pk"), user=user)))
        .for_list()
    )
    notifications = list(
        Notification.objects.for_user(user).unread().select_related("event__subject_type")[:50]
    )
    from ideverket.implementation.models import Implementation
    from ideverket.trials.models import Trial

    context = {
        "nav": "mine",
        "my_trials": list(
            Trial.objects.visible_to(user)
            .filter(owner=user)
            .open()
            .with_flag()
            .select_related("idea")
            .order_by("ends_on", "pk")[:MINE_LIMIT]
        ),
        "my_implementations": list(
            Implementation.objects.visible_to(user)
            .filter(owner=user)
            .active()
            .select_related("idea")
            .order_by("ends_on", "pk")[:MINE_LIMIT]
        ),
        "my_ideas": list(my_ideas[:MINE_LIMIT]),
        "awaiting": list(awaiting[:MINE_LIMIT]),
        "overdue_count": overdue.count(),
        "may_see_waiting": may_decide,
        "handling": list(handling[:MINE_LIMIT]),
        "coaching": list(coaching[:MINE_LIMIT]),
        "following": list(following[:MINE_LIMIT]),
        "notifications": attach_subjects(user, notifications)[:5],
    }
    return render(request, "ideas/mine.html", context)
