"""`manage.py send_digests`: the daily notification digest, for cron (once a day)."""

from django.core.management.base import BaseCommand

from ideverket.activity.email import send_digests
from ideverket.activity.tasks import send_digests as send_digests_task


class Command(BaseCommand):
    help = "Skickar dagens sammanfattning av notiser till dem som valt den."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Lägg utskicket i kön åt arbetaren (make worker) i stället för att skicka nu.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = send_digests_task.enqueue()
            self.stdout.write(f"Köad: {result.id}")
            return
        count = send_digests()
        self.stdout.write(f"Skickade {count} sammanfattningar.")
