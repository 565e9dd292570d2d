from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "ideverket.activity"
    label = "activity"
    verbose_name = _("Aktivitet")

    def ready(self):
        from .describe import describe_email_preference_event, register

        # No visibility lookup: these events notify nobody.
        register("activity.emailpreference", describe_email_preference_event)
