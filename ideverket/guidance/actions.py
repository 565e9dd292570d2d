"""Every change to guidance pages, their feedback and accessibility reports: atomic, checked.

Page edits and the handling of defect reports are events on their subject's timeline. Feedback
answers are not: they are anonymous by default, and an event with the answerer as actor would
undo that.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.lib.text import normalize_text
from ideverket.org.models import RoleAssignment, User

from .models import MAX_COMMENT, RESERVED_SLUGS, DefectReport, GuidePage, PageFeedback
from .rules import is_coordinator

PAGE_FIELDS = ("title", "slug", "summary", "body", "parent", "order", "is_published", "contact")
TEXT_FIELDS = ("title", "slug", "summary", "body")


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied


def _check_page(page):
    if page.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("Adressen används redan av tjänsten. Välj en annan.")})
    if page.contact is not None and not page.contact.is_active:
        raise ValidationError({"contact": _("Välj en person som är aktiv.")})
    # The parent chain may not come back to the page itself.
    parent, seen = page.parent, set()
    while parent is not None:
        if page.pk is not None and parent.pk == page.pk or parent.pk in seen:
            raise ValidationError(
                {"parent": _("En sida kan inte ligga under sig själv eller sina undersidor.")}
            )
        seen.add(parent.pk)
        parent = parent.parent
    if GuidePage.objects.filter(slug=page.slug).exclude(pk=page.pk).exists():
        raise ValidationError({"slug": _("Det finns redan en sida med den adressen.")})
    page.full_clean(validate_unique=False)


@transaction.atomic
def do_create_guide_page(user, **fields):
    """A new guidance page (published or a draft), with its contact person."""
    _require_coordinator(user)
    page = GuidePage(**{k: v for k, v in fields.items() if k in PAGE_FIELDS})
    for name in TEXT_FIELDS:
        setattr(page, name, normalize_text(getattr(page, name)))
    now = timezone.now()
    page.created_at = page.updated_at = now
    page.updated_by = user
    _check_page(page)
    page.save()
    record_event(user, Event.Verb.CREATED, page, title=page.title, is_published=page.is_published)
    return page


@transaction.atomic
def do_edit_guide_page(user, page, **fields):
    """Change a page; the event lists which fields changed (and the old title if it did)."""
    _require_coordinator(user)
    page = GuidePage.objects.select_for_update().get(pk=page.pk)
    before = {name: getattr(page, name) for name in PAGE_FIELDS}
    for name, value in fields.items():
        if name in PAGE_FIELDS:
            setattr(page, name, normalize_text(value) if name in TEXT_FIELDS else value)
    changed = [name for name in PAGE_FIELDS if getattr(page, name) != before[name]]
    if not changed:
        return page
    _check_page(page)
    page.updated_at = timezone.now()
    page.updated_by = user
    page.save()
    facts = {"change": "page_edited", "fields": changed, "title": page.title}
    if "title" in changed:
        facts["old_title"] = before["title"]
    if "is_published" in changed:
        facts["is_published"] = page.is_published
    record_event(user, Event.Verb.EDITED, page, **facts)
    return page


def answered_key(page):
    return str(page.pk)


@transaction.atomic
def do_give_feedback(user, page, *, helpful, comment="", anonymous=True):
    """Save one answer to "Hjälpte informationen på sidan dig?" on a published page.

    The user is stored only when a logged-in person unticks "Svara anonymt". The one-answer-
    per-session limit is the view's (it holds the session)."""
    if not page.is_published:
        raise PermissionDenied
    if helpful not in (True, False):
        raise ValidationError(_("Svara ja eller nej."))
    comment = normalize_text(comment)
    if len(comment) > MAX_COMMENT:
        raise ValidationError(
            _("Kommentaren får vara högst %(max)s tecken.") % {"max": MAX_COMMENT}
        )
    named = user is not None and user.is_authenticated and not anonymous
    return PageFeedback.objects.create(
        page=page,
        helpful=helpful,
        comment=comment,
        user=user if named else None,
        created_at=timezone.now(),
    )


def _coordinator_ids():
    return list(
        User.objects.filter(
            is_active=True, roles__role=RoleAssignment.Role.COORDINATOR
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def do_report_defect(user, *, page_url, description, name="", email=""):
    """Save a report of an accessibility defect; the coordinators are notified."""
    report = DefectReport(
        page_url=normalize_text(page_url),
        description=normalize_text(description),
        name=normalize_text(name),
        email=normalize_text(email).lower(),
        created_at=timezone.now(),
    )
    report.full_clean()
    report.save()
    actor = user if user is not None and user.is_authenticated else None
    record_event(actor, Event.Verb.CREATED, report, notify=_coordinator_ids())
    return report


@transaction.atomic
def do_handle_defect_report(user, report, *, status, reply):
    """Set a report's status (ny / åtgärdad) and the note on what was done or answered."""
    _require_coordinator(user)
    report = DefectReport.objects.select_for_update().get(pk=report.pk)
    if status not in DefectReport.Status.values:
        raise ValidationError({"status": _("Välj en status i listan.")})
    old_status = report.status
    report.status = status
    report.reply = normalize_text(reply)
    if status == DefectReport.Status.FIXED and not report.reply:
        raise ValidationError({"reply": _("Skriv vad som gjordes, innan du markerar åtgärdad.")})
    report.handled_at = timezone.now()
    report.handled_by = user
    report.full_clean()
    report.save(update_fields=["status", "reply", "handled_at", "handled_by"])
    record_event(
        user,
        Event.Verb.EDITED,
        report,
        change="defect_handled",
        old_status=old_status,
        status=status,
    )
    return report
