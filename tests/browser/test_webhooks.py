"""Webhooks in a real Chromium: the administrator adds an endpoint by keyboard alone (a bad
address is pointed out in Swedish and the text kept), sees the secret once, and reads the
delivery log after a decision was sent (one failure, then a retry). axe and 320 px throughout."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas import actions as idea_actions
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import new_idea
from ideverket.webhooks.models import Attempt, Delivery, Endpoint
from ideverket.webhooks.tests.receiver import Receiver

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_admin_adds_an_endpoint_by_keyboard_and_reads_the_log(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    receiver = Receiver().start()
    try:
        browser_login(page, cast.admin)
        page.goto(live_server.url + reverse("webhooks:list"))
        check(page, assert_accessible, assert_no_horizontal_scroll)
        page.get_by_role("link", name="Lägg till webhook").click()
        page.wait_for_url(re.compile(r"/webhooks/ny/$"))
        check(page, assert_accessible, assert_no_horizontal_scroll)

        # Keyboard only: a plain-http address to another host first.
        page.get_by_label("Namn").focus()
        page.keyboard.type("Diariet")
        page.keyboard.press("Tab")
        page.keyboard.type("http://diarium.testkommun.se/hook")
        page.keyboard.press("Enter")  # submits the form
        alert = page.get_by_role("alert")
        assert "Adressen måste börja med https://" in alert.inner_text()
        assert page.get_by_label("Adress (URL)").input_value() == (
            "http://diarium.testkommun.se/hook"
        )
        assert page.get_by_label("Namn").input_value() == "Diariet"
        assert not Endpoint.objects.exists()
        assert_accessible(page)

        page.get_by_label("Adress (URL)").focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(receiver.url)
        page.get_by_role("button", name="Spara webhooken").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/webhooks/\d+/$"))
        endpoint = Endpoint.objects.get()
        assert page.get_by_label("Hemlighet för signaturen").input_value() == endpoint.secret
        check(page, assert_accessible, assert_no_horizontal_scroll)
        page.reload()
        assert page.get_by_label("Hemlighet för signaturen").count() == 0
        assert "Inget har skickats" in page.get_by_role("main").inner_text()

        # A decision goes out; the receiver fails the first time, the retry gets through.
        receiver.secret = endpoint.secret
        receiver.fail_times = 1
        idea_actions.do_decide(
            cast.fresh("lead"), new_idea(cast), Outcome.TAKE, seen_stage=Stage.SUBMITTED
        )
        delivery = Delivery.objects.get()
        assert delivery.status == Delivery.Status.PENDING
        page.reload()
        log = page.get_by_role("table", name="Alla försök, senaste först")
        assert "500" in log.inner_text()
        assert page.get_by_role("table", name="Leveranser som inte är klara").is_visible()
        check(page, assert_accessible, assert_no_horizontal_scroll)

        Delivery.objects.filter(pk=delivery.pk).update(
            next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        call_command("retry_webhooks")
        page.reload()
        assert "204" in log.inner_text()
        assert list(Attempt.objects.order_by("number").values_list("http_status", flat=True)) == [
            500,
            204,
        ]
        assert all(ok for _h, _p, ok in receiver.received)
        check(page, assert_accessible, assert_no_horizontal_scroll)

        page.get_by_role("button", name="Inaktivera").focus()
        with page.expect_navigation():  # back to the same address, so wait for the load
            page.keyboard.press("Enter")
        assert "Inaktiv – inget skickas" in page.get_by_role("main").inner_text()
        endpoint.refresh_from_db()
        assert not endpoint.is_active
        page.goto(live_server.url + reverse("webhooks:list"))
        check(page, assert_accessible, assert_no_horizontal_scroll)
    finally:
        receiver.stop()
