"""manage.py load_demo – load the invented municipality "Exempelkommun" (idempotent)."""

import time

from django.core.management.base import BaseCommand, CommandError

from ideverket.demo import data
from ideverket.demo.builder import DemoBuilder, demo_loaded, follow_through_counts
from ideverket.demo.logins import format_logins


class Command(BaseCommand):
    help = (
        "Läser in demokommunen Exempelkommun med förvaltningar, personer i alla roller, "
        "utmaningar, idéer i alla steg, tester, införanden, effekter, lärdomar och projekt. "
        "Körs den igen läggs inget till. "
        "Skriver alltid ut demoinloggningarna."
    )

    def handle(self, *args, **options):
        if demo_loaded():
            self.stdout.write(f"Demodata finns redan ({data.ROOT_NAME}). Inget har lagts till.")
        else:
            started = time.monotonic()
            try:
                counts = DemoBuilder().build()
            except Exception as exc:  # the transaction is rolled back; say why, briefly
                raise CommandError(f"Demodatan kunde inte läsas in: {exc!r}") from exc
            elapsed = time.monotonic() - started
            stages = ", ".join(f"{stage} {n}" for stage, n in counts.items())
            more = ", ".join(f"{n} {what}" for what, n in follow_through_counts().items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demodata inläst på {elapsed:.1f} s: {sum(counts.values())} idéer ({stages}); "
                    f"{more}."
                )
            )
        self.stdout.write(format_logins())
