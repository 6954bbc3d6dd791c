"""`salon schedule --in INSTANCE.json --out SCHEDULE.json [--time-limit S]` (see docs/cli-schedule.md)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from salon.matchmaking.scheduling import InstanceError, check_schedule, instance_from_dict, solve


class Command(BaseCommand):
    help = "Place accepted B2B meeting requests into slots, maximising total priority, with a proven bound."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--in", dest="input", required=True, help="instance JSON file")
        parser.add_argument("--out", dest="output", required=True, help="schedule JSON file to write")
        parser.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
        parser.add_argument("--workers", type=int, default=None, help="solver threads (default: all cores)")
        parser.add_argument("--seed", type=int, default=0, help="solver random seed (default 0)")

    def handle(self, *args: object, **options: object) -> None:
        source = Path(str(options["input"]))
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"{source}: cannot read ({error.strerror or error})") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{source}: not valid JSON ({error})") from error
        time_limit = float(options["time_limit"])  # type: ignore[arg-type]
        if time_limit <= 0:
            raise CommandError("--time-limit must be positive")
        try:
            instance = instance_from_dict(data)
        except InstanceError as error:
            raise CommandError(f"{source}: {error}") from error

        schedule = solve(
            instance,
            time_limit=time_limit,
            num_workers=options["workers"],  # type: ignore[arg-type]
            seed=int(options["seed"]),  # type: ignore[arg-type]
        )
        violations = check_schedule(instance, schedule)
        if violations:  # a solver bug, never the user's fault: refuse to write a broken agenda
            raise CommandError(f"internal error, schedule breaks a rule: {violations[0].message}")

        target = Path(str(options["output"]))
        try:
            target.write_text(json.dumps(schedule.to_dict(), ensure_ascii=False), encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{target}: cannot write ({error.strerror or error})") from error
        self.stdout.write(
            f"{len(schedule.meetings)} meetings placed, priority {schedule.placed_priority} of at most "
            f"{schedule.upper_bound} ({schedule.status}); first-come would reach "
            f"{schedule.stats['first_come_priority']}; {schedule.solve_seconds:.1f}s"
        )
