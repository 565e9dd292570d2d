"""E-mail about notifications: one at a time for those who chose "Direkt", a daily digest for
the rest, nothing for those who said no. Run by the task worker (tasks.py) and by cron
(`manage.py send_digests`), never in a request.

Each notification is e-mailed at most once (`Notification.emailed_at`), only to active people,
and only if its recipient may still see its subject (the visibility lookups in describe.py).
"""

import html
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .describe import attach_subjects, describe
from .models import EmailPreference, Notification

UNSUBSCRIBE_SALT = "ideverket.activity.unsubscribe"
DIGEST_CHUNK = 200  # people per batch: one query for their notifications, one e-mail connection
# A first digest (or one after cron stood still) reaches back at most this far; older unread
# notifications are still in the inbox.
DIGEST_WINDOW = timedelta(days=7)
SUBJECT_LENGTH = 150

Frequency = EmailPreference.Frequency


def unsubscribe_token(user):
    """A signed token naming the person; it unsubscribes that person and no one else."""
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_id_from_token(token):
    """The user id in a token, or raise signing.BadSignature (tampered, other salt, garbage)."""
    value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(value, dict) or not isinstance(value.get("u"), int):
        raise signing.BadSignature("no user id")
    return value["u"]


def absolute(path):
    return settings.SITE_URL + path


def _as_text(markup):
    """A describer's sentence (safe HTML) as plain text for a subject line or a text body."""
    return " ".join(html.unescape(strip_tags(str(markup))).split())


def _item(notification):
    subject = notification.subject
    url = getattr(subject, "get_absolute_url", None)
    return {
        "sentence": _as_text(describe(notification.event)),
        "title": getattr(subject, "title", None) or str(subject),
        "url": absolute(url()) if url else absolute(reverse("activity:notifications")),
        "created_at": notification.created_at,
    }


def _message(user, subject_line, template, context):
    unsubscribe_url = absolute(reverse("activity:unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe_url,
        "settings_url": absolute(reverse("activity:email_settings")),
        "notifications_url": absolute(reverse("activity:notifications")),
    }
    subject_line = " ".join(subject_line.split())
    if len(subject_line) > SUBJECT_LENGTH:
        subject_line = subject_line[: SUBJECT_LENGTH - 1] + "…"
    message = mail.EmailMultiAlternatives(
        subject=subject_line,
        body=render_to_string(f"activity/email/{template}.txt", context),
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>"},
    )
    message.attach_alternative(
        render_to_string(f"activity/email/{template}.html", context), "text/html"
    )
    return message


def send_event_emails(event_id):
    """E-mail one event's notifications to the recipients who chose "Direkt"; returns how many
    e-mails were sent."""
    pending = Notification.objects.filter(
        event_id=event_id,
        emailed_at__isnull=True,
        read_at__isnull=True,
        recipient__is_active=True,
        recipient__email_preference__frequency=Frequency.IMMEDIATE,
    ).select_related("event__actor", "event__subject_type", "recipient")
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        messages, sent = [], []
        for notification in pending:
            if not attach_subjects(notification.recipient, [notification]):
                continue  # the recipient may no longer see the item
            item = _item(notification)
            subject_line = _("{sentence}: {title}").format(**item)
            messages.append(
                _message(notification.recipient, subject_line, "notification", {"item": item})
            )
            sent.append(notification.pk)
        # Marked before sending, in the same transaction: if sending fails, nothing is marked.
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
        if messages:
            with mail.get_connection() as connection:
                connection.send_messages(messages)
    return len(messages)


def pending_digest_notifications(now):
    """Unread notifications not yet e-mailed, since each digest person's last digest."""
    preference = "recipient__email_preference"
    since_last = Q(**{f"{preference}__last_digest_at__isnull": True}) | Q(
        created_at__gt=F(f"{preference}__last_digest_at")
    )
    return Notification.objects.filter(
        Q(**{f"{preference}__isnull": True})
        | Q(**{f"{preference}__frequency": Frequency.DAILY}) & since_last,
        emailed_at__isnull=True,
        read_at__isnull=True,
        recipient__is_active=True,
        created_at__gt=now - DIGEST_WINDOW,
        created_at__lte=now,
    )


def send_digests(now=None):
    """One e-mail per digest person with what is new since their last digest; returns how many
    e-mails were sent. Running it again sends nothing new.

    Queries: the people with something pending (1); per DIGEST_CHUNK people, the people with
    their units and roles (3), their notifications (1), marking them e-mailed (1) and the
    digest times (1); per person, the visibility lookups (one per kind of item in the digest).
    """
    now = now or timezone.now()
    pending = pending_digest_notifications(now)
    recipient_ids = list(
        pending.order_by("recipient_id").values_list("recipient_id", flat=True).distinct()
    )
    count = 0
    with translation.override(settings.LANGUAGE_CODE):
        for start in range(0, len(recipient_ids), DIGEST_CHUNK):
            chunk = recipient_ids[start : start + DIGEST_CHUNK]
            count += _send_digest_chunk(pending, chunk, now)
    return count


def _recipients(user_ids):
    """The people of one chunk with their unit and roles, which the visibility lookups read:
    three queries for the chunk instead of two per person."""
    people = (
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .select_related("unit")
        .prefetch_related("roles__unit")
    )
    by_pk = {}
    for person in people:
        # User.role_assignments is a cached_property; fill it from the prefetch.
        person.__dict__["role_assignments"] = list(person.roles.all())
        by_pk[person.pk] = person
    return by_pk


def _send_digest_chunk(pending, recipient_ids, now):
    people = _recipients(recipient_ids)
    by_recipient = defaultdict(list)
    rows = (
        pending.filter(recipient_id__in=recipient_ids)
        .select_related("event__actor", "event__subject_type")
        .order_by("recipient_id", "created_at", "pk")
    )
    for notification in rows:
        notification.recipient = people[notification.recipient_id]
        by_recipient[notification.recipient].append(notification)
    messages, sent = [], []
    for recipient, notifications in by_recipient.items():
        visible = attach_subjects(recipient, notifications)
        if not visible:
            continue
        items = [_item(n) for n in visible]
        subject_line = ngettext(
            "Idéverket: {count} ny notis", "Idéverket: {count} nya notiser", len(items)
        ).format(count=len(items))
        messages.append(_message(recipient, subject_line, "digest", {"items": items}))
        sent.extend(n.pk for n in visible)
    with transaction.atomic():
        Notification.objects.filter(pk__in=sent).update(emailed_at=now)
        # The next digest starts here, also for people whose notifications were all hidden.
        EmailPreference.objects.bulk_create(
            [EmailPreference(user_id=pk, last_digest_at=now) for pk in recipient_ids],
            update_conflicts=True,
            unique_fields=["user"],
            update_fields=["last_digest_at"],
        )
        if messages:
            with mail.get_connection() as connection:
                connection.send_messages(messages)
    return len(messages)
