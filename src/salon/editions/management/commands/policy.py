from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from salon.editions.domain.policy import PolicyError, parse_policy_file, replace_policy, set_rule
from salon.editions.domain.venue import edition_by_ref
from salon.editions.models import ParticipationRule

DEFAULT_POLICY_DIR = Path(__file__).resolve().parents[2] / "data" / "policies"


class Command(BaseCommand):
    help = (
        "Participation policy of an edition: `load EDITION FILE` replaces it from a CSV file "
        f"(defaults ship in {DEFAULT_POLICY_DIR}), `show EDITION` prints it, "
        "`set EDITION COUNTRY REGIME --reason …` overrides one country."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load")
        load.add_argument("edition")
        load.add_argument("file")
        show = sub.add_parser("show")
        show.add_argument("edition")
        setter = sub.add_parser("set")
        setter.add_argument("edition")
        setter.add_argument("country")
        setter.add_argument("regime")
        setter.add_argument("--reason", default="")
        setter.add_argument("--source", default="")

    def handle(self, *args, action: str, edition: str, **options):
        edition_obj = edition_by_ref(edition)
        if edition_obj is None:
            raise CommandError(f"no edition {edition!r}")
        try:
            if action == "load":
                path = Path(options["file"])
                if not path.is_file():
                    raise CommandError(f"{path}: no such file")
                rows = parse_policy_file(path.read_bytes())
                count = replace_policy(edition_obj, rows, actor="cli", source_name=path.name)
                self.stdout.write(f"{edition_obj.slug}: {count} rules loaded from {path.name}")
            elif action == "set":
                rule = set_rule(
                    edition_obj,
                    country=options["country"],
                    regime=options["regime"],
                    reason=options["reason"],
                    source=options["source"],
                    actor="cli",
                )
                self.stdout.write(f"{edition_obj.slug}: {rule.country} is now {rule.regime}")
            else:
                self.stdout.write(
                    f"{edition_obj.slug}: countries without a rule are {edition_obj.default_regime}"
                )
                for rule in ParticipationRule.objects.filter(edition=edition_obj):
                    self.stdout.write(f"{rule.country.code}\t{rule.regime}\t{rule.reason}\t{rule.source}")
        except PolicyError as exc:
            raise CommandError(f"{options.get('file') or edition}: {exc.message}") from exc
