"""Background work (run by `manage.py db_worker`): sending one webhook delivery."""

from django_tasks import task


@task()
def send_delivery(delivery_id):
    """Attempt one delivery; a failure queues the next attempt for later (see actions)."""
    from .delivery import attempt

    result = attempt(delivery_id)
    return None if result is None else result.http_status
