"""The demo's webhook: the diarium's receiver, set up last month and switched off again.

A mixin for `DemoBuilder`: `build_webhooks()` runs last, after all decisions have been played,
so no delivery is ever queued. The endpoint is inactive, so the demo never sends anything; it
shows what the page looks like. The administrator adds it (as IT would when the diarium is
connected) and the coordinator pauses it until the diarium's test environment is ready.
"""

from datetime import timedelta

from django.utils import timezone

from ideverket.webhooks.actions import do_create_endpoint, do_deactivate_endpoint

DIARIUM_URL = "https://diarium.exempelkommun.se/webhook"


class WebhooksMixin:
    def build_webhooks(self):
        admin = self.people["Jörgen Ärlig"]
        added = self._webhook_moment(34, 9, 40)
        self.clock.now = added
        endpoint = do_create_endpoint(
            admin,
            name="Diariet (W3D3)",
            url=DIARIUM_URL,
            events=["idea.decided"],
        )
        self.clock.now = added + timedelta(days=1, hours=4, minutes=5)
        do_deactivate_endpoint(self.coordinator, endpoint)
        self.clock.now = self.real_now

    def _webhook_moment(self, days, hour, minute):
        # A weekday morning, without drawing from the random stream (that keeps the rest of the
        # demo as it was).
        local = timezone.localtime(self.days_ago(days))
        while local.weekday() >= 4:  # Friday to Sunday: the Monday after (and a day to pause)
            local += timedelta(days=1)
        return local.replace(hour=hour, minute=minute, second=0, microsecond=0)
