from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapabilityConfig(AppConfig):
    name = "ideverket.capability"
    label = "capability"
    verbose_name = _("Innovationsförmåga")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import describe_question_event, describe_round_event

        # No visibility lookups: these events notify nobody; the coordinator reads them.
        register("capability.question", describe_question_event)
        register("capability.round", describe_round_event)
