"""One HTTP POST of a delivery, with the standard library (no redirects followed)."""

import http.client
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from .models import ERROR_MAX_LENGTH, TIMEOUT_SECONDS
from .signing import signature

USER_AGENT = "Ideverket-Webhooks/1"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could point anywhere; the receiver must answer at the registered URL.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass
class Result:
    http_status: int | None
    error: str
    duration_ms: int

    @property
    def succeeded(self):
        return self.http_status is not None and 200 <= self.http_status < 300


def body_of(payload):
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def headers_for(delivery, body, timestamp):
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Ideverket-Event": delivery.event,
        "X-Ideverket-Delivery": str(delivery.uuid),
        "X-Ideverket-Timestamp": str(int(timestamp)),
        "X-Ideverket-Signature": signature(delivery.endpoint.secret, timestamp, body),
    }


def post(delivery):
    """POST the delivery's payload to its endpoint; never raises for network trouble."""
    body = body_of(delivery.payload)
    timestamp = int(time.time())
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body,
        headers=headers_for(delivery, body, timestamp),
        method="POST",
    )
    started = time.monotonic()
    status, error = None, ""
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            status = response.status
            response.read(1024)  # let the connection finish; the body is not kept
    except urllib.error.HTTPError as exc:
        status = exc.code
        error = f"HTTP {exc.code} {exc.reason}"
    except (
        urllib.error.URLError,
        http.client.HTTPException,
        TimeoutError,
        OSError,
        ValueError,
    ) as exc:  # a garbled answer counts as a failed attempt, like no answer
        reason = getattr(exc, "reason", exc)
        error = f"{type(exc).__name__}: {reason}"
    duration_ms = int((time.monotonic() - started) * 1000)
    return Result(http_status=status, error=error[:ERROR_MAX_LENGTH], duration_ms=duration_ms)
