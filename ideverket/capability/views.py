"""Self-assessment pages: answering, the coordinator's question set and rounds, the results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.activity.models import Event
from ideverket.lib import exports
from ideverket.lib.forms import is_id, querystring_without_page
from ideverket.org.models import Unit

from . import actions, charts
from .forms import AnswerForm, QuestionForm, ResultsFilterForm, RoundForm
from .models import MIN_RESPONDENTS, Answer, Dimension, Question, Response, Round
from .results import MUNICIPALITY, build_results, export_rows
from .rules import can_answer, department_id_of, is_coordinator, results_scope


def get_round_for_user(request, pk):
    """The round if the user may see it (drafts: the coordinator only); 404 otherwise."""
    if not is_id(pk):
        raise Http404
    round = Round.objects.visible_to(request.user).filter(pk=pk).first()
    if round is None:
        raise Http404
    return round


def get_question_for_coordinator(request, pk):
    """A question of the question set; 404 for everyone but the coordinator."""
    if not is_coordinator(request.user) or not is_id(pk):
        raise Http404
    question = Question.objects.select_related("dimension").filter(pk=pk).first()
    if question is None:
        raise Http404
    return question


def _require_coordinator_or_404(request):
    # The management pages do not exist for anyone else (as /org/ for non-administrators).
    if not is_coordinator(request.user):
        raise Http404


def _own_answers(user, round):
    """{round question id: value} of the user's response in `round`, or None (one query)."""
    rows = list(
        Answer.objects.filter(response__round=round, response__respondent=user).values_list(
            "round_question_id", "value"
        )
    )
    return dict(rows) if rows else None


@require_GET
def home(request):
    """The open round (answer / change), and the way to the results."""
    open_round = Round.objects.open().first()
    answered = (
        open_round is not None
        and Response.objects.filter(round=open_round, respondent=request.user).exists()
    )
    return render(
        request,
        "capability/home.html",
        {
            "open_round": open_round,
            "may_answer": can_answer(request.user, open_round),
            "answered": answered,
            "has_department": department_id_of(request.user) is not None,
            "is_coordinator": is_coordinator(request.user),
            "min_respondents": MIN_RESPONDENTS,
            "nav": "capability",
        },
    )


@require_http_methods(["GET", "POST"])
def answer(request, pk):
    round = get_round_for_user(request, pk)
    questions = list(round.questions.select_related("dimension").order_by("order", "pk"))
    may_answer = can_answer(request.user, round)
    saved = _own_answers(request.user, round)
    form = AnswerForm(
        request.POST if request.method == "POST" and may_answer else None,
        round_questions=questions,
        saved=saved,
    )
    status = 200
    if request.method == "POST":
        if not round.accepts_answers():
            messages.error(request, _("Omgången är stängd. Dina svar sparades inte."))
            status = 409
        elif not may_answer:
            raise PermissionDenied
        elif form.is_valid():
            try:
                actions.do_submit_response(request.user, round, form.answers())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Tack! Dina svar är sparade."))
                return redirect("capability:answered", pk=round.pk)
        if form.errors:
            status = 422
    return render(
        request,
        "capability/answer.html",
        {
            "round": round,
            "form": form,
            "may_answer": may_answer,
            "has_department": department_id_of(request.user) is not None,
            "changing": saved is not None,
            "nav": "capability",
        },
        status=status,
    )


@require_GET
def answered(request, pk):
    """The confirmation: your own answers (only you see them), and a way to change them."""
    round = get_round_for_user(request, pk)
    saved = _own_answers(request.user, round) or {}
    labels = {None: _("Vet inte")}
    rows = [
        (rq.dimension.name, rq.text, labels.get(saved.get(rq.pk), saved.get(rq.pk)))
        for rq in round.questions.select_related("dimension").order_by("order", "pk")
        if rq.pk in saved
    ]
    return render(
        request,
        "capability/answered.html",
        {
            "round": round,
            "rows": rows,
            "may_change": bool(rows) and can_answer(request.user, round),
            "nav": "capability",
        },
    )


# -- the coordinator --------------------------------------------------------------------------
@require_GET
def manage(request):
    _require_coordinator_or_404(request)
    dimensions = list(Dimension.objects.all())
    questions = list(Question.objects.in_order())
    by_dimension = [(d, [q for q in questions if q.dimension_id == d.pk]) for d in dimensions]
    rounds = list(Round.objects.all().order_by("-year"))
    open_round = next((r for r in rounds if r.is_open), None)
    per_department = []
    if open_round is not None:
        per_department = list(
            Unit.objects.departments()
            .order_by("name")
            .annotate(
                responses=Count(
                    "capability_responses",
                    filter=Q(capability_responses__round=open_round),
                )
            )
            .values("name", "responses")
        )
    events = list(
        Event.objects.filter(subject_type__app_label="capability")
        .select_related("actor", "subject_type")
        .order_by("-created_at", "-pk")[:10]
    )
    return render(
        request,
        "capability/manage.html",
        {
            "by_dimension": by_dimension,
            "rounds": rounds,
            "open_round": open_round,
            "per_department": per_department,
            "events": events,
            "nav": "capability",
        },
    )


