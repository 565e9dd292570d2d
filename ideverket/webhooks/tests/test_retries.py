"""Failed deliveries are retried with back-off until they succeed or give up; all logged."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from ideverket.webhooks import dispatch
from ideverket.webhooks.actions import do_deactivate_endpoint, retry_delay
from ideverket.webhooks.models import MAX_ATTEMPTS, RETRY_DELAYS, Attempt, Delivery
from ideverket.webhooks.tasks import send_delivery

pytestmark = pytest.mark.django_db

PAYLOAD = {"idea": {"id": 1, "title": "Test"}}


def queue_one(cast, capture):
    with capture(execute=True):
        dispatch.queue("idea.decided", PAYLOAD, cast.education.pk)
    return Delivery.objects.get()


def make_due(delivery):
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_back_off_schedule():
    assert RETRY_DELAYS == [60, 300, 1800, 7200, 43200]
    assert MAX_ATTEMPTS == 6
    assert [retry_delay(n) for n in range(1, 7)] == [*RETRY_DELAYS, None]


def test_fails_twice_then_delivered(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint_for(receiver)
    receiver.fail_times = 2
    before = timezone.now()
    delivery = queue_one(cast, django_capture_on_commit_callbacks)
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    wait = (delivery.next_attempt_at - before).total_seconds()
    assert 59 <= wait <= 62

    # Not due yet: the cron command leaves it alone.
    call_command("retry_webhooks")
    assert Attempt.objects.count() == 1

    make_due(delivery)
    call_command("retry_webhooks")
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.status == Delivery.Status.PENDING
    assert 299 <= (delivery.next_attempt_at - timezone.now()).total_seconds() <= 301

    make_due(delivery)
    call_command("retry_webhooks")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED
    assert delivery.next_attempt_at is None
    log = list(Attempt.objects.order_by("number").values_list("number", "http_status", "succeeded"))
    assert log == [(1, 500, False), (2, 500, False), (3, 204, True)]
    assert all(ok for _h, _p, ok in receiver.received)
    # The same delivery id on every attempt, so the receiver can drop duplicates.
    assert len({h["X-Ideverket-Delivery"] for h, _p, _ok in receiver.received}) == 1


def test_gives_up_after_six_attempts(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint_for(receiver)
    receiver.fail_times = 100
    receiver.fail_status = 503
    delivery = queue_one(cast, django_capture_on_commit_callbacks)
    for _ in range(MAX_ATTEMPTS - 1):
        make_due(delivery)
        call_command("retry_webhooks")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == MAX_ATTEMPTS
    assert delivery.next_attempt_at is None
    make_due(delivery)
    call_command("retry_webhooks")
    assert Attempt.objects.count() == MAX_ATTEMPTS == len(receiver.received)
    assert set(Attempt.objects.values_list("http_status", flat=True)) == {503}


def test_unreachable_receiver_is_logged_with_the_error(
    cast, endpoint_for, django_capture_on_commit_callbacks
):
    from .receiver import Receiver

    gone = Receiver()
    url = gone.url
    gone.server.server_close()  # nobody listens on that port now
    endpoint = endpoint_for(gone)
    endpoint.url = url
    delivery = queue_one(cast, django_capture_on_commit_callbacks)
    attempt = Attempt.objects.get()
    assert attempt.http_status is None
    assert attempt.error
    assert len(attempt.error) <= 500
    assert delivery.status == Delivery.Status.PENDING


def test_deactivating_stops_waiting_retries(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint = endpoint_for(receiver)
    receiver.fail_times = 1
    delivery = queue_one(cast, django_capture_on_commit_callbacks)
    do_deactivate_endpoint(cast.admin, endpoint)
    make_due(delivery)
    call_command("retry_webhooks")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.CANCELLED
    assert len(receiver.received) == 1


def test_a_stale_claim_is_picked_up_again(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint_for(receiver)
    receiver.fail_times = 1
    delivery = queue_one(cast, django_capture_on_commit_callbacks)
    # A worker claimed the retry and died.
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENDING,
        claimed_at=timezone.now() - datetime.timedelta(minutes=11),
    )
    call_command("retry_webhooks")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_backend_that_can_wait_gets_the_retry_queued_for_later(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    endpoint_for(receiver)
    receiver.fail_times = 1
    backend = send_delivery.get_backend()
    backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        dispatch.queue("idea.decided", PAYLOAD, cast.education.pk)
    delivery = Delivery.objects.get()
    assert [r.task.run_after for r in backend.results] == [None]  # stored, not run
    with django_capture_on_commit_callbacks(execute=True):
        send_delivery.call(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.PENDING
    assert [r.task.run_after for r in backend.results] == [None, delivery.next_attempt_at]
    assert backend.results[1].args == [delivery.pk]


def test_a_garbled_answer_is_a_failed_attempt(
    cast, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def answer_garbage():
        connection, _address = listener.accept()
        connection.recv(65536)
        connection.sendall(b"not http at all\r\n\r\n")
        connection.close()

    thread = threading.Thread(target=answer_garbage, daemon=True)
    thread.start()
    endpoint = endpoint_for(receiver)
    endpoint.url = f"http://127.0.0.1:{listener.getsockname()[1]}/hook"
    endpoint.save()
    try:
        delivery = queue_one(cast, django_capture_on_commit_callbacks)
    finally:
        thread.join(timeout=5)
        listener.close()
    attempt = Attempt.objects.get()
    assert attempt.http_status is None
    assert "BadStatusLine" in attempt.error or "RemoteDisconnected" in attempt.error
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
