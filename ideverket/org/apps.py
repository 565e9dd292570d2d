from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "ideverket.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import describe_import_event

        # No visibility lookup: the import notifies nobody; administrators read it.
        register("org.orgimport", describe_import_event)
