from django.core.management.base import BaseCommand, CommandError

from salon.accreditation.domain.retention import RetentionError, purge_personal_data
from salon.editions.domain.venue import edition_by_ref


class Command(BaseCommand):
    help = "Delete visitors' personal data of an edition whose retention period is over."

    def add_arguments(self, parser):
        parser.add_argument("edition")
        parser.add_argument(
            "--force", action="store_true", help="purge even before the retention period ends"
        )

    def handle(self, *args, edition: str, force: bool, **options):
        edition_obj = edition_by_ref(edition)
        if edition_obj is None:
            raise CommandError(f"no edition {edition!r}")
        try:
            count = purge_personal_data(edition_obj, actor="cli", force=force)
        except RetentionError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"{edition_obj.slug}: personal data of {count} registrations purged")
