"""Reading through the API shows exactly what the UI shows: hidden answers 404 like missing."""

import pytest

from ideverket.effects.tests.builders import hours_effect
from ideverket.goals.tests.builders import goal_tree
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import new_idea
from ideverket.projects.models import Project
from ideverket.trials.tests.builders import trial_for

from .helpers import api_get, token_for


@pytest.fixture
def secret(cast):
    """A restricted idea of Skola Norr: inside its circle only."""
    return new_idea(cast, title="Hemlig idé", visibility=Idea.Visibility.RESTRICTED)


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("employee", True),
        ("colleague", True),
        ("manager", True),
        ("lead", True),
        ("coordinator", True),
        ("outsider", False),
        ("social_lead", False),
        ("hr_person", False),
        ("admin", False),
    ],
)
def test_restricted_idea_per_role(client, cast, secret, who, sees):
    token = token_for(getattr(cast, who))
    assert (secret.pk in _ids(api_get(client, "/ideas", token))) is sees
    detail = api_get(client, f"/ideas/{secret.pk}", token)
    assert detail.status_code == (200 if sees else 404)
    if sees:
        assert detail.json()["problem"] == secret.problem
    else:
        assert detail.json() == {"detail": "Hittades inte."}


def test_missing_and_hidden_answer_alike(client, cast, secret):
    token = token_for(cast.outsider)
    hidden = api_get(client, f"/ideas/{secret.pk}", token)
    missing = api_get(client, "/ideas/999999", token)
    assert (hidden.status_code, hidden.content) == (missing.status_code, missing.content)


def test_drafts_are_their_authors_only(client, cast):
    draft = new_idea(cast, title="Mitt utkast", submit=False)
    assert draft.pk in _ids(api_get(client, "/ideas", token_for(cast.employee)))
    assert draft.pk not in _ids(api_get(client, "/ideas", token_for(cast.coordinator)))


def test_idea_filters(client, cast, make_challenge):
    challenge = make_challenge()
    on_challenge = new_idea(cast, title="Kö-app", challenge=challenge)
    in_homecare = new_idea(cast, title="Nyckelfritt", owner_unit=cast.homecare)
    draft = new_idea(cast, title="Utkastet", submit=False)
    token = token_for(cast.employee)
    assert _ids(api_get(client, "/ideas", token, challenge=challenge.pk)) == [on_challenge.pk]
    assert _ids(api_get(client, "/ideas", token, unit=cast.social.pk)) == [in_homecare.pk]
    assert _ids(api_get(client, "/ideas", token, unit=999999)) == []
    assert _ids(api_get(client, "/ideas", token, stage=Stage.DRAFT)) == [draft.pk]
    assert _ids(api_get(client, "/ideas", token, q="nyckelfri")) == [in_homecare.pk]
    bad = api_get(client, "/ideas", token, stage="__all__", unit="x")
    assert bad.status_code == 422
    messages = {tuple(e["loc"]): e["msg"] for e in bad.json()["detail"]}
    assert messages[("query", "unit")] == "Ange ett heltal."
    assert messages[("query", "stage")].startswith("Välj ett av:")


def test_unknown_filters_are_ignored_not_passed_on(client, cast):
    new_idea(cast)
    token = token_for(cast.employee)
    response = api_get(client, "/ideas", token, title__startswith="x", owner_unit__path="/")
    assert response.json()["count"] == 1


def test_pagination_and_its_limits(client, cast):
    ideas = [new_idea(cast, title=f"Idé {n}") for n in range(5)]
    token = token_for(cast.employee)
    first = api_get(client, "/ideas", token, limit=2).json()
    second = api_get(client, "/ideas", token, limit=2, offset=2).json()
    assert first["count"] == second["count"] == 5
    newest_first = [idea.pk for idea in reversed(ideas)]
    assert [i["id"] for i in first["items"] + second["items"]] == newest_first[:4]
    assert api_get(client, "/ideas", token, offset=5).json()["items"] == []
    too_many = api_get(client, "/ideas", token, limit=101)
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["msg"] == "Värdet får vara högst 100."
    assert api_get(client, "/ideas", token, limit=0).status_code == 422
    assert api_get(client, "/ideas", token, offset=-1).status_code == 422


def test_trials_follow_their_idea(client, cast):
    trial = trial_for(cast, visibility=Idea.Visibility.RESTRICTED)
    inside, outside = token_for(cast.employee), token_for(cast.outsider)
    assert _ids(api_get(client, "/trials", inside)) == [trial.pk]
    assert api_get(client, f"/trials/{trial.pk}", inside).json()["idea_id"] == trial.idea_id
    assert _ids(api_get(client, "/trials", outside)) == []
    assert api_get(client, f"/trials/{trial.pk}", outside).status_code == 404
    assert _ids(api_get(client, "/trials", inside, status="evaluated")) == []


def test_projects_restricted(client, cast, make_project):
    hidden = make_project("Hemligt", visibility=Project.Visibility.RESTRICTED)
    shown = make_project("Öppet")
    outsider = token_for(cast.outsider)
    assert _ids(api_get(client, "/projects", outsider)) == [shown.pk]
    assert api_get(client, f"/projects/{hidden.pk}", outsider).status_code == 404
    lead = token_for(cast.lead)
    assert set(_ids(api_get(client, "/projects", lead))) == {hidden.pk, shown.pk}
    assert api_get(client, f"/projects/{hidden.pk}", lead).json()["purpose"]


def test_effects_follow_their_subject(client, cast):
    secret = new_idea(cast, visibility=Idea.Visibility.RESTRICTED)
    effect = hours_effect(cast, secret)
    inside, outside = token_for(cast.employee), token_for(cast.outsider)
    assert _ids(api_get(client, "/effects", inside)) == [effect.pk]
    body = api_get(client, f"/effects/{effect.pk}", inside).json()
    assert (body["subject_type"], body["subject_id"], body["target"]) == (
        "ideas.idea",
        secret.pk,
        "1400.00",
    )
    assert _ids(api_get(client, "/effects", outside)) == []
    assert api_get(client, f"/effects/{effect.pk}", outside).status_code == 404


def test_challenges_and_goals_for_everyone(client, cast, make_challenge):
    challenge = make_challenge()
    council, *_rest = goal_tree(cast)
    token = token_for(cast.outsider)
    assert _ids(api_get(client, "/challenges", token)) == [challenge.pk]
    assert api_get(client, f"/challenges/{challenge.pk}", token).json()["question"]
    assert _ids(api_get(client, "/challenges", token, open="false")) == []
    goals = _ids(api_get(client, "/goals", token, level="council"))
    assert goals == [council.pk]
    assert api_get(client, f"/goals/{council.pk}", token).json()["reference"] == "K1"
