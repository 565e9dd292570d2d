"""The signature on every webhook: HMAC-SHA256 of "<timestamp>.<body>" with the endpoint's secret."""

import hashlib
import hmac


def signature(secret, timestamp, body):
    """`sha256=<hex>` for `body` (bytes) sent at `timestamp` (whole seconds since 1970)."""
    message = str(int(timestamp)).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret, timestamp, body, header):
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(signature(secret, timestamp, body), header or "")
