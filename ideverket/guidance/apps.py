from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "ideverket.guidance"
    label = "guidance"
    verbose_name = _("Vägledning")

    def ready(self):
        from ideverket.activity.describe import register

        from . import rules  # noqa: F401 - registers the permissions
        from .describe import (
            describe_defect_event,
            describe_page_event,
            visible_defects,
            visible_pages,
        )

        register("guidance.guidepage", describe_page_event, visible_pages)
        # New reports notify the coordinators; only they may open one.
        register("guidance.defectreport", describe_defect_event, visible_defects)
