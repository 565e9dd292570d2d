"""Import the organisation from the HR system's export, for scheduled runs (cron, systemd timer).

    manage.py import_org enheter.csv personer.csv [--full] [--dry-run]

Reads and checks both files exactly as the import page does, prints the counts and every row
error, and applies everything in one transaction (or nothing). Exit code 1 on any error.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ideverket.org.actions import do_apply_org_import
from ideverket.org.importer import FILE_LABELS, plan_rows, read_files


class Command(BaseCommand):
    help = "Importera enheter och personer från HR-systemets export (CSV eller XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("units_file", help="Enheter (CSV/XLSX); '-' för ingen fil")
        parser.add_argument("people_file", nargs="?", help="Personer (CSV/XLSX)")
        parser.add_argument(
            "--full",
            action="store_true",
            help="Filerna är hela organisationen: inaktivera personer och tomma enheter som saknas.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa vad som skulle ändras utan att spara."
        )

    def _source(self, name):
        if not name or name == "-":
            return None
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"Filen finns inte: {name}")
        return (path.name, path.read_bytes())

    def handle(self, *args, **options):
        rows, ignored, file_errors = read_files(
            self._source(options["units_file"]), self._source(options["people_file"])
        )
        for kind, message in file_errors.items():
            self.stderr.write(f"{FILE_LABELS[kind]}: {message}")
        if file_errors:
            raise CommandError("Filerna kunde inte läsas. Inget har sparats.")
        plan = plan_rows(rows, full=options["full"], actor=None, ignored=ignored)
        for name in plan.forbidden_columns:
            self.stdout.write(f"Kolumnen {name} lästes inte och sparas inte.")
        summary = plan.summary()
        for kind in ("units", "people"):
            counts = summary[kind]
            self.stdout.write(
                f"{str(FILE_LABELS[kind]).capitalize()}: {counts['create']} skapas, "
                f"{counts['change']} ändras, {counts['unchanged']} oförändrade, "
                f"{counts['deactivate']} inaktiveras"
            )
        if plan.errors:
            for error in plan.errors:
                self.stderr.write(
                    f"{error.file_label} rad {error.row} · {error.column} · {error.message}"
                )
            raise CommandError(f"{len(plan.errors)} fel. Inget har sparats.")
        if options["dry_run"]:
            self.stdout.write("Provkörning: inget har sparats.")
            return
        try:
            do_apply_org_import(None, plan)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages) + " Inget har sparats.") from exc
        self.stdout.write(self.style.SUCCESS("Importen är genomförd."))
