"""How changes to guidance pages and accessibility reports read in a timeline or an inbox."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ideverket.activity.models import Event

from .models import DefectReport, GuidePage


def _field_names():
    return {
        "title": _("rubriken"),
        "slug": _("adressen"),
        "summary": _("ingressen"),
        "body": _("texten"),
        "parent": _("placeringen"),
        "order": _("ordningen"),
        "is_published": _("publiceringen"),
        "contact": _("informationsansvarig"),
    }


def describe_page_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    if event.verb == Event.Verb.CREATED:
        return format_html(
            _("{actor} skapade sidan ”{title}”"), actor=actor, title=data.get("title", "")
        )
    names = _field_names()
    fields = ", ".join(names.get(f, f) for f in data.get("fields", []))
    if data.get("is_published") is True:
        text = _("{actor} publicerade sidan ({fields})")
    elif data.get("is_published") is False:
        text = _("{actor} avpublicerade sidan ({fields})")
    else:
        text = _("{actor} ändrade {fields}")
    return format_html(text, actor=actor, fields=fields)


def describe_defect_event(event):
    data = event.data or {}
    if event.verb == Event.Verb.CREATED:
        return _("En brist i tillgängligheten rapporterades")
    actor = event.actor.name if event.actor else _("Systemet")
    status = DefectReport.Status(data["status"]).label if data.get("status") else ""
    return format_html(_("{actor} satte status {status}"), actor=actor, status=status)


def visible_pages(user, ids):
    pages = GuidePage.objects.visible_to(user).filter(pk__in=ids)
    return {page.pk: page for page in pages}


def visible_defects(user, ids):
    if not (user.is_authenticated and user.is_coordinator):
        return {}
    return {report.pk: report for report in DefectReport.objects.filter(pk__in=ids)}
