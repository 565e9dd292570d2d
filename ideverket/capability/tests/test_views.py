"""The pages: who gets what, the answer form with bad input, management, results, exports."""

import csv
import io

import pytest
from django.urls import reverse

from ideverket.capability.forms import DONT_KNOW
from ideverket.capability.models import Answer, Question, Response, Round

from .builders import answer, close, open_round, people

EVERYONE = [
    "employee",
    "colleague",
    "inspirer",
    "manager",
    "lead",
    "director",
    "social_lead",
    "outsider",
    "hr_person",
    "coordinator",
    "admin",
]


def form_data(round, value="3"):
    return {f"q{rq.pk}": value for rq in round.questions.all()}


@pytest.mark.parametrize("viewer", EVERYONE)
def test_home_and_results_open_to_everyone(cast, login, viewer):
    client = login(cast.fresh(viewer))
    assert client.get(reverse("capability:home")).status_code == 200
    assert client.get(reverse("capability:results")).status_code == 200


@pytest.mark.parametrize("viewer", EVERYONE)
def test_management_is_the_coordinators_only(cast, login, viewer):
    question = Question.objects.first()
    round = open_round(cast)
    client = login(cast.fresh(viewer))
    expected = 200 if viewer == "coordinator" else 404
    for url in (
        reverse("capability:manage"),
        reverse("capability:question_create"),
        reverse("capability:question_edit", args=[question.pk]),
        reverse("capability:round_create"),
    ):
        assert client.get(url).status_code == expected, url
    if viewer != "coordinator":
        for url in (
            reverse("capability:question_move", args=[question.pk]),
            reverse("capability:round_close", args=[round.pk]),
        ):
            assert client.post(url, {"direction": "up"}).status_code == 404
        assert Round.objects.get().status == Round.Status.OPEN


def test_draft_round_is_404_for_all_but_the_coordinator(cast, login):
    import datetime

    from ideverket.capability.actions import do_create_round

    draft = do_create_round(
        cast.fresh("coordinator"),
        year=2031,
        opens_on=datetime.date(2031, 1, 1),
        closes_on=datetime.date(2031, 1, 31),
    )
    url = reverse("capability:answer", args=[draft.pk])
    assert login(cast.fresh("outsider")).get(url).status_code == 404
    assert login(cast.fresh("employee")).get(url).status_code == 404
    assert login(cast.fresh("coordinator")).get(url).status_code == 200
    assert (
        login(cast.fresh("employee"))
        .get("/innovationsformaga/99999999999999999999/svara/")
        .status_code
        == 404
    )


def test_answer_and_change_answers(cast, login):
    round = open_round(cast)
    client = login(cast.fresh("employee"))
    url = reverse("capability:answer", args=[round.pk])
    page = client.get(url)
    assert "Min chef uppmuntrar nya idéer och ger tid att pröva dem" in page.content.decode()
    response = client.post(url, form_data(round, "4"))
    assert response.status_code == 302
    assert response["Location"] == reverse("capability:answered", args=[round.pk])
    confirmation = client.get(response["Location"]).content.decode()
    assert "Tack" in confirmation and "Ändra mina svar" in confirmation
    # Change: the form comes back filled in, and a second submit changes the one response.
    form = client.get(url).context["form"]
    assert {form[name].value() for name in form.fields} == {"4"}
    data = form_data(round, "2")
    data[next(iter(data))] = DONT_KNOW
    assert client.post(url, data).status_code == 302
    assert Response.objects.count() == 1
    assert Answer.objects.filter(value=None).count() == 1
    assert Answer.objects.filter(value=2).count() == round.questions.count() - 1


