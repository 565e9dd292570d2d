from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "ideverket.network"
    label = "network"
    verbose_name = _("Idéinspiratörsnätverket")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import (
            describe_activity_event,
            describe_profile_event,
            visible_activities,
            visible_profiles,
        )

        register("network.inspirerprofile", describe_profile_event, visible_profiles)
        register("network.networkactivity", describe_activity_event, visible_activities)
