from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "ideverket.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import describe_endpoint_event

        # No visibility lookup: these events notify nobody; administrators read them.
        register("webhooks.endpoint", describe_endpoint_event)
