"""Rounds and responses for tests, made through the actions."""

import datetime
import importlib

from django.apps import apps
from django.utils import timezone

from ideverket.capability.actions import (
    do_close_round,
    do_create_round,
    do_open_round,
    do_submit_response,
)
from ideverket.capability.models import Question
from ideverket.org.actions import do_create_user

_default_questions = importlib.import_module(
    "ideverket.capability.migrations.0002_default_questions"
)


def ensure_default_questions():
    """The migration's default statements; a transactional test (the browser's live server)
    starts from a flushed database without them."""
    if not Question.objects.exists():
        _default_questions.create_default_set(apps, None)


def open_round(cast, year=None, *, days=14):
    ensure_default_questions()
    today = timezone.localdate()
    coordinator = cast.fresh("coordinator")
    round = do_create_round(
        coordinator,
        year=year or today.year,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=days),
    )
    return do_open_round(coordinator, round)


def close(cast, round):
    return do_close_round(cast.fresh("coordinator"), round)


def answers_for(round, value):
    """{round question id: value} for every statement; `value` may be a function of the rq."""
    return {
        rq.pk: value(rq) if callable(value) else value for rq in round.questions.order_by("order")
    }


def answer(user, round, value=3):
    return do_submit_response(user, round, answers_for(round, value))


_counter = [0]


def people(unit, n, prefix="p"):
    """`n` new people in `unit`."""
    out = []
    for _i in range(n):
        _counter[0] += 1
        out.append(
            do_create_user(
                None,
                email=f"{prefix}{_counter[0]}@test.example",
                name=f"Person {_counter[0]}",
                unit=unit,
                password="test-pass-123",
            )
        )
    return out
