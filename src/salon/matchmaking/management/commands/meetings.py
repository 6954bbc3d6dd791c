import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from salon.editions.domain.venue import edition_by_ref
from salon.matchmaking.domain.profiles import refresh_vectors
from salon.matchmaking.domain.scheduling import run_scheduler


class Command(BaseCommand):
    help = ("B2B matchmaking of an edition: `embed EDITION` computes the embeddings of changed profiles; "
            "`schedule EDITION [--time-limit S]` places accepted meetings into slots.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        embed = sub.add_parser("embed")
        embed.add_argument("edition")
        schedule = sub.add_parser("schedule")
        schedule.add_argument("edition")
        schedule.add_argument("--time-limit", type=float, default=60.0)

    def handle(self, *args, action: str, edition: str, **options):
        edition_obj = edition_by_ref(edition)
        if edition_obj is None:
            raise CommandError(f"no edition {edition!r}")
        if action == "embed":
            with tqdm(desc="embedding profiles", unit="profile", file=sys.stderr) as bar:
                count = refresh_vectors(edition_obj, progress=bar.update)
            self.stdout.write(f"{edition_obj.slug}: {count} profiles embedded")
            return
        from django.contrib.auth import get_user_model

        from salon.accounts.domain.roles import Role

        organizer = get_user_model().objects.filter(groups__name=Role.ORGANIZER.value).first()
        if organizer is None:
            raise CommandError("no organizer account exists to run the scheduler as")
        run = run_scheduler(edition_obj, actor=organizer, time_limit=options["time_limit"])
        self.stdout.write(f"{edition_obj.slug}: placed {run.placed}/{run.requests} meetings, priority "
                          f"{run.placed_priority} of a proven bound {run.upper_bound} ({run.status}), "
                          f"{run.moved} moved, {run.solve_seconds:.1f} s")