@require_http_methods(["GET", "POST"])
def question_create(request):
    _require_coordinator_or_404(request)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_create_question(request.user, dimension=data["dimension"], text=data["text"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Påståendet är tillagt."))
            return redirect("capability:manage")
    return render(
        request,
        "capability/question_form.html",
        {"form": form, "question": None, "nav": "capability"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = get_question_for_coordinator(request, pk)
    form = QuestionForm(request.POST or None, instance=Question.objects.get(pk=question.pk))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_edit_question(
                request.user,
                question,
                text=data["text"],
                dimension=data["dimension"],
                is_active=data["is_active"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Påståendet är ändrat."))
            return redirect("capability:manage")
    return render(
        request,
        "capability/question_form.html",
        {"form": form, "question": question, "nav": "capability"},
        status=422 if form.errors else 200,
    )


@require_POST
def question_move(request, pk):
    question = get_question_for_coordinator(request, pk)
    direction = request.POST.get("direction", "")
    if direction not in ("up", "down"):
        messages.error(request, _("Okänd riktning."))
    else:
        actions.do_move_question(request.user, question, direction)
    return redirect(reverse("capability:manage") + f"#fraga-{question.pk}")


@require_http_methods(["GET", "POST"])
def round_create(request):
    _require_coordinator_or_404(request)
    form = RoundForm(request.POST or None)
    if not form.is_bound:
        form.initial_for(timezone.localdate())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_create_round(
                request.user,
                year=data["year"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Omgången är förberedd. Öppna den när det är dags."))
            return redirect("capability:manage")
    return render(
        request,
        "capability/round_form.html",
        {"form": form, "nav": "capability"},
        status=422 if form.errors else 200,
    )


def _round_action(request, pk, action, done):
    _require_coordinator_or_404(request)
    round = get_round_for_user(request, pk)
    try:
        action(request.user, round)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("capability:manage")


@require_POST
def round_open(request, pk):
    return _round_action(
        request, pk, actions.do_open_round, _("Omgången är öppen och tar emot svar.")
    )


@require_POST
def round_close(request, pk):
    return _round_action(
        request, pk, actions.do_close_round, _("Omgången är stängd. Resultaten visas nu.")
    )


# -- results ----------------------------------------------------------------------------------
@require_GET
def results(request):
    """Averages per department and dimension: over the years, and side by side for one round.

    Queries (see test_query_counts.py): closed rounds; the departments (filter choices and
    groups, one list); dimensions; the grouped answers; the grouped responses; the open round.
    """
    scope = results_scope(request.user)
    rounds = list(Round.objects.closed().order_by("year"))
    departments = list(Unit.objects.departments().order_by("name").only("id", "name"))
    visible = [d for d in departments if scope.every_department or d.pk in scope.department_ids]
    form = ResultsFilterForm(request.GET or None, rounds=rounds, departments=visible)
    form.is_valid()  # invalid values are dropped from cleaned_data and shown as errors
    data = getattr(form, "cleaned_data", {})
    year = data.get("round")
    chosen = data.get("department")

    data_ = build_results(scope, rounds=rounds, departments=departments)
    round = next((r for r in rounds if r.year == year), rounds[-1] if rounds else None)
    if chosen is not None:
        trend_group = data_.group(str(chosen.pk))
    elif not scope.every_department and scope.department_ids:
        own = department_id_of(request.user)
        key = str(own) if own in scope.department_ids else str(min(scope.department_ids))
        trend_group = data_.group(key)
    else:
        trend_group = data_.group(MUNICIPALITY)
    municipality = data_.group(MUNICIPALITY)

    if fmt := exports.requested_format(request):
        export_rounds = [round] if year and round else rounds
        export_groups = [trend_group, municipality] if chosen is not None else data_.groups
        return exports.export_response(
            fmt,
            _("innovationsformaga"),
            [
                _("År"),
                _("Grupp"),
                _("Dimension"),
                _("Medelvärde (1–5)"),
                _("Antal svarande"),
                _("Anmärkning"),
            ],
            export_rows(data_, export_rounds, export_groups),
        )

    context = {
        "form": form,
        "export_query": querystring_without_page(form),
        "rounds": rounds,
        "round": round,
        "dimensions": data_.dimensions,
        "nav": "capability",
        "min_respondents": MIN_RESPONDENTS,
        "open_round": Round.objects.open().only("id", "year").first(),
    }
    if round is not None:
        context.update(_side_by_side(data_, round))
        context.update(_over_the_years(data_, rounds, trend_group, municipality))
    return render(request, "capability/results.html", context)


def _side_by_side(data, round):
    palette = charts.colours([g.key for g in data.groups], MUNICIPALITY)
    rows = [
        {
            "group": group,
            "shown": group.shown(round.pk),
            "responses": group.responses.get(round.pk, 0),
            "cells": [group.cell(round.pk, d.pk) for d in data.dimensions],
            "colour": palette[group.key],
        }
        for group in data.groups
    ]
    chart = charts.bar_chart(
        [
            (
                dimension.name,
                [(row["group"].name, row["colour"], row["cells"][i].average) for row in rows],
            )
            for i, dimension in enumerate(data.dimensions)
        ]
    )
    return {"compare_rows": rows, "bar_chart": chart}


def _over_the_years(data, rounds, group, municipality):
    palette = charts.PALETTE
    rows = [
        {
            "dimension": dimension,
            # (the group's cell, the municipality's for comparison or None) per round
            "cells": [
                (
                    group.cell(r.pk, dimension.pk),
                    None if group is municipality else municipality.cell(r.pk, dimension.pk),
                )
                for r in rounds
            ],
            "colour": palette[i % len(palette)],
        }
        for i, dimension in enumerate(data.dimensions)
    ]
    chart = charts.line_chart(
        [str(r.year) for r in rounds],
        [
            (row["dimension"].name, row["colour"], [c.average for c, _m in row["cells"]])
            for row in rows
        ],
    )
    return {
        "trend_group": group,
        "trend_rows": rows,
        "trend_responses": [
            group.responses.get(r.pk, 0) if group.shown(r.pk) else None for r in rounds
        ],
        "line_chart": chart,
    }
