"""Rounds, snapshots and answering: the rules the actions keep."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.capability import actions
from ideverket.capability.models import Answer, Dimension, Question, Response, Round
from ideverket.capability.results import build_results
from ideverket.capability.rules import results_scope

from .builders import answer, answers_for, close, open_round, people


def test_default_question_set_has_five_dimensions_in_order(db):
    names = list(Dimension.objects.values_list("name", flat=True))
    assert names == ["Ledarskap", "Kultur", "Struktur och process", "Kompetens", "Samverkan"]
    for dimension in Dimension.objects.all():
        assert dimension.questions.filter(is_active=True).count() == 4
    assert Question.objects.filter(
        text="Det är tillåtet att misslyckas när vi testar något nytt"
    ).exists()


def test_opening_snapshots_the_active_questions(cast):
    coordinator = cast.fresh("coordinator")
    dropped = Question.objects.first()
    actions.do_edit_question(
        coordinator, dropped, text=dropped.text, dimension=dropped.dimension, is_active=False
    )
    round = open_round(cast)
    assert round.questions.count() == Question.objects.active().count() == 19
    assert not round.questions.filter(question=dropped).exists()
    assert Event.objects.filter(verb=Event.Verb.EDITED, data__change="round_opened").exists()


def test_editing_a_question_after_a_round_does_not_change_its_results(cast):
    round = open_round(cast)
    for person in people(cast.school, 3):
        answer(person, round, 4)
    close(cast, round)
    before = build_results(results_scope(cast.fresh("coordinator")))
    leadership = Dimension.objects.get(key="ledarskap")
    culture = Dimension.objects.get(key="kultur")
    question = Question.objects.filter(dimension=leadership).first()
    rq = round.questions.get(question=question)
    old_text = rq.text
    actions.do_edit_question(
        cast.fresh("coordinator"),
        question,
        text="Ett helt nytt påstående",
        dimension=culture,
        is_active=False,
    )
    rq.refresh_from_db()
    assert (rq.text, rq.dimension) == (old_text, leadership)
    after = build_results(results_scope(cast.fresh("coordinator")))
    group = str(cast.education.pk)
    for dimension in before.dimensions:
        assert (
            before.group(group).cell(round.pk, dimension.pk).average
            == after.group(group).cell(round.pk, dimension.pk).average
        )


def test_only_the_coordinator_manages(cast):
    leadership = Dimension.objects.get(key="ledarskap")
    for key in ("employee", "lead", "manager", "admin", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.do_create_question(cast.fresh(key), dimension=leadership, text="X")
        with pytest.raises(PermissionDenied):
            actions.do_create_round(
                cast.fresh(key),
                year=2030,
                opens_on=datetime.date(2030, 1, 1),
                closes_on=datetime.date(2030, 2, 1),
            )
    question = actions.do_create_question(
        cast.fresh("coordinator"), dimension=leadership, text="  Nytt påstående\u202e "
    )
    assert question.text == "Nytt påstående"
    assert question.order == 4


def test_moving_reorders_within_the_dimension(cast):
    leadership = Dimension.objects.get(key="ledarskap")
    first, second = list(Question.objects.filter(dimension=leadership).in_order())[:2]
    actions.do_move_question(cast.fresh("coordinator"), second, "up")
    assert list(Question.objects.filter(dimension=leadership).in_order())[:2] == [second, first]
    # Moving the first one up again changes nothing.
    actions.do_move_question(cast.fresh("coordinator"), second, "up")
    assert list(Question.objects.filter(dimension=leadership).in_order())[0] == second


def test_one_open_round_at_a_time(cast):
    open_round(cast, 2025)
    today = timezone.localdate()
    second = actions.do_create_round(
        cast.fresh("coordinator"), year=2026, opens_on=today, closes_on=today
    )
    with pytest.raises(ValidationError, match="redan öppen"):
        actions.do_open_round(cast.fresh("coordinator"), second)
    with pytest.raises(ValidationError, match="redan en omgång"):
        actions.do_create_round(
            cast.fresh("coordinator"), year=2026, opens_on=today, closes_on=today
        )


def test_one_response_per_person_changed_in_place(cast):
    round = open_round(cast)
    employee = cast.fresh("employee")
    answer(employee, round, 2)
    answer(employee, round, lambda rq: None if rq.order == 0 else 5)
    response = Response.objects.get()
    assert response.department == cast.education
    assert Answer.objects.filter(response=response).count() == round.questions.count()
    assert Answer.objects.filter(value__isnull=True).count() == 1
    assert set(Answer.objects.exclude(value=None).values_list("value", flat=True)) == {5}


def test_a_response_created_concurrently_is_changed_not_duplicated(cast, monkeypatch):
    """The insert loses the race: another request created the response first."""
    round = open_round(cast)
    employee = cast.fresh("employee")
    answer(employee, round, 1)
    real = Response.objects.get_or_create

    def lost_race(**kwargs):
        from django.db import IntegrityError

        raise IntegrityError("capability_one_response_per_person")

    monkeypatch.setattr(Response.objects, "get_or_create", lost_race)
    actions.do_submit_response(employee, round, answers_for(round, 4))
    monkeypatch.setattr(Response.objects, "get_or_create", real)
    assert Response.objects.count() == 1
    assert set(Answer.objects.values_list("value", flat=True)) == {4}


# No serialized_rollback: its teardown skips post_migrate, which leaves the next transactional
# test without content types. open_round() puts the default statements back itself.
@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_leaves_one_response():
    from conftest import Cast

    cast = Cast()
    round = open_round(cast)
    employee = cast.fresh("employee")
    barrier = threading.Barrier(2)
    errors = []

    def submit(value):
        try:
            barrier.wait(timeout=5)
            actions.do_submit_response(employee, round, answers_for(round, value))
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(v,)) for v in (2, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Response.objects.count() == 1
    assert Answer.objects.count() == round.questions.count()
    assert len(errors) <= 1


def test_closed_round_refuses_answers(cast):
    round = open_round(cast)
    close(cast, round)
    with pytest.raises(ValidationError, match="stängd"):
        answer(cast.fresh("employee"), round)
    assert not Response.objects.exists()


def test_round_past_its_closing_day_refuses_answers(cast):
    round = open_round(cast)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Round.objects.filter(pk=round.pk).update(opens_on=yesterday, closes_on=yesterday)
    with pytest.raises(ValidationError, match="stängd"):
        answer(cast.fresh("employee"), round)


def test_bad_answers_are_refused_and_nothing_saved(cast):
    round = open_round(cast)
    employee = cast.fresh("employee")
    full = answers_for(round, 3)
    missing = dict(list(full.items())[1:])
    with pytest.raises(ValidationError):
        actions.do_submit_response(employee, round, missing)
    off_scale = {**full, next(iter(full)): 6}
    with pytest.raises(ValidationError):
        actions.do_submit_response(employee, round, off_scale)
    other = actions.do_create_round(
        cast.fresh("coordinator"),
        year=2001,
        opens_on=datetime.date(2001, 1, 1),
        closes_on=datetime.date(2001, 1, 2),
    )
    foreign_rq = other.questions.model.objects.create(
        round=other, dimension=Dimension.objects.first(), text="Annan omgång", order=0
    )
    with pytest.raises(ValidationError, match="hör inte"):
        actions.do_submit_response(employee, round, {**full, foreign_rq.pk: 3})
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_people_without_a_department_cannot_answer(cast):
    round = open_round(cast)
    (rootless,) = people(cast.kommun, 1)
    with pytest.raises(PermissionDenied):
        answer(rootless, round)
