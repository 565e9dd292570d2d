from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "ideverket.api"
    label = "api"
    verbose_name = _("Öppet API")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import describe_token_event

        # No visibility lookup: token events notify nobody; they show in the owner's timeline.
        register("api.apitoken", describe_token_event)
