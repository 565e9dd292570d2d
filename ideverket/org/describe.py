"""How an organisation import reads in a timeline."""

from django.utils.html import format_html
from django.utils.translation import gettext as _


def describe_import_event(event):
    actor = event.actor.name if event.actor else _("Systemet")
    data = event.data or {}
    units = data.get("units", {})
    people = data.get("people", {})
    return format_html(
        _(
            "{actor} importerade organisationen: {uc} nya och {uu} ändrade enheter, "
            "{pc} nya och {pu} ändrade personer, {pd} inaktiverade"
        ),
        actor=actor,
        uc=units.get("create", 0),
        uu=units.get("change", 0),
        pc=people.get("create", 0),
        pu=people.get("change", 0),
        pd=people.get("deactivate", 0),
    )
