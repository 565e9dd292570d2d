"""A decision reaches the receivers it should, signed, only after the transaction commits."""

import uuid

import pytest
from django.db import transaction
from django.test import override_settings

from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import new_idea
from ideverket.webhooks.models import Attempt, Delivery

pytestmark = pytest.mark.django_db


def decide(cast, idea, outcome=Outcome.TAKE):
    return idea_actions.do_decide(
        cast.fresh("lead"), idea, outcome, seen_stage=Stage.SUBMITTED, reason="Bra idé."
    )


@override_settings(SITE_URL="https://ideer.testkommun.se")
def test_a_decision_is_posted_signed_with_its_payload(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint = endpoint_for(receiver)
    idea = new_idea(cast)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decide(cast, idea)

    assert len(receiver.received) == 1
    headers, payload, signature_ok = receiver.received[0]
    assert signature_ok
    delivery = Delivery.objects.get()
    assert headers["X-Ideverket-Event"] == "idea.decided"
    assert headers["X-Ideverket-Delivery"] == str(delivery.uuid)
    assert headers["X-Ideverket-Signature"].startswith("sha256=")
    assert headers["Content-Type"].startswith("application/json")
    assert payload["event"] == "idea.decided"
    assert uuid.UUID(payload["delivery"]) == delivery.uuid
    data = payload["data"]
    assert data["idea"] == {
        "id": idea.pk,
        "title": "Digital närvarolista",
        "stage": "in_assessment",
        "stage_label": str(Stage.IN_ASSESSMENT.label),
        "url": f"https://ideer.testkommun.se/ideer/{idea.pk}/",
        "unit": "Skola Norr",
        "department": "Utbildningsförvaltningen",
        "restricted": False,
    }
    assert data["decision"]["outcome"] == "take"
    assert data["decision"]["decided_by"] == "Lena Ledare"
    assert data["decision"]["decided_at"] == decision.decided_at.isoformat()
    assert data["decision"]["reason"] == "Bra idé."
    delivery.refresh_from_db()
    assert delivery.endpoint == endpoint
    assert delivery.status == Delivery.Status.DELIVERED
    attempt = Attempt.objects.get()
    assert (attempt.number, attempt.http_status, attempt.succeeded) == (1, 204, True)


def test_nothing_is_sent_when_the_decision_rolls_back(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint_for(receiver)
    idea = new_idea(cast)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        decide(cast, idea)
        raise RuntimeError("something later in the request failed")
    assert callbacks == []
    assert receiver.received == []
    assert not Delivery.objects.exists()
    assert Idea.objects.get(pk=idea.pk).stage == Stage.SUBMITTED


def test_department_filter_and_restricted_ideas(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    everywhere = endpoint_for(receiver, name="Hela kommunen")
    education = endpoint_for(receiver, department=cast.education, name="UBF")
    social = endpoint_for(receiver, department=cast.social, name="SOF")
    receiver.secret = everywhere.secret  # signatures differ per endpoint; not checked here

    open_idea = new_idea(cast)
    with django_capture_on_commit_callbacks(execute=True):
        decide(cast, open_idea)
    assert set(Delivery.objects.values_list("endpoint", flat=True)) == {everywhere.pk, education.pk}

    Delivery.objects.all().delete()
    secret = new_idea(cast, title="Känslig idé", visibility=Idea.Visibility.RESTRICTED)
    with django_capture_on_commit_callbacks(execute=True):
        decide(cast, secret)
    # Only the endpoint limited to the idea's own department hears of a restricted idea.
    assert list(Delivery.objects.values_list("endpoint", flat=True)) == [education.pk]
    titles = [p["data"]["idea"]["title"] for _h, p, _ok in receiver.received]
    assert titles.count("Känslig idé") == 1
    assert social.deliveries.count() == 0


def test_inactive_endpoints_get_nothing_and_no_endpoint_costs_one_query(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    from ideverket.webhooks.actions import do_deactivate_endpoint

    endpoint = endpoint_for(receiver)
    do_deactivate_endpoint(cast.admin, endpoint)
    with django_capture_on_commit_callbacks(execute=True):
        decide(cast, new_idea(cast))
    assert not Delivery.objects.exists()
    assert receiver.received == []


def test_a_wrong_secret_is_refused_by_the_receiver_and_logged(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint_for(receiver)
    receiver.secret = "not-the-secret"
    with django_capture_on_commit_callbacks(execute=True):
        decide(cast, new_idea(cast))
    attempt = Attempt.objects.get()
    assert attempt.http_status == 401
    assert not attempt.succeeded
    assert "401" in attempt.error