def test_missing_and_bad_answers_show_swedish_errors_and_keep_the_rest(cast, login):
    round = open_round(cast)
    client = login(cast.fresh("employee"))
    url = reverse("capability:answer", args=[round.pk])
    data = form_data(round, "5")
    rqs = list(round.questions.order_by("order"))
    del data[f"q{rqs[0].pk}"]
    data[f"q{rqs[1].pk}"] = "7"
    response = client.post(url, data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Välj ett svar på påståendet, eller Vet inte." in html
    assert "Välj ett av svaren 1–5 eller Vet inte." in html
    assert f'id="id_q{rqs[0].pk}_error"' in html
    # What was answered is kept: the third statement is still checked at 5.
    form = response.context["form"]
    assert form[f"q{rqs[2].pk}"].value() == "5"
    assert not Response.objects.exists()


def test_tampered_question_ids_of_another_round_are_ignored(cast, login):
    old = open_round(cast, 2020)
    close(cast, old)
    round = open_round(cast)
    client = login(cast.fresh("employee"))
    url = reverse("capability:answer", args=[round.pk])
    # Only another round's ids: every statement of this round is missing.
    response = client.post(url, form_data(old, "5"))
    assert response.status_code == 422
    assert not Response.objects.exists()
    # This round's answers plus another round's: only this round's are stored.
    assert client.post(url, {**form_data(round, "3"), **form_data(old, "5")}).status_code == 302
    assert set(Answer.objects.values_list("round_question__round", flat=True)) == {round.pk}


def test_closed_round_refuses_a_post(cast, login):
    round = open_round(cast)
    client = login(cast.fresh("employee"))
    data = form_data(round, "3")
    close(cast, round)
    response = client.post(reverse("capability:answer", args=[round.pk]), data)
    assert response.status_code == 409
    assert "Omgången är stängd" in response.content.decode()
    assert not Response.objects.exists()


def test_coordinator_edits_questions_and_runs_rounds(cast, login):
    client = login(cast.fresh("coordinator"))
    question = Question.objects.first()
    url = reverse("capability:question_edit", args=[question.pk])
    response = client.post(url, {"dimension": question.dimension_id, "text": "   "})
    assert response.status_code == 422
    assert "Skriv påståendet." in response.content.decode()
    response = client.post(url, {"dimension": "x", "text": "Ny text"})
    assert response.status_code == 422
    assert "Ny text" in response.content.decode()
    response = client.post(
        url, {"dimension": question.dimension_id, "text": "Ny text", "is_active": ""}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.text, question.is_active) == ("Ny text", False)
    response = client.post(
        reverse("capability:round_create"),
        {"year": "2027", "opens_on": "2027-03-01", "closes_on": "2027-02-01"},
    )
    assert response.status_code == 422
    assert "Stängningsdagen kan inte ligga före öppningsdagen." in response.content.decode()
    assert not Round.objects.exists()
    assert (
        client.post(
            reverse("capability:round_create"),
            {"year": "2099", "opens_on": "2099-03-01", "closes_on": "2099-03-31"},
        ).status_code
        == 302
    )
    round = Round.objects.get()
    client.post(reverse("capability:round_open", args=[round.pk]))
    round.refresh_from_db()
    assert round.status == Round.Status.OPEN
    assert round.questions.count() == 19
    page = client.get(reverse("capability:manage")).content.decode()
    assert "öppnade omgången med 19 påståenden" in page
    client.post(reverse("capability:round_close", args=[round.pk]))
    round.refresh_from_db()
    assert round.status == Round.Status.CLOSED


@pytest.mark.parametrize(
    "query",
    [
        {"round": "1899"},
        {"round": "abc"},
        {"department": "%"},
        {"department": "_"},
        {"department": "9" * 30},
        {"round": "x" * 10_000},
        {"format": "pdf"},
    ],
)
def test_bad_query_strings_never_fail(cast, login, query):
    round = open_round(cast, 2024)
    for person in people(cast.school, 3):
        answer(person, round)
    close(cast, round)
    response = login(cast.fresh("employee")).get(reverse("capability:results"), query)
    assert response.status_code == 200


def test_outsider_cannot_pick_another_department(cast, login):
    round = open_round(cast, 2024)
    for person in people(cast.school, 3):
        answer(person, round, 5)
    close(cast, round)
    response = login(cast.fresh("outsider")).get(
        reverse("capability:results"), {"department": cast.education.pk}
    )
    html = response.content.decode()
    assert "Välj en förvaltning i listan." in html
    assert "Utbildningsförvaltningen" not in html


def test_open_round_results_are_not_shown(cast, login):
    round = open_round(cast)
    for person in people(cast.school, 4):
        answer(person, round, 5)
    response = login(cast.fresh("coordinator")).get(reverse("capability:results"))
    assert response.context["round"] is None
    assert "pågår" in response.content.decode()


def test_export_holds_only_what_the_viewer_sees(cast, login):
    round = open_round(cast, 2024)
    for person in [*people(cast.school, 3), *people(cast.homecare, 3)]:
        answer(person, round, 4)
    for person in people(cast.hr, 2):
        answer(person, round, 1)
    close(cast, round)
    response = login(cast.fresh("employee")).get(reverse("capability:results"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    groups = {row[1] for row in rows[1:]}
    assert groups == {"Utbildningsförvaltningen", "Hela kommunen"}
    assert {row[3] for row in rows[1:]} == {"4,0"}
    response = login(cast.fresh("coordinator")).get(
        reverse("capability:results"), {"format": "xlsx", "round": "2024"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    response = login(cast.fresh("coordinator")).get(
        reverse("capability:results"), {"format": "csv"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    central = [row for row in rows if row[1] == "Kommunledningsförvaltningen"]
    assert central and all(row[3] == "" and row[4] == "" for row in central)
    assert all(row[5].startswith("Färre än 3") for row in central)
