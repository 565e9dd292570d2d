"""Send webhook deliveries that are due: retries when the task backend cannot wait (cron)."""

from django.core.management.base import BaseCommand

from ideverket.webhooks.delivery import retry_due


class Command(BaseCommand):
    help = "Skickar webhook-leveranser vars nästa försök är dags (kör varje minut med cron)."

    def handle(self, *args, **options):
        count = retry_due()
        self.stdout.write(f"{count} webhook-leveranser försökta.")
