"""manage.py generate_scale_data – a large synthetic municipality for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ideverket.demo.scale import SCALE_DOMAIN, ScaleGenerator, scale_run_exists


class Command(BaseCommand):
    help = (
        "Fyller databasen med en stor påhittad kommun (Skalkommun) för prestandamätningar: "
        "enheter, personer, idéer i olika steg, beslut, kommentarer och stöd, skrivna i "
        f"omgångar med bulk-inserts. Personerna får e-post @{SCALE_DOMAIN}; finns de redan "
        "vägrar kommandot att köra utan --append."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, required=True, help="antal idéer")
        parser.add_argument("--people", type=int, help="antal personer (standard max(500, N/7))")
        parser.add_argument("--seed", type=int, default=0, help="slumpfrö (standard 0)")
        parser.add_argument(
            "--append",
            action="store_true",
            help="lägg till i en tidigare körning (samma enheter, fler personer och idéer)",
        )

    def handle(self, *args, ideas, people, seed, append, **options):
        if ideas < 1 or (people is not None and people < 1):
            raise CommandError("--ideas och --people måste vara positiva tal.")
        if scale_run_exists() and not append:
            raise CommandError(
                f"Det finns redan skaldata (personer @{SCALE_DOMAIN}). "
                "Använd --append för att lägga till mer."
            )
        started = time.monotonic()
        generator = ScaleGenerator(
            ideas=ideas, people=people, seed=seed, out=lambda line: self.stdout.write(line)
        )
        counts = generator.build()
        # Bulk loads leave the planner without statistics (SQLite never gathers them by itself;
        # PostgreSQL's autovacuum would, minutes later): gather them now, as an operator would.
        self.stdout.write("ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        rows = sum(counts.values())
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Skaldata klar på {elapsed:.1f} s: {summary} "
                f"(≈ {rows / max(elapsed, 0.001):.0f} rader/s utan kopplingstabeller)."
            )
        )
