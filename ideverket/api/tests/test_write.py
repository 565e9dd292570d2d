"""Writing through the API goes through the ideas actions: permissions, events, Swedish 422s."""

import pytest

from ideverket.activity.models import Event
from ideverket.ideas.models import Comment, Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import new_idea

from .helpers import api_post, token_for

IDEA = {
    "title": "Cykelpool för hemtjänsten",
    "problem": "Bilarna räcker inte till på morgonen.",
    "proposal": "Elcyklar att låna för korta besök.",
}


def test_create_submitted_idea(client, cast):
    token = token_for(cast.outsider)
    response = api_post(client, "/ideas", token, {**IDEA, "owner_unit_id": cast.homecare.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    idea = Idea.objects.get(pk=body["id"])
    assert (body["stage"], idea.stage) == (Stage.SUBMITTED, Stage.SUBMITTED)
    assert list(idea.submitters.all()) == [cast.outsider]
    verbs = set(Event.objects.for_subject(idea).values_list("verb", flat=True))
    assert verbs == {Event.Verb.CREATED, Event.Verb.SUBMITTED}


def test_create_draft_restricted(client, cast):
    token = token_for(cast.employee)
    data = {**IDEA, "owner_unit_id": cast.school.pk, "submit": False, "visibility": "restricted"}
    body = api_post(client, "/ideas", token, data).json()
    assert (body["stage"], body["visibility"]) == ("draft", "restricted")


def test_create_with_bad_input_is_422_in_swedish_and_saves_nothing(client, cast, make_challenge):
    challenge = make_challenge()
    Idea.objects.all().delete()
    from ideverket.challenges.models import Challenge

    Challenge.objects.filter(pk=challenge.pk).update(open_until="2000-01-01")
    token = token_for(cast.employee)
    data = {
        "title": "  \u200b ",
        "problem": "x",
        "proposal": "y" * 5001,
        "owner_unit_id": cast.kommun.pk,
        "challenge_id": challenge.pk,
    }
    response = api_post(client, "/ideas", token, data)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "proposal"],
            "msg": "Högst 5000 tecken.",
            "type": "string_too_long",
        }
    ]
    response = api_post(client, "/ideas", token, {**data, "proposal": "y"})
    assert response.status_code == 422
    messages = {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}
    assert messages == {
        "title": "Ge idén en rubrik.",
        "owner_unit_id": "Välj en enhet som finns.",
        "challenge_id": "Välj en utmaning som är öppen för idéer.",
    }
    missing = api_post(client, "/ideas", token, {})
    assert {e["msg"] for e in missing.json()["detail"]} == {"Fältet måste fyllas i."}
    assert not Idea.objects.exists()


def test_comment_on_a_visible_idea(client, cast):
    idea = new_idea(cast)
    token = token_for(cast.outsider)
    response = api_post(client, f"/ideas/{idea.pk}/comments", token, {"body": " Bra idé! "})
    assert response.status_code == 201
    assert response.json()["body"] == "Bra idé!"
    comment = Comment.objects.get()
    assert (comment.author, comment.idea) == (cast.outsider, idea)
    assert Event.objects.for_subject(idea).filter(verb=Event.Verb.COMMENTED).exists()


@pytest.mark.parametrize("who", ["outsider", "social_lead", "hr_person"])
def test_cannot_comment_on_a_hidden_idea(client, cast, who):
    secret = new_idea(cast, visibility=Idea.Visibility.RESTRICTED)
    token = token_for(getattr(cast, who))
    response = api_post(client, f"/ideas/{secret.pk}/comments", token, {"body": "Hej"})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_empty_comment_is_422(client, cast):
    idea = new_idea(cast)
    token = token_for(cast.employee)
    response = api_post(client, f"/ideas/{idea.pk}/comments", token, {"body": "\u202e "})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Skriv något i kommentaren."
    assert api_post(client, f"/ideas/{idea.pk}/comments", token, {"body": ""}).status_code == 422
    assert not Comment.objects.exists()


def test_comment_on_ones_own_draft_is_refused_by_the_rule(client, cast):
    """The rule in ideas/rules.py decides, not the API: 403 where the UI refuses too."""
    draft = new_idea(cast, submit=False)
    token = token_for(cast.employee)
    response = api_post(client, f"/ideas/{draft.pk}/comments", token, {"body": "Hej"})
    assert response.status_code == 403
    assert response.json() == {"detail": "Du får inte göra det."}
    assert not Comment.objects.exists()


def test_no_csrf_token_needed_with_a_bearer_token(cast):
    """A bearer token is not sent by browsers on their own, so there is nothing to forge."""
    from django.test import Client

    idea = new_idea(cast)
    strict = Client(enforce_csrf_checks=True)
    response = api_post(
        strict, f"/ideas/{idea.pk}/comments", token_for(cast.employee), {"body": "Hej"}
    )
    assert response.status_code == 201
