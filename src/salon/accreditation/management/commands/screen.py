"""`salon screen`: vet a people file against one or more watch lists, write the hits for the officers."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from salon.accreditation.screening import DEFAULT_THRESHOLD
from salon.accreditation.screening.pipeline import run_screening
from salon.accreditation.screening.readers import ScreeningInputError


class Command(BaseCommand):
    help = "Screen a people file against watch lists (OpenSanctions targets.simple.csv or id,name CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--watchlist", action="append", required=True, type=Path, metavar="LIST.csv")
        parser.add_argument("--people", required=True, type=Path, metavar="PEOPLE.csv")
        parser.add_argument("--out", required=True, type=Path, metavar="HITS.csv")
        parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
        parser.add_argument("--workers", type=int, default=None, help="processes (default: up to 2)")

    def handle(self, *args: object, **options: object) -> None:
        threshold = float(options["threshold"])  # type: ignore[arg-type]
        if not 0.0 < threshold <= 1.0:
            raise CommandError(f"--threshold must be in (0, 1], got {threshold}")
        try:
            stats = run_screening(
                list(options["watchlist"]),  # type: ignore[arg-type]
                options["people"],  # type: ignore[arg-type]
                options["out"],  # type: ignore[arg-type]
                threshold,
                workers=options["workers"],  # type: ignore[arg-type]
                show_progress=int(options.get("verbosity", 1)) > 0,  # type: ignore[call-overload]
            )
        except ScreeningInputError as error:
            raise CommandError(error.message) from error
        except OSError as error:
            raise CommandError(f"{error.filename}: {error.strerror}") from error
        self.stdout.write(
            f"{stats['hits']} hits for {stats['people']} people against {stats['entries']} listed entries "
            f"in {stats['total_seconds']:.1f} s -> {options['out']}"
        )
