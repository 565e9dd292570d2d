"""The demo's webhook: one inactive endpoint to the diarium, nothing ever queued or sent."""

import pytest

from ideverket.demo.builder import DemoBuilder
from ideverket.webhooks.models import Attempt, Delivery, Endpoint


@pytest.mark.django_db
def test_demo_has_one_inactive_diarium_endpoint_and_no_deliveries():
    DemoBuilder().build()
    endpoint = Endpoint.objects.get()
    assert endpoint.url == "https://diarium.exempelkommun.se/webhook"
    assert not endpoint.is_active
    assert endpoint.events == ["idea.decided"]
    assert endpoint.created_at < endpoint.updated_at
    assert not Delivery.objects.exists()
    assert not Attempt.objects.exists()
