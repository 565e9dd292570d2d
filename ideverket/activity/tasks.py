"""Background tasks (run by `manage.py db_worker`): e-mail about notifications."""

from django_tasks import task

from . import email


@task()
def send_event_emails(event_id):
    """E-mail one event to the recipients who chose immediate e-mail."""
    return email.send_event_emails(event_id)


@task()
def send_digests():
    """The daily digest for everyone who chose it (cron usually runs `manage.py send_digests`)."""
    return email.send_digests()
