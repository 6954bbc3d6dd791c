from django.core.management.base import BaseCommand, CommandError

from salon.audit.domain.chain import verify_chain
from salon.audit.models import AuditEntry


class Command(BaseCommand):
    help = "Audit trail: `verify` recomputes the hash chain; `tail` shows the latest decisions."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="recompute the chain and name the first broken entry")
        tail = sub.add_parser("tail", help="print the latest entries")
        tail.add_argument("-n", type=int, default=20)

    def handle(self, *args, action: str, **options):
        if action == "verify":
            report = verify_chain()
            if not report.intact:
                raise CommandError(
                    f"audit chain BROKEN at entry #{report.first_broken_seq}: {report.problem} "
                    f"({report.entries_checked} entries before it are intact)"
                )
            last = AuditEntry.objects.order_by("-seq").first()
            head = last.entry_hash if last else "-"
            self.stdout.write(f"audit chain intact: {report.entries_checked} entries, head {head}")
        elif action == "tail":
            for entry in AuditEntry.objects.order_by("-seq")[: options["n"]]:
                self.stdout.write(f"{entry.recorded_at:%Y-%m-%d %H:%M:%S} {entry}")
